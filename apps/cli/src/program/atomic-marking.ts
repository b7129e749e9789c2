import { setFlagsFromString } from 'node:v8';

// How V8 marks the old generation of a process that checks reports.
//
// By default V8 marks the old generation incrementally: once the heap nears its limit, small marking steps
// run between allocations, while a write barrier on every pointer store keeps the marking right, until a
// short final pause. That spreads the pause for programs that must answer quickly; a batch of checks does
// not need it, and in efficiency mode (see `enterEfficiencyMode`) V8 marks almost nothing on helper threads,
// so the steps are the main thread's. Measured on 1,000 reports of the bench mix on one thread: the marking
// ran from 264 to 622 ms of the run, in 434 steps, and everything allocated meanwhile was kept as live
// (black allocation), so the full collection that ended it left 38.6 MB where 16 MB were live; the old
// generation then grew from there (more first-touch page faults). Marked at once (V8's
// `--no-incremental-marking`), the collection is one pause of 15–19 ms that leaves 16–18 MB. Instructions
// of 250 reports of the mix (callgrind, all threads): 4,920 → 4,754 M (−3.4 %), before the page faults
// and cache misses saved. The flag is the process's, set on the main thread when the process starts
// (worker threads share it), so that V8's code cache is taken and read under the same flags in every run.

/** Node flags that choose how V8 marks: given by the user, they win. */
const userMarkingFlag = /^--(no-)?incremental[-_]marking(?:=|$)/;

/**
 * Makes V8 mark the old generation in one pause instead of in steps between allocations (V8 flag
 * `--no-incremental-marking`), unless Node was given a flag that chooses. A V8 that refuses the flag keeps
 * its default: only speed depends on it.
 * @returns whether the flag was set
 */
export function markOldGenerationAtOnce(execArgv: readonly string[], setFlags: (flags: string) => void = setFlagsFromString): boolean {
  if (execArgv.some((arg) => userMarkingFlag.test(arg))) return false;
  try {
    setFlags('--no-incremental-marking');
    return true;
  } catch {
    return false;
  }
}
