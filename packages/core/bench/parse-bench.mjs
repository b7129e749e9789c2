// `npm run bench` entry (scripts/bench.mjs runs packages/core/bench/parse-bench.mjs): the benchmark is
// written in TypeScript and run by Node 24 directly (type stripping); see parse-bench.ts.
await import('./parse-bench.ts');
