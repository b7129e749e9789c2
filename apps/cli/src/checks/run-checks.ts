import type { Input } from '../input/collect-inputs.js';
import { readStream } from '../input/read-stream.js';
import type { FileOutcome } from '../outcome/index.js';
import { createTranslator } from '../i18n/translate.js';
import { runCodeCache } from '../program/run-code-cache.js';
import { youngGenerationForRun, youngGenerationForWorkers } from '../program/young-generation.js';
import { failureOutcome } from './check-file.js';
import { interruptAfterMs } from './check-guard.js';
import { checkWorkerOptions, checkWorkerScript, startedCheckWorkers } from './check-worker-script.js';
import type { CheckJob, CheckSettings } from './check-settings.js';
import { checkOnThisThread } from './this-thread-checks.js';
import { OrderedWorkerPool } from './worker-pool.js';

/** Where run inputs come from besides the file system. */
export interface RunSources {
  stdin: AsyncIterable<Uint8Array | string>;
  /** File name that tells the reader the format of standard input. */
  stdinFileName?: string;
}

/**
 * Checks every input, on `jobs` worker threads or on this thread when `jobs` is 1, and hands each
 * outcome to `deliver` in input order.
 */
export async function runChecks(
  inputs: readonly Input[],
  settings: CheckSettings,
  jobs: number,
  sources: RunSources,
  deliver: (outcome: FileOutcome) => void,
  templateSetOf: (input: Input) => number = () => 0,
): Promise<void> {
  const checkJobs: CheckJob[] = [];
  for (const [index, input] of inputs.entries()) {
    const templateSet = templateSetOf(input);
    if (input.kind === 'stdin') {
      const bytes = await readStream(sources.stdin);
      checkJobs.push({ index, path: input.path, bytes, fileName: sources.stdinFileName ?? 'stdin.txt', templateSet });
    } else {
      checkJobs.push({ index, path: input.path, file: input.file, templateSet });
    }
  }
  // Many files: the young generation grows again (on this thread and on the workers, V8's flags being
  // the process's: those started early too). Workers always start with it growing, whatever the run's
  // size, so that their code cache is taken and read under the same flags (see `youngGenerationForWorkers`).
  if (jobs <= 1) youngGenerationForRun(checkJobs.length, process.execArgv);
  else youngGenerationForWorkers(process.execArgv);
  // Workers started before the inputs were known (`--jobs N`): those the run does not need are stopped.
  const early = startedCheckWorkers();
  if (jobs <= 1) {
    runCodeCache()?.checksRunOn('this-thread');
    early?.stop();
    await checkOnThisThread(checkJobs, settings, deliver);
    return;
  }
  // The checks run on the workers, which keep their own code cache: this thread's code lacks them.
  runCodeCache()?.checksRunOn('workers');
  const t = createTranslator(settings.locale);
  const limitMs = interruptAfterMs(settings.budgetMs);
  const pool = new OrderedWorkerPool<CheckJob, FileOutcome>(
    checkWorkerScript(),
    jobs,
    settings,
    (job, reason) => failureOutcome(job, `${job.path}: ${reason}`),
    checkWorkerOptions(),
    // A worker stuck in one report past the hard limit is terminated: that file fails, the rest go on.
    { limitMs, onOverrun: (job) => failureOutcome(job, t('check-interrupted', { path: job.path, seconds: Math.round(limitMs / 100) / 10 })) },
    early && (() => early.take()),
  );
  try {
    await pool.run(checkJobs, (outcome) => deliver(outcome));
  } finally {
    early?.stop();
  }
}
