/**
 * Worker-thread entry of `nianbao validate --jobs N`: checks the files the main thread sends, one
 * message per file, with the settings given as `workerData`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FileOutcome } from '../outcome/index.js';
import type { CheckJob, CheckSettings } from './check-settings.js';
import { checkFile } from './check-file.js';
import type { PoolRequest, PoolResponse } from './worker-pool.js';

const settings = workerData as CheckSettings;
const port = parentPort!;
port.on('message', (request: PoolRequest<CheckJob>) => {
  void checkFile(request.job, settings).then((result) => {
    port.postMessage({ id: request.id, result } satisfies PoolResponse<FileOutcome>);
  });
});
