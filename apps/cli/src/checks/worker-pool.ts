import type { Worker, WorkerOptions } from 'node:worker_threads';
import { createClockMemory, readClock } from './job-clock.js';

/** A message from the main thread to a pool worker: a batch of jobs. */
export interface PoolRequest<Job> {
  id: number;
  jobs: Job[];
  /** The worker's clock (a {@link JobClock}'s memory): it marks each job it starts, so that a stuck one can be named. */
  clock: SharedArrayBuffer;
}

/**
 * The first message to a worker that was started before its pool (without `workerData`, see
 * {@link WorkerSource}): the `workerData` the pool would have started it with.
 */
export interface PoolStart {
  workerData: unknown;
}

/** Where a pool takes workers already started (and waiting for a {@link PoolStart}) before it starts its own. */
export type WorkerSource = () => Worker | undefined;

/** A message from a pool worker to the main thread: the results of a batch, in its order. */
export interface PoolResponse<Result> {
  id: number;
  results: Result[];
}

/** How a pool turns a job that was lost (its worker died) into a result. */
export type LostJobHandler<Job, Result> = (job: Job, reason: string) => Result;

/** A time limit per job (per lap of a job, see {@link JobClock.lap}): a worker past it is stopped. */
export interface JobTimeLimit<Job, Result> {
  /** The limit in milliseconds of the clock. */
  limitMs: number;
  /** The result of a job whose worker was stopped at the limit. */
  onOverrun: (job: Job) => Result;
}

/** The most jobs sent in one message. */
export const maxBatchSize = 16;

/**
 * How many jobs go into one message: enough to make the cost of a message (a structured clone and a
 * wake-up of the other thread, each way) negligible, few enough that every worker gets several batches
 * and finishes about when the others do — 1 for a handful of jobs.
 */
export function batchSizeFor(jobs: number, workers: number): number {
  return Math.max(1, Math.min(maxBatchSize, Math.floor(jobs / (Math.max(1, workers) * 8))));
}

/**
 * The size of the next batch when `remaining` jobs are left to send: the full size (`largest`, see
 * {@link batchSizeFor}) while many are left, then smaller and smaller, down to one job per message for the
 * last ones, so that the workers finish together — a worker given a last batch of slow reports otherwise
 * kept checking them while the others had nothing left (14 % of the run idle on one of two workers, 200
 * reports of the bench mix).
 */
export function taperedBatchSize(largest: number, remaining: number, workers: number): number {
  return Math.max(1, Math.min(largest, Math.ceil(remaining / (Math.max(1, workers) * 4))));
}

/** A batch in flight: job indices; `alone` when it is the only batch its worker has. */
interface Batch {
  jobs: number[];
  alone: boolean;
}

/**
 * Runs jobs on worker threads and hands the results back in job order, whatever order the workers
 * finish in. Jobs travel in batches (see {@link batchSizeFor}), smaller towards the end (see
 * {@link taperedBatchSize}); each worker has at most two batches at a
 * time, and no job is sent more than `window` places ahead of the next result to deliver, so a slow file
 * never lets results pile up in memory. A worker that dies is replaced; the jobs it had are sent again,
 * each alone to a worker with nothing else to do, and a job whose worker dies then is the culprit: it
 * is failed through `onLost`. With a time limit, a worker whose clock shows a job running past it (a
 * stage that never returns) is terminated, that job failed through `onOverrun`, the rest sent again.
 */
export class OrderedWorkerPool<Job, Result> {
  /**
   * @param script the worker module (it answers each {@link PoolRequest} with a {@link PoolResponse})
   * @param size the number of worker threads
   * @param workerData passed to every worker
   * @param onLost the result of a job whose worker died
   * @param workerOptions heap limits of each worker, its `argv`
   * @param timeLimit the time limit of each job, if any
   * @param started workers started earlier from `script` with `workerOptions`, taken before any is started
   */
  constructor(
    private readonly script: URL,
    private readonly size: number,
    private readonly workerData: unknown,
    private readonly onLost: LostJobHandler<Job, Result>,
    private readonly workerOptions?: Pick<WorkerOptions, 'resourceLimits' | 'argv'>,
    private readonly timeLimit?: JobTimeLimit<Job, Result>,
    private readonly started?: WorkerSource,
  ) {}

