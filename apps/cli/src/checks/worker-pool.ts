import { Worker, type ResourceLimits } from 'node:worker_threads';

/** A message from the main thread to a pool worker. */
export interface PoolRequest<Job> {
  id: number;
  job: Job;
}

/** A message from a pool worker to the main thread. */
export interface PoolResponse<Result> {
  id: number;
  result: Result;
}

/** How a pool turns a job that was lost (its worker died) into a result. */
export type LostJobHandler<Job, Result> = (job: Job, reason: string) => Result;

/**
 * Runs jobs on worker threads and hands the results back in job order, whatever order the workers
 * finish in. Each worker has at most two jobs at a time, and no job is sent more than `window` places
 * ahead of the next result to deliver, so a slow file never lets results pile up in memory. A worker
 * that dies fails its jobs through `onLost` and is replaced.
 */
export class OrderedWorkerPool<Job, Result> {
  /**
   * @param script the worker module (it answers each {@link PoolRequest} with a {@link PoolResponse})
   * @param size the number of worker threads
   * @param workerData passed to every worker
   * @param onLost the result of a job whose worker died
   * @param resourceLimits heap limits of each worker
   */
  constructor(
    private readonly script: URL,
    private readonly size: number,
    private readonly workerData: unknown,
    private readonly onLost: LostJobHandler<Job, Result>,
    private readonly resourceLimits?: ResourceLimits,
  ) {}

  /** Runs every job; `deliver` is called once per job, in job order. */
  run(jobs: readonly Job[], deliver: (result: Result, index: number) => void): Promise<void> {
    if (jobs.length === 0) return Promise.resolve();
    const perWorker = 2;
    const window = Math.max(this.size * 8, 16);
    return new Promise((resolve, reject) => {
      const pending = new Map<number, Result>();
      const inFlight = new Map<Worker, Set<number>>();
      let nextJob = 0;
      let nextDelivery = 0;
      let settled = false;
      let respawns = jobs.length + this.size; // a worker that cannot even start must not respawn forever

      const finish = (error?: unknown) => {
        if (settled) return;
        settled = true;
        for (const worker of inFlight.keys()) void worker.terminate();
        if (error) reject(error);
        else resolve();
      };
      const accept = (id: number, result: Result) => {
        pending.set(id, result);
        try {
          while (pending.has(nextDelivery)) {
            const ready = pending.get(nextDelivery)!;
            pending.delete(nextDelivery);
            deliver(ready, nextDelivery);
            nextDelivery++;
          }
        } catch (error) {
          finish(error);
          return;
        }
        if (nextDelivery === jobs.length) finish();
        else feedAll();
      };
      const feed = (worker: Worker) => {
        const mine = inFlight.get(worker);
        if (!mine) return;
        while (mine.size < perWorker && nextJob < jobs.length && nextJob < nextDelivery + window) {
          const id = nextJob++;
          mine.add(id);
          worker.postMessage({ id, job: jobs[id] } satisfies PoolRequest<Job>);
        }
      };
      const feedAll = () => {
        for (const worker of inFlight.keys()) feed(worker);
      };
      const spawn = () => {
        const worker = new Worker(this.script, { workerData: this.workerData, resourceLimits: this.resourceLimits });
        inFlight.set(worker, new Set());
        worker.on('message', (message: PoolResponse<Result>) => {
          inFlight.get(worker)?.delete(message.id);
          accept(message.id, message.result);
        });
        const lose = (reason: string) => {
          const lost = inFlight.get(worker);
          if (!lost || settled) return;
          inFlight.delete(worker);
          if (nextDelivery < jobs.length && respawns-- > 0) spawn();
          for (const id of lost) accept(id, this.onLost(jobs[id], reason));
          if (inFlight.size === 0 && !settled) finish(new Error(reason));
        };
        worker.on('error', (error) => lose(error instanceof Error ? error.message : String(error)));
        worker.on('exit', (code) => lose(`worker exited with code ${code}`));
        feed(worker);
      };
      for (let i = 0; i < Math.min(this.size, jobs.length); i++) spawn();
    });
  }
}
