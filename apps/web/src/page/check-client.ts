import type { WorkerRequest, WorkerResponse } from '../worker/protocol.js';

/**
 * The page's side of the check worker: one request at a time, answered in order. A request sent while
 * another runs waits for it (the worker holds one document).
 */
export class CheckClient {
  private readonly worker = new Worker(new URL('../worker/check-worker.ts', import.meta.url), { type: 'module' });
  private queue: Promise<unknown> = Promise.resolve();

  /** Sends a request; resolves with the worker's answer. */
  request(request: WorkerRequest, transfer: Transferable[] = []): Promise<WorkerResponse> {
    const run = () =>
      new Promise<WorkerResponse>((resolve) => {
        this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => resolve(event.data);
        this.worker.onerror = (event) => resolve({ kind: 'failed', message: event.message });
        this.worker.postMessage(request, transfer);
      });
    const answer = this.queue.then(run, run);
    this.queue = answer;
    return answer;
  }
}
