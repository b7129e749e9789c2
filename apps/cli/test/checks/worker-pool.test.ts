import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { batchSizeFor, OrderedWorkerPool, taperedBatchSize } from '../../src/checks/worker-pool.js';

const script = new URL('../fixtures/square-worker.mjs', import.meta.url);

describe('OrderedWorkerPool', () => {
  it('delivers results in job order whatever order workers finish in', async () => {
    const pool = new OrderedWorkerPool<number, number>(script, 3, undefined, () => -1);
    const jobs = Array.from({ length: 200 }, (_, i) => i);
    const seen: Array<[number, number]> = [];
    await pool.run(jobs, (result, index) => seen.push([index, result]));
    expect(seen).toEqual(jobs.map((n) => [n, n * n]));
  });

  it('fails the jobs of a worker that dies and carries on', async () => {
    const pool = new OrderedWorkerPool<number, number | string>(script, 2, undefined, (job, reason) => `lost ${job}: ${reason}`);
    const results: Array<number | string> = [];
    await pool.run([1, 2, -1, 4, 5, 6], (result) => results.push(result));
    expect(results).toHaveLength(6);
    expect(results[2]).toBe('lost -1: worker exited with code 3');
    expect(results.filter((r) => typeof r === 'number').length).toBeGreaterThanOrEqual(4);
    expect(results[5]).toBe(36);
  });

  it('sends the other jobs of a batch whose worker died again, and fails only the culprit', async () => {
    const jobs = Array.from({ length: 400 }, (_, i) => (i === 123 ? -1 : i));
    expect(batchSizeFor(jobs.length, 2)).toBeGreaterThan(1);
    const pool = new OrderedWorkerPool<number, number | string>(script, 2, undefined, (job, reason) => `lost ${job}: ${reason}`);
    const results: Array<number | string> = [];
    await pool.run(jobs, (result) => results.push(result));
    expect(results).toEqual(jobs.map((n) => (n === -1 ? 'lost -1: worker exited with code 3' : n * n)));
  });

  it('stops a worker stuck in a job past the time limit, fails that job and checks every other', async () => {
    const jobs = Array.from({ length: 300 }, (_, i) => (i === 77 || i === 250 ? -2 : i));
    const pool = new OrderedWorkerPool<number, number | string>(script, 2, undefined, (job, reason) => `lost ${job}: ${reason}`, undefined, {
      limitMs: 300,
      onOverrun: (job) => `stuck ${job}`,
    });
    const results: Array<number | string> = [];
    const started = Date.now();
    await pool.run(jobs, (result) => results.push(result));
    expect(results).toEqual(jobs.map((n) => (n === -2 ? 'stuck -2' : n * n)));
    // Each stuck job held the run for about the limit, not forever (generous: a loaded machine).
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('stops a stuck worker that was given the job alone', async () => {
    const pool = new OrderedWorkerPool<number, number | string>(script, 1, undefined, (job, reason) => `lost ${job}: ${reason}`, undefined, {
      limitMs: 200,
      onOverrun: (job) => `stuck ${job}`,
    });
    const results: Array<number | string> = [];
    await pool.run([-2, 3], (result) => results.push(result));
    expect(results).toEqual(['stuck -2', 9]);
  });

  it('fails the job of a worker that throws, with its error, and carries on', async () => {
    const jobs = Array.from({ length: 50 }, (_, i) => (i === 20 ? -3 : i));
    const pool = new OrderedWorkerPool<number, number | string>(script, 2, undefined, (job, reason) => `lost ${job}: ${reason}`);
    const results: Array<number | string> = [];
    await pool.run(jobs, (result) => results.push(result));
    expect(results).toEqual(jobs.map((n) => (n === -3 ? 'lost -3: job -3 failed' : n * n)));
  });

  it('takes the workers started before it first, sends them its workerData, and starts the others', async () => {
    const early = [new Worker(script), new Worker(script)];
    const exited = early.map((worker) => new Promise((resolve) => worker.once('exit', resolve)));
    const taken: Worker[] = [];
    const source = () => {
      // One of the two early workers is left for later: the pool takes only what it needs.
      if (taken.length > 0) return undefined;
      const worker = early.shift();
      if (worker) taken.push(worker);
      return worker;
    };
    const pool = new OrderedWorkerPool<number, number>(script, 2, { factor: 3 }, () => -1, undefined, undefined, source);
    const jobs = Array.from({ length: 300 }, (_, i) => i);
    const seen: number[] = [];
    await pool.run(jobs, (result) => seen.push(result));
    expect(seen).toEqual(jobs.map((n) => n * n * 3));
    expect(taken).toHaveLength(1);
    // The pool ends the workers it took, and leaves the others to their owner.
    await exited[0];
    expect(early).toHaveLength(1);
    await early[0].terminate();
    await exited[1];
  });

  it('starts a worker of its own when the one started before it died before the run', async () => {
    const dead = new Worker('process.exit(5)', { eval: true });
    await new Promise((resolve) => dead.once('exit', resolve));
    let offered = false;
    const source = () => (offered ? undefined : ((offered = true), dead));
    const pool = new OrderedWorkerPool<number, number | string>(script, 1, { factor: 2 }, (job, reason) => `lost ${job}: ${reason}`, undefined, undefined, source);
    const results: Array<number | string> = [];
    await pool.run([1, 2, 3], (result) => results.push(result));
    expect(offered).toBe(true);
    expect(results).toEqual([2, 8, 18]);
  });

  it('batches many jobs, one job at a time for a handful', () => {
    expect(batchSizeFor(6, 2)).toBe(1);
    expect(batchSizeFor(100, 2)).toBe(6);
    expect(batchSizeFor(10_000, 2)).toBe(16);
  });

  it('sends smaller batches towards the end, one job each for the last ones', () => {
    expect(taperedBatchSize(16, 1000, 2)).toBe(16);
    expect(taperedBatchSize(16, 128, 2)).toBe(16);
    expect(taperedBatchSize(16, 60, 2)).toBe(8);
    expect(taperedBatchSize(16, 8, 2)).toBe(1);
    expect(taperedBatchSize(16, 1, 2)).toBe(1);
    expect(taperedBatchSize(1, 1000, 2)).toBe(1);
    // Every job is sent exactly once, in order, whatever the sizes.
    let sent = 0;
    const sizes: number[] = [];
    while (sent < 1000) {
      const size = taperedBatchSize(16, 1000 - sent, 2);
      sizes.push(size);
      sent += size;
    }
    expect(sent).toBe(1000);
    expect(sizes.slice(-7)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('does nothing for no jobs', async () => {
    const pool = new OrderedWorkerPool<number, number>(script, 2, undefined, () => 0);
    await pool.run([], () => {
      throw new Error('no delivery expected');
    });
  });
});
