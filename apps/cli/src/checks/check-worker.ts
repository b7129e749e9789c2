/**
 * Worker-thread entry of `nianbao validate --jobs N`: checks the batches of files the main thread
 * sends (reading each file here), one after the other, with the settings given as `workerData` (or in the
 * first message, to a worker started before its run), and answers each batch with one message. Its job
 * clock tells the main thread which file it is on. After its first batch it writes the code cache of the
 * check workers when there is none (see `runFullCli`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FileOutcome } from '../outcome/index.js';
import type { CheckJob, CheckSettings } from './check-settings.js';
import { checkFile } from './check-file.js';
import { clockGuard } from './check-guard.js';
import { runCodeCache } from '../program/run-code-cache.js';
import { JobClock } from './job-clock.js';
import type { PoolRequest, PoolResponse, PoolStart } from './worker-pool.js';

// A worker started before its run (see `startCheckWorkers`) gets its settings in its first message.
let settings = workerData as CheckSettings;
const port = parentPort!;
let queue = Promise.resolve();
port.on('message', (request: PoolRequest<CheckJob> | PoolStart) => {
  if (!('jobs' in request)) {
    settings = request.workerData as CheckSettings;
    return;
  }
  queue = queue.then(async () => {
    const results: FileOutcome[] = [];
    // The main thread watches the clock and terminates this worker when a stage never returns.
    const clock = new JobClock(request.clock);
    const guard = clockGuard(clock);
    for (const [position, job] of request.jobs.entries()) {
      clock.start(request.id, position);
      results.push(await checkFile(job, settings, guard));
    }
    clock.stop();
    // Once a batch is checked, this thread has compiled the checks: the worker code cache, if missing, is
    // written now, before the results go (a worker is terminated as soon as the run has every result: it
    // never sees an exit).
    runCodeCache()?.save();
    port.postMessage({ id: request.id, results } satisfies PoolResponse<FileOutcome>);
  });
});
