// A full garbage collection of the check worker's heap once it has been idle a while after checking.
//
// V8 grows the worker's old generation while reports are checked (a check allocates several times the
// report's size, fix verification many times more) and does not give the memory back when the checks stop:
// after 400 edits of 20 open reports the worker held 75–80 MB of heap of which 34 MB were in use, and
// nothing changed in 15 s of idleness. One collection of the kind V8 makes before running out of memory
// (compacting, releasing empty pages) brings it back to what is live.

/** V8's `gc()` as exposed by `--expose-gc`, with the options V8 accepts. */
type ExposedGc = (options?: { type?: 'major' | 'minor'; execution?: 'sync' | 'async'; flavor?: 'regular' | 'last-resort' }) => void;

/**
 * The collection to run when idle: V8's exposed `gc()` (the server sets `--expose-gc` before the worker
 * starts, see `beforeWorkerStart`), or undefined when it is not exposed (then nothing is collected).
 */
export function memoryReducingCollection(scope: { gc?: unknown } = globalThis): (() => void) | undefined {
  const gc = scope.gc;
  if (typeof gc !== 'function') return undefined;
  return () => (gc as ExposedGc)({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/**
 * Runs `collect` once `idleMs` have passed without work since the last piece of work; work that comes
 * before then postpones it, and nothing runs again until there has been new work. The timer does not keep
 * the thread alive.
 */
export class IdleCollection {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly collect: () => void,
    private readonly idleMs: number,
  ) {}

  /** Work was done: collect once the thread has been idle for `idleMs` from now. */
  worked(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.collect();
      } catch {
        // A collection that fails changes nothing the checks depend on.
      }
    }, this.idleMs);
    this.timer.unref?.();
  }

  /** Cancels a pending collection. */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
