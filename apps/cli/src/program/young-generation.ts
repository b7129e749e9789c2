import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

// The size of V8's young generation on the main thread of a process that checks reports.
//
// V8 doubles the young generation (two semi-spaces) whenever much of it survives a scavenge, as it does
// while the engine loads: in a run that checks one report it reaches several MB of semi-spaces that are
// written once and never again. Each page first written costs a page fault, and on a virtual machine a
// first-touch fault is dear (on the project's machines about 11 µs a page, 90 ms for 32 MB): kept at its
// first size, the young generation is scavenged more often but touches fewer pages. Measured, a cold
// validate of one text report: 247 → 233 ms CPU (least of 8 interleaved runs). In a batch the many more
// scavenges cost more than the pages (1,000 reports on one thread: 4.6 → 5.2 s CPU), so a run of more
// than `smallRunFiles` files lets it grow again, but only to semi-spaces of `runSemiSpaceMb` (V8 would go on
// to 32 MB): 1,000 reports on one thread, 45,000 → 35,000 page faults and about 4 % less CPU (Node's
// --max-semi-space-size=16, 4 interleaved runs, while V8 still marked incrementally). Measured again once it
// marked in one pause (see `markOldGenerationAtOnce`), on one thread: semi-spaces of 8 MB rather than 16 do
// fewer instructions (250 reports of the mix, callgrind: 4,742 → 4,677 M, −1.4 %; 4 MB: 4,694 M; 32 MB:
// 5,520 M), touch fewer pages (1,000 reports: 27,000 → 22,800 page faults, peak RSS 140 → 124 MB); timed CPU
// stayed within this machine's noise (2.96 → 2.87 s and 2.60 → 2.67 s, means of 8 and 5 interleaved
// runs). V8 reads the growth factor when it would grow the young generation, so each setting applies in a
// running process; none changes what V8's code cache accepts.

/** V8's factor of young-generation growth (`--semi-space-growth-factor`), its default. */
const defaultGrowthFactor = 2;

/** Above this many files a run lets the young generation grow (see the header comment). */
export const smallRunFiles = 16;

/** Node flags that size the young generation: given by the user, they win. */
const userYoungGenerationFlag = /^--(semi[-_]space[-_]growth[-_]factor|max[-_]semi[-_]space[-_]size|min[-_]semi[-_]space[-_]size)\b/;

/**
 * Keeps the young generation of this process at its first size (V8 flag `--semi-space-growth-factor=1`),
 * unless Node was given a flag that sizes it. Set by the launcher on the main thread before the checking
 * code loads; a V8 that refuses the flag keeps its defaults (only speed depends on it).
 * @returns whether the flag was set
 */
export function keepYoungGenerationSmall(execArgv: readonly string[], setFlags: (flags: string) => void = setFlagsFromString): boolean {
  if (execArgv.some((arg) => userYoungGenerationFlag.test(arg))) return false;
  try {
    setFlags('--semi-space-growth-factor=1');
    return true;
  } catch {
    return false;
  }
}

/**
 * For a run of `files` files: above {@link smallRunFiles}, lets the young generation grow as V8 would by
 * default (worker threads started afterwards grow theirs too), unless Node was given a flag that sizes it.
 * @returns whether the flag was set
 */
export function youngGenerationForRun(files: number, execArgv: readonly string[], setFlags: (flags: string) => void = setFlagsFromString): boolean {
  if (files <= smallRunFiles) return false;
  return letYoungGenerationGrow(execArgv, setFlags);
}

/**
 * Before the check workers of a run start, however few its files: lets the young generation grow as V8
 * would by default, as it was when the workers that start early were made (unless Node was given a flag
 * that sizes it). The flags are the process's, and V8 accepts a code cache only under the flags it was
 * taken under: workers started with the growth stopped (a run of a few files on workers, see
 * {@link keepYoungGenerationSmall}) rejected the check workers' code cache written by a run of many files,
 * and wrote theirs, which the next run of many files rejected in turn.
 * @returns whether the flag was set
 */
export function youngGenerationForWorkers(execArgv: readonly string[], setFlags: (flags: string) => void = setFlagsFromString): boolean {
  return letYoungGenerationGrow(execArgv, setFlags);
}

function letYoungGenerationGrow(execArgv: readonly string[], setFlags: (flags: string) => void): boolean {
  if (execArgv.some((arg) => userYoungGenerationFlag.test(arg))) return false;
  try {
    setFlags(`--semi-space-growth-factor=${defaultGrowthFactor}`);
    growing = true;
    return true;
  } catch {
    return false;
  }
}

/** The semi-space size, in MB, at which a run's young generation stops growing (see the header comment). */
export const runSemiSpaceMb = 8;

/** Whether {@link youngGenerationForRun} let the young generation grow and nothing has stopped it since. */
let growing = false;

/**
 * Between the reports of a run checked on this thread: once the young generation that
 * {@link youngGenerationForRun} let grow has semi-spaces of {@link runSemiSpaceMb}, stops its growth (growth
 * factor 1). Cheap until then (a look at the heap's spaces), free afterwards.
 * @param newSpaceBytes the size of the young generation's two semi-spaces, in bytes
 * @returns whether it stopped the growth now
 */
export function stopYoungGenerationAtRunSize(newSpaceBytes: () => number = youngGenerationBytes, setFlags: (flags: string) => void = setFlagsFromString): boolean {
  if (!growing || newSpaceBytes() < 2 * runSemiSpaceMb * 1024 * 1024) return false;
  growing = false;
  try {
    setFlags('--semi-space-growth-factor=1');
    return true;
  } catch {
    return false;
  }
}

function youngGenerationBytes(): number {
  for (const space of getHeapSpaceStatistics()) if (space.space_name === 'new_space') return space.space_size;
  return 0;
}
