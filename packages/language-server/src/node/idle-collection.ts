// A full garbage collection of the check worker's heap once it has been idle a while after checking.
//
// V8 grows the worker's old generation while reports are checked (a check allocates several times the
// report's size, fix verification many times more) and does not give the memory back when the checks stop:
// after 400 edits of 20 open reports the worker held 75–80 MB of heap of which 34 MB were in use, and
// nothing changed in 15 s of idleness. One collection of the kind V8 makes before running out of memory
// (compacting, releasing empty pages) brings it back to what is live.

/**
 * How long the check worker waits, idle after its last request, before it collects the garbage its checks
 * left ({@link garbageCollection}): the next edit then finds the old generation with room, instead of a
 * collection starting during it.
 */
export const collectGarbageAfterIdleMs = 1500;

/**
 * How long the check worker waits, idle after its last request, before its heap is given back
 * ({@link memoryReducingCollection}). That collection drops compiled code with the memory, and the first
 * edit after it is slower, so the wait is longer than the pause of someone reading an edit's findings
 * before typing again. When it came after 1.5 s, the first edit after a 3 s pause took 7–10 ms of the
 * worker's time instead of about 4 (50 KB report, 3–4 runs each); the memory (about 15 MB of heap: 34 →
 * 17 MB after 40 checks) now comes back 10 s after the last edit.
 */
export const giveBackAfterIdleMs = 10_000;

/** V8's `gc()` as exposed by `--expose-gc`, with the options V8 accepts. */
type ExposedGc = (options?: { type?: 'major' | 'minor'; execution?: 'sync' | 'async'; flavor?: 'regular' | 'last-resort' }) => void;

/**
 * A full collection that frees the garbage and keeps the rest as it is: the heap's pages (its memory is not
 * given back) and the compiled code. V8's exposed `gc()`, or undefined when it is not exposed.
 */
export function garbageCollection(scope: { gc?: unknown } = globalThis): (() => void) | undefined {
  const gc = scope.gc;
  if (typeof gc !== 'function') return undefined;
  return () => (gc as ExposedGc)({ type: 'major', execution: 'sync', flavor: 'regular' });
}

/**
 * The collection that gives the heap's memory back, as V8 collects before running out of memory
 * (compacting, releasing empty pages; it also drops compiled code): V8's exposed `gc()` (the server sets `--expose-gc` before the worker
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
