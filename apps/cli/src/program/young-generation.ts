import { setFlagsFromString } from 'node:v8';

// The size of V8's young generation on the main thread of a process that checks reports.
//
// V8 doubles the young generation (two semi-spaces) whenever much of it survives a scavenge, as it does
// while the engine loads: in a run that checks one report it reaches several MB of semi-spaces that are
// written once and never again. Each page first written costs a page fault, and on a virtual machine a
// first-touch fault is dear (on the project's machines about 11 µs a page, 90 ms for 32 MB): kept at its
// first size, the young generation is scavenged more often but touches fewer pages. Measured, a cold
// validate of one text report: 247 → 233 ms CPU (least of 8 interleaved runs). In a batch the many more
// scavenges cost more than the pages (1,000 reports on one thread: 4.6 → 5.2 s CPU), so a run of more
// than `smallRunFiles` files lets it grow again. V8 reads the growth factor when it would grow the young
// generation, so both apply in a running process; neither changes what V8's code cache accepts.

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
  if (files <= smallRunFiles || execArgv.some((arg) => userYoungGenerationFlag.test(arg))) return false;
  try {
    setFlags(`--semi-space-growth-factor=${defaultGrowthFactor}`);
    return true;
  } catch {
    return false;
  }
}
