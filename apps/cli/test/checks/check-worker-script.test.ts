import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { folderEntriesOf, namesJobs, requestedJobsOf, StartedCheckWorkers } from '../../src/checks/check-worker-script.js';

describe('requestedJobsOf', () => {
  it('reads --jobs N, --jobs=N, -j N and -jN, the last one given', () => {
    expect(requestedJobsOf(['dir', '--jobs', '2'])).toBe(2);
    expect(requestedJobsOf(['--jobs=4', 'dir'])).toBe(4);
    expect(requestedJobsOf(['-j', '3', 'dir'])).toBe(3);
    expect(requestedJobsOf(['-j8', 'dir'])).toBe(8);
    expect(requestedJobsOf(['--jobs', '2', '--jobs', '1', 'dir'])).toBe(1);
  });

  it('is undefined without the option, with a value that is not a whole number, or after --', () => {
    expect(requestedJobsOf(['dir', '--format', 'json'])).toBeUndefined();
    expect(requestedJobsOf(['dir', '--jobs'])).toBeUndefined();
    expect(requestedJobsOf(['dir', '--jobs', 'two'])).toBeUndefined();
    expect(requestedJobsOf(['dir', '--jobs=-1'])).toBeUndefined();
    expect(requestedJobsOf(['--', '--jobs', '2'])).toBeUndefined();
  });
});

describe('namesJobs', () => {
  it('tells a command line that names --jobs or -j, in any form and with any value, before --', () => {
    for (const args of [['dir', '--jobs', '2'], ['--jobs=4'], ['-j', '3'], ['-j8', 'dir'], ['dir', '--jobs'], ['--jobs', 'two']]) expect(namesJobs(args)).toBe(true);
    for (const args of [['dir'], ['dir', '--format', 'json'], ['--', '--jobs', '2'], ['--jobsx'], ['-jx'], ['jobs']]) expect(namesJobs(args)).toBe(false);
  });
});

describe('folderEntriesOf', () => {
  it('counts the top-level entries of the arguments that are folders, nothing for the others', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'nianbao-entries-'));
    mkdirSync(path.join(root, 'reports', 'nested'), { recursive: true });
    for (const name of ['a.txt', 'b.txt', 'c.docx']) writeFileSync(path.join(root, 'reports', name), 'x');
    mkdirSync(path.join(root, 'empty'));
    const file = path.join(root, 'reports', 'a.txt');
    expect(folderEntriesOf([path.join(root, 'reports')])).toBe(4);
    expect(folderEntriesOf([path.join(root, 'reports'), '--format', 'json', file, path.join(root, 'empty'), path.join(root, 'none')])).toBe(4);
    expect(folderEntriesOf([file, path.join(root, '*.txt')])).toBe(0);
  });
});

describe('StartedCheckWorkers', () => {
  const idle = () => new Worker('setInterval(() => {}, 1000)', { eval: true });

  it('hands out its workers once each, then none', async () => {
    const started = new StartedCheckWorkers();
    const workers = [idle(), idle()];
    for (const worker of workers) started.add(worker);
    expect(started.size).toBe(2);
    expect(started.take()).toBe(workers[0]);
    expect(started.take()).toBe(workers[1]);
    expect(started.take()).toBeUndefined();
    await Promise.all(workers.map((worker) => worker.terminate()));
  });

  it('forgets a worker that ended before it was taken (one that could not start)', async () => {
    const started = new StartedCheckWorkers();
    const failing = new Worker('throw new Error("cannot start")', { eval: true });
    started.add(failing);
    // The error is handled: no unhandled 'error' event.
    await new Promise((resolve) => failing.once('exit', resolve));
    expect(started.size).toBe(0);
    expect(started.take()).toBeUndefined();
  });

  it('stops the workers nobody took', async () => {
    const started = new StartedCheckWorkers();
    const worker = idle();
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    started.add(worker);
    started.stop();
    await exited;
    expect(started.size).toBe(0);
  });
});
