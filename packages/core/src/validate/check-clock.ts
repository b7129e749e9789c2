// The clock of a check's time budget and deadlines.
//
// `performance.now()` is the obvious clock, but in Node the global `performance` is made on first use, and
// making it loads `perf_hooks` and nine more of Node's modules: about 3 ms of a 230 ms cold validate of one
// report, for a clock read a few times. Node's `process.hrtime`, there from the start, is read instead;
// a browser (the web page's worker, the browser language server) has `performance` at no cost.

/** A monotonic clock in milliseconds (arbitrary origin): what `budgetMs` and deadlines are measured on. */
export const checkClock: () => number = monotonicClock(globalThis);

/**
 * Node's `process.hrtime` as milliseconds when `scope` has it, otherwise `performance.now()`.
 * @param scope the global scope to read the clocks from (exported for tests)
 */
export function monotonicClock(scope: { process?: { hrtime?: { bigint?: () => bigint } }; performance?: { now(): number } }): () => number {
  const hrtime = scope.process?.hrtime?.bigint;
  if (typeof hrtime === 'function') return () => Number(hrtime()) / 1e6;
  return () => scope.performance!.now();
}
