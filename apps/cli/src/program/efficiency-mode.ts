import { setFlagsFromString } from 'node:v8';

/** `--efficiency-mode`, `--efficiency-mode=…`, `--no-efficiency-mode` (either separator): not the tuning flags. */
const USER_MODE_FLAG = /^--(no-)?efficiency[-_]mode(?:=|$)/;

/**
 * Puts V8 in efficiency mode for a process that checks reports: set by the launcher on the main thread
 * before the checking code is loaded (worker threads share the process's flags).
 *
 * V8's default (latency) mode optimises hot functions early with Maglev and Turbofan on helper threads and
 * marks the heap concurrently: for a short run most of that work is wasted, and in a batch it keeps a
 * "single-threaded" check at about 1.35 cores. In efficiency mode V8 tiers up later and uses fewer threads.
 * Measured (callgrind, all threads): one text report 1,050 → 859 M instructions; CPU time of the same
 * run and of batches of 200–1,000 reports lower too (see the issue's note). Only speed depends on it.
 *
 * A flag the user gave Node (`node --efficiency-mode=false …`) wins; the flags that only tune the mode
 * (`--efficiency-mode-delay-turbofan=…`) leave it to be set. A V8 that refuses the flag keeps its defaults.
 * @returns whether the flag was set
 */
export function enterEfficiencyMode(execArgv: readonly string[], setFlags: (flags: string) => void = setFlagsFromString): boolean {
  if (execArgv.some((arg) => USER_MODE_FLAG.test(arg))) return false;
  try {
    setFlags('--efficiency-mode');
    return true;
  } catch {
    return false;
  }
}