  /** Runs every job; `deliver` is called once per job, in job order. */
  run(jobs: readonly Job[], deliver: (result: Result, index: number) => void): Promise<void> {
    if (jobs.length === 0) return Promise.resolve();
    const perWorker = 2;
    const batchSize = batchSizeFor(jobs.length, this.size);
    const window = Math.max(this.size * 8, 16) * batchSize;
    return new Promise((resolve, reject) => {
      const pending = new Map<number, Result>();
      /** Per live worker: its batches in flight, by batch id. */
      const inFlight = new Map<Worker, Map<number, Batch>>();
      /** Per live worker: the memory of its job clock. */
      const clocks = new Map<Worker, SharedArrayBuffer>();
      /** Jobs of a worker that died, to send again one by one, each alone. */
      const retry: number[] = [];
      let nextJob = 0;
      let nextBatch = 0;
      let nextDelivery = 0;
      let settled = false;
      let respawns = jobs.length + this.size; // a worker that cannot even start must not respawn forever

      const watchdog = this.timeLimit && setInterval(() => watch(), Math.min(1000, Math.max(10, this.timeLimit.limitMs / 4)));
      const finish = (error?: unknown) => {
        if (settled) return;
        settled = true;
        if (watchdog) clearInterval(watchdog);
        for (const worker of inFlight.keys()) void worker.terminate();
        if (error) reject(error);
        else resolve();
      };
      const accept = (results: Array<[number, Result]>) => {
        for (const [id, result] of results) pending.set(id, result);
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
      const takeBatch = (): number[] | undefined => {
        const size = taperedBatchSize(batchSize, jobs.length - nextJob, this.size);
        const end = Math.min(jobs.length, nextJob + size, nextDelivery + window);
        if (end <= nextJob) return undefined;
        const batch: number[] = [];
        while (nextJob < end) batch.push(nextJob++);
        return batch;
      };
      const feed = (worker: Worker) => {
        const mine = inFlight.get(worker);
        if (!mine) return;
        const send = (batch: Batch) => {
          const id = nextBatch++;
          mine.set(id, batch);
          worker.postMessage({ id, jobs: batch.jobs.map((index) => jobs[index]), clock: clocks.get(worker)! } satisfies PoolRequest<Job>);
        };
        for (const batch of mine.values()) if (batch.alone) return; // nothing joins a job sent again
        if (retry.length > 0) {
          // A job sent again goes alone to an idle worker (the others drain meanwhile).
          if (mine.size === 0) send({ jobs: [retry.shift()!], alone: true });
          return;
        }
        while (mine.size < perWorker) {
          const batch = takeBatch();
          if (!batch) break;
          send({ jobs: batch, alone: false });
        }
      };
      const feedAll = () => {
        for (const worker of inFlight.keys()) feed(worker);
      };
      /** Stops the workers whose clocks show a job past the time limit. */
      const watch = () => {
        const now = Date.now();
        for (const [worker, clock] of clocks) {
          const reading = readClock(clock, now);
          if (!reading || reading.elapsedMs <= this.timeLimit!.limitMs) continue;
          const culprit = inFlight.get(worker)?.get(reading.batch)?.jobs[reading.position];
          if (culprit === undefined) continue;
          void worker.terminate();
          lose(worker, 'time limit', culprit);
        }
      };
      /**
       * A worker is gone: its jobs are sent again, except the one known to have taken it down (`culprit`,
       * past the time limit) or alone on it, which fail.
       */
      const lose = (worker: Worker, reason: string, culprit?: number) => {
        const lost = inFlight.get(worker);
        if (!lost || settled) return;
        inFlight.delete(worker);
        clocks.delete(worker);
        if (nextDelivery < jobs.length && respawns-- > 0) spawn();
        const failed: Array<[number, Result]> = [];
        for (const batch of lost.values()) {
          for (const index of batch.jobs) {
            if (index === culprit) failed.push([index, this.timeLimit!.onOverrun(jobs[index])]);
            // A job alone on its worker is the one that took the worker down.
            else if (batch.alone && culprit === undefined) failed.push([index, this.onLost(jobs[index], reason)]);
            else retry.push(index);
          }
        }
        retry.sort((a, b) => a - b);
        if (inFlight.size === 0) {
          for (const index of retry.splice(0)) failed.push([index, this.onLost(jobs[index], reason)]);
        }
        accept(failed);
        if (inFlight.size === 0 && !settled) finish(new Error(reason));
      };
      const spawn = () => {
        let early = this.started?.();
        // One that has ended already (its thread id is then -1) would never answer, nor exit again.
        while (early && early.threadId < 0) early = this.started?.();
        // node:worker_threads on first use: a run on one file (no pool) does not load it.
        const worker = early ?? new (process.getBuiltinModule('node:worker_threads').Worker)(this.script, { ...this.workerOptions, workerData: this.workerData });
        if (early) worker.postMessage({ workerData: this.workerData } satisfies PoolStart);
        inFlight.set(worker, new Map());
        clocks.set(worker, createClockMemory());
        worker.on('message', (message: PoolResponse<Result>) => {
          const batch = inFlight.get(worker)?.get(message.id);
          if (!batch) return;
          inFlight.get(worker)!.delete(message.id);
          accept(batch.jobs.map((index, i) => [index, message.results[i]]));
        });
        worker.on('error', (error) => lose(worker, error instanceof Error ? error.message : String(error)));
        worker.on('exit', (code) => lose(worker, `worker exited with code ${code}`));
        feed(worker);
      };
      for (let i = 0; i < Math.min(this.size, jobs.length); i++) spawn();
    });
  }
}
