import { setFlagsFromString } from 'node:v8';

// The first size of the old generation of the check workers (`--jobs N`).
//
// V8 starts an isolate's old generation with a small limit and collects it in full (mark-compact) the first
// time the limit is reached. A check worker reaches it after a few hundred reports: Node's own start, the
// command line and the engine already hold most of it. In a run of 1,000 reports on two workers that one
// collection was the costliest pause of each worker (90–110 ms of incremental marking, then a pause of
// 290–370 ms: the two workers' collections at the same moment, on two cores, each with its helper threads),
// and afterwards the old generation was refilled from pages the collection had given back, each first
// touch a page fault. Started at `workerInitialOldGenerationMb`, a worker's old generation is collected
// later (measured: see the note), and a short run is not collected at all. The flag is the
// process's: set on the main thread when the process starts, so that every worker started afterwards has
// it (the main thread's heap is already made and keeps its size) and the flags V8's code cache is taken
// under are the same in every run.

/** The old generation a check worker starts with, in MB (V8's `--initial-old-space-size`). */
export const workerInitialOldGenerationMb = 64;

/** Node flags that size the old generation or the whole heap: given by the user, they win. */
const userOldGenerationFlag = /^--(initial[-_]old[-_]space[-_]size|initial[-_]heap[-_]size|max[-_]old[-_]space[-_]size|max[-_]heap[-_]size)\b/;

/**
 * Makes the old generation of the isolates started from now on (the check workers) start at
 * {@link workerInitialOldGenerationMb}, unless Node was given a flag that sizes the heap. A V8 that
 * refuses the flag keeps its defaults: only speed depends on it.
 * @returns whether the flag was set
 */
export function sizeWorkerOldGeneration(execArgv: readonly string[], setFlags: (flags: string) => void = setFlagsFromString): boolean {
  if (execArgv.some((arg) => userOldGenerationFlag.test(arg))) return false;
  try {
    setFlags(`--initial-old-space-size=${workerInitialOldGenerationMb}`);
    return true;
  } catch {
    return false;
  }
}
