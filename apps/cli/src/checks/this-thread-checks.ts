import type { FileOutcome } from '../outcome/index.js';
import { checkFile, checkFileAtOnce, failedOutcome } from './check-file.js';
import { CheckInterrupted, interruptAfterMs, runUnderOneWatchdog } from './check-guard.js';
import type { CheckJob, CheckSettings } from './check-settings.js';
import { stopYoungGenerationAtRunSize } from '../program/young-generation.js';

/** How a job is checked on this thread: at once (undefined: it cannot be), or otherwise. */
export interface ThisThreadChecker {
  atOnce: (job: CheckJob, settings: CheckSettings) => FileOutcome | undefined;
  otherwise: (job: CheckJob, settings: CheckSettings) => Promise<FileOutcome>;
}

// After each report, the young generation of a long run may have grown far enough (see `youngGenerationForRun`).
const fileChecker: ThisThreadChecker = {
  atOnce: (job, settings) => {
    const outcome = checkFileAtOnce(job, settings);
    stopYoungGenerationAtRunSize();
    return outcome;
  },
  otherwise: async (job, settings) => {
    const outcome = await checkFile(job, settings);
    stopYoungGenerationAtRunSize();
    return outcome;
  },
};

/**
 * Checks the jobs one after another on this thread (`--jobs 1`, and runs too small for workers), handing
 * each outcome to `deliver` in job order. The reports that can be checked at once (all but those with fixes
 * to apply under `--fix`; a Word document once the first has loaded the Word reader) run in batches under one watchdog
 * (`runUnderOneWatchdog`: one per second of checks instead of one per report; 1,000 reports of the bench
 * mix about 0.8 s faster), each report still
 * given the whole hard limit; the others one by one (`checkFile`, which guards each of its stages). A
 * report stopped at the limit fails as it does under `checkFile`. Outcomes are delivered between
 * batches, never from inside a watched stage.
 */
export async function checkOnThisThread(
  jobs: readonly CheckJob[],
  settings: CheckSettings,
  deliver: (outcome: FileOutcome) => void,
  checker: ThisThreadChecker = fileChecker,
  limitMs = interruptAfterMs(settings.budgetMs),
): Promise<void> {
  let next = 0;
  while (next < jobs.length) {
    const from = next;
    const batch = runUnderOneWatchdog(jobs.length - from, (i) => checker.atOnce(jobs[from + i], settings), limitMs);
    for (const outcome of batch.results) deliver(outcome);
    next += batch.results.length;
    if (batch.stop === 'interrupted') {
      deliver(failedOutcome(jobs[next], new CheckInterrupted(limitMs), settings.locale));
      next++;
    } else if (batch.stop === 'declined') {
      deliver(await checker.otherwise(jobs[next], settings));
      next++;
    }
  }
}
