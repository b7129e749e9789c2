// `npm run fuzz` entry: the campaign is written in TypeScript and run by Node 24 directly (type
// stripping); see run-fuzz.ts.
await import('./run-fuzz.ts');
