/**
 * Worker-thread entry of `nianbao validate --jobs N`: checks the batches of files the main thread
 * sends (reading each file here), one after the other, with the settings given as `workerData`, and
 * answers each batch with one message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FileOutcome } from '../outcome/index.js';
import type { CheckJob, CheckSettings } from './check-settings.js';
import { checkFile } from './check-file.js';
import type { PoolRequest, PoolResponse } from './worker-pool.js';

const settings = workerData as CheckSettings;
const port = parentPort!;
let queue = Promise.resolve();
port.on('message', (request: PoolRequest<CheckJob>) => {
  queue = queue.then(async () => {
    const results: FileOutcome[] = [];
    for (const job of request.jobs) results.push(await checkFile(job, settings));
    port.postMessage({ id: request.id, results } satisfies PoolResponse<FileOutcome>);
  });
});
