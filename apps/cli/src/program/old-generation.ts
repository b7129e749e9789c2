import { setFlagsFromString } from 'node:v8';

// How V8 sizes the old generation of a process that checks reports.
//
// V8 collects an isolate's old generation in full (mark-compact) each time it reaches a limit: first a small
// one, then the live size after the last collection times a factor that V8 picks from the speed of its
// collections (often less than 2). A check holds little for long (the engine's compiled code and memos,
// the results kept for the output), but each collection walks all of it: in a run of 1,000 reports on one
// thread, 2–3 collections with 200–230 ms of pauses and 120–130 ms of incremental marking. A check worker
// reaches the first limit after a few hundred reports, Node's own start, the command line and the engine
// holding most of it: in a run of 1,000 reports on two workers, 3–4 collections, 100–380 ms of pauses and
// 80–350 ms of marking (the two workers' at the same moment, on two cores, with their helper threads).
// Here the factor is 4 (`--heap-growing-percent=300`, read by V8 whenever it sets a new limit, so it applies
// in the running process) and the workers' first limit 64 MB (`--initial-old-space-size`, read when an
// isolate is made, so it applies to the workers started afterwards; this thread's heap is already made):
// one collection in either run (see the note for the time). The flags are the process's, set on
// the main thread when the process starts, so that V8's code cache is taken and read under the same flags
// in every run.

/** The old generation a check worker starts with, in MB (V8's `--initial-old-space-size`). */
export const workerInitialOldGenerationMb = 64;

/** How much the old generation's limit grows over its live size after a full collection, in % (V8's `--heap-growing-percent`). */
export const oldGenerationGrowthPercent = 300;

/** Node flags that size the old generation or the whole heap: given by the user, they win. */
const userOldGenerationFlag = /^--(initial[-_]old[-_]space[-_]size|initial[-_]heap[-_]size|max[-_]old[-_]space[-_]size|max[-_]heap[-_]size|heap[-_]growing[-_]percent)\b/;

/**
 * Makes the old generation of this process grow by {@link oldGenerationGrowthPercent} over its live size
 * after each full collection, and that of the isolates started from now on (the check workers) start at
 * {@link workerInitialOldGenerationMb}, unless Node was given a flag that sizes the heap. A V8 that
 * refuses the flags keeps its defaults: only speed depends on them.
 * @returns whether the flags were set
 */
export function sizeOldGeneration(execArgv: readonly string[], setFlags: (flags: string) => void = setFlagsFromString): boolean {
  if (execArgv.some((arg) => userOldGenerationFlag.test(arg))) return false;
  try {
    setFlags(`--heap-growing-percent=${oldGenerationGrowthPercent}`);
    setFlags(`--initial-old-space-size=${workerInitialOldGenerationMb}`);
    return true;
  } catch {
    return false;
  }
}
