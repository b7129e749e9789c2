import { setFlagsFromString } from 'node:v8';

// The sizes of V8's young generation in the Node server, set before anything else is loaded (this module
// is the entry's first import). V8 grows a young generation up to 32 MB, doubling it whenever much of it
// survives a collection — as it does while the server starts and while it keeps each open report — and
// never gives the memory back: it stayed at 32 MB on the server's thread and on its check worker, most of
// it garbage, 60 of the server's 210 MB resident with 20 reports open.

/** The check worker's semi-space (MB; its young generation is two of them, and as much for large objects). */
const workerSemiSpaceMb = 4;

/** The limit of the check worker's young generation (MB; `resourceLimits.maxYoungGenerationSizeMb`). */
export const workerYoungGenerationMb = 3 * workerSemiSpaceMb;

/**
 * The server's own thread keeps its first, smallest young generation: it does little per message, and
 * what it keeps (the reports' last checks) is kept long. The growth factor is read when V8 would grow a
 * young generation, so it applies even though the isolate is running; it applies to workers too, which
 * therefore start at their full size (see {@link beforeWorkerStart}). A V8 that refuses the flag keeps its
 * defaults: nothing but memory depends on it.
 */
function keepYoungGenerationSmall(): void {
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // Defaults then.
  }
}

/**
 * Before a check worker starts: its young generation starts at its full size, since it cannot grow
 * (above); and `gc()` is exposed to it, for the collection it makes once idle (`idle-collection.ts`).
 * Read by V8 when the worker's isolate is made.
 */
export function beforeWorkerStart(): void {
  for (const flag of [`--min-semi-space-size=${workerSemiSpaceMb}`, '--expose-gc']) {
    try {
      setFlagsFromString(flag);
    } catch {
      // Defaults then.
    }
  }
}

keepYoungGenerationSmall();
