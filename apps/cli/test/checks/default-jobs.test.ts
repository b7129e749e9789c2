import { describe, expect, it } from 'vitest';
import { defaultJobs, filesPerWorker, filesPerWorkerOnEveryCore } from '../../src/checks/default-jobs.js';

describe('defaultJobs', () => {
  it('gives --jobs N as asked, at most one job per file and at least one', () => {
    expect(defaultJobs(1000, 3, 2)).toBe(3);
    expect(defaultJobs(2, 8, 2)).toBe(2);
    expect(defaultJobs(0, 4, 2)).toBe(1);
    expect(defaultJobs(5, 1, 8)).toBe(1);
  });

  it('on two cores keeps the checks on the main thread until each worker of every core has its share of files', () => {
    const threshold = 2 * filesPerWorkerOnEveryCore;
    for (const files of [0, 1, 8, 16, 64, 128, threshold - 1]) expect(defaultJobs(files, undefined, 2)).toBe(1);
    expect(defaultJobs(threshold, undefined, 2)).toBe(2);
    expect(defaultJobs(10_000, undefined, 2)).toBe(2);
  });

  it('never takes a worker on one core', () => {
    for (const files of [0, 10, 1000, 100_000]) expect(defaultJobs(files, undefined, 1)).toBe(1);
  });

  it('on more cores leaves one to the main thread for a middling run, and takes them all for a large one', () => {
    expect(defaultJobs(2 * filesPerWorker - 1, undefined, 4)).toBe(1);
    expect(defaultJobs(2 * filesPerWorker, undefined, 4)).toBe(2);
    expect(defaultJobs(3 * filesPerWorker, undefined, 4)).toBe(3);
    expect(defaultJobs(4 * filesPerWorkerOnEveryCore - 1, undefined, 4)).toBe(3);
    expect(defaultJobs(4 * filesPerWorkerOnEveryCore, undefined, 4)).toBe(4);
    expect(defaultJobs(8 * filesPerWorkerOnEveryCore - 1, undefined, 8)).toBe(7);
    expect(defaultJobs(8 * filesPerWorkerOnEveryCore, undefined, 8)).toBe(8);
  });

  it('never takes fewer jobs for more files, nor more jobs than cores, and at least their share of files for every worker', () => {
    for (const cores of [1, 2, 3, 4, 6, 8, 16, 64]) {
      let previous = 1;
      for (let files = 0; files <= 20 * filesPerWorkerOnEveryCore; files += 7) {
        const jobs = defaultJobs(files, undefined, cores);
        expect(jobs).toBeGreaterThanOrEqual(previous);
        expect(jobs).toBeLessThanOrEqual(Math.max(1, cores));
        expect(jobs * filesPerWorker).toBeLessThanOrEqual(Math.max(files, filesPerWorker));
        previous = jobs;
      }
    }
  });
});
