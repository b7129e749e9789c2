import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultJobs, filesPerWorker } from '../../src/checks/default-jobs.js';
import { repoRoot, runCli, seedNames, seedPath } from '../helpers/run-cli.js';

/**
 * The commands that check reports run from dist/cli.cjs with V8's code cache of an earlier run (see
 * src/program/code-cache-bundle.ts): the first run writes it, the next ones start from it and give the
 * same output; a damaged cache file is rejected by V8 and written again; NIANBAO_CACHE=0 writes nothing;
 * the light commands do not use it.
 */
const made: string[] = [];
afterAll(() => {
  for (const directory of made) rmSync(directory, { recursive: true, force: true });
});

function cacheDir(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'nianbao-code-cache-'));
  made.push(directory);
  return directory;
}

/** Seed 3 alone in a folder of its own: no project configuration applies (examples/ has one). */
function loneReport(): string {
  const report = path.join(cacheDir(), seedNames[3]);
  copyFileSync(path.join(repoRoot, seedPath(3)), report);
  return report;
}

const codeFiles = (cache: string) => (existsSync(path.join(cache, 'code')) ? readdirSync(path.join(cache, 'code')) : []);

describe('the code cache of the command line', () => {
  it('is written by the first validate, used by the next with the same output, and rewritten when damaged', () => {
    const cache = cacheDir();
    const args = ['validate', loneReport(), '--format', 'json'];
    const first = runCli(args, { env: { NIANBAO_CACHE_DIR: cache } });
    expect(first.status).toBe(1);
    const [file] = codeFiles(cache);
    expect(file).toMatch(/^[0-9a-f]{16}-v\d+\.\d+\.\d+-[\w]+-validate\.bin$/);
    const full = path.join(cache, 'code', file);
    const size = statSync(full).size;
    expect(size).toBeGreaterThan(100_000);
    const written = statSync(full).mtimeMs;

    const second = runCli(args, { env: { NIANBAO_CACHE_DIR: cache } });
    expect(second).toEqual(first);
    expect(statSync(full).mtimeMs).toBe(written);

    writeFileSync(full, Buffer.from('not a code cache'));
    expect(runCli(args, { env: { NIANBAO_CACHE_DIR: cache } })).toEqual(first);
    expect(statSync(full).size).toBeGreaterThan(100_000);
    expect(codeFiles(cache)).toEqual([file]);

    // Worker threads keep a file of their own, which leaves the one of a one-file validate alone; the same
    // findings as on one thread.
    const jobs = runCli(['validate', path.dirname(seedPath(3)), '--format', 'json', '--jobs', '2'], { env: { NIANBAO_CACHE_DIR: cache } });
    expect(jobs.stderr).toBe('');
    expect(statSync(full).size).toBeGreaterThan(100_000);
    const onOne = runCli(['validate', path.dirname(seedPath(3)), '--format', 'json', '--jobs', '1'], { env: { NIANBAO_CACHE: '0' } });
    expect(jobs.stdout).toBe(onOne.stdout);
  });

  it('of the check workers is written by a worker when the first run checks a folder, and that run writes no other', () => {
    const cache = cacheDir();
    const folder = ['validate', path.dirname(seedPath(3)), '--format', 'json', '--jobs', '2'];
    const first = runCli(folder, { env: { NIANBAO_CACHE_DIR: cache } });
    expect(first.stderr).toBe('');
    // The main thread checked nothing: its code would be missing the checks, so it keeps none.
    const files = codeFiles(cache);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/-check-worker\.bin$/);
    const workerFile = path.join(cache, 'code', files[0]);
    expect(statSync(workerFile).size).toBeGreaterThan(100_000);
    const written = statSync(workerFile).mtimeMs;
    expect(runCli(folder, { env: { NIANBAO_CACHE_DIR: cache } })).toEqual(first);
    expect(statSync(workerFile).mtimeMs).toBe(written);
    // A one-file run then writes the file of validate.
    runCli(['validate', seedPath(3), '--format', 'json'], { env: { NIANBAO_CACHE_DIR: cache } });
    const after = codeFiles(cache);
    expect(after).toHaveLength(2);
    expect(after).toContain(files[0]);
    expect(after.filter((name) => /-validate(-project)?\.bin$/.test(name))).toHaveLength(1);
  });

  it('of the main thread of a run that starts its workers early is kept apart, and not written by a run on one thread', () => {
    const cache = cacheDir();
    // Enough files for the workers to start with the main thread (16 entries per job, see full-cli.ts).
    const folder = cacheDir();
    for (let i = 0; i < 40; i++) copyFileSync(path.join(repoRoot, seedPath(i % seedNames.length)), path.join(folder, `${i}-${seedNames[i % seedNames.length]}`));
    const args = ['validate', folder, '--format', 'json', '--jobs', '2'];
    const first = runCli(args, { env: { NIANBAO_CACHE_DIR: cache } });
    expect(first.stderr).toBe('');
    const files = codeFiles(cache).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/-check-worker\.bin$/);
    expect(files[1]).toMatch(/-validate-dispatch\.bin$/);
    const dispatch = path.join(cache, 'code', files[1]);
    expect(statSync(dispatch).size).toBeGreaterThan(100_000);
    const written = statSync(dispatch).mtimeMs;
    expect(runCli(args, { env: { NIANBAO_CACHE_DIR: cache } })).toEqual(first);
    expect(statSync(dispatch).mtimeMs).toBe(written);
    // The same folder on one thread keeps the file of a validate, with the checks in it.
    const one = runCli(['validate', folder, '--format', 'json', '--jobs', '1'], { env: { NIANBAO_CACHE_DIR: cache } });
    expect(one.stdout).toBe(first.stdout);
    expect(codeFiles(cache).filter((name) => /-validate\.bin$/.test(name))).toHaveLength(1);
    expect(statSync(dispatch).mtimeMs).toBe(written);
  });

  // Without --jobs a run takes workers only when they pay for their start-up (see default-jobs.ts): never on a
  // machine of one core.
  it.runIf(availableParallelism() >= 2)('of the main thread of a run without --jobs on many files is that of a run starting its workers early', () => {
    const cache = cacheDir();
    const folder = cacheDir();
    // The fewest files for which this machine's default takes workers (they then start early, see full-cli.ts).
    let count = 2;
    while (defaultJobs(count) < 2) count++;
    for (let i = 0; i < count; i++) copyFileSync(path.join(repoRoot, seedPath(i % seedNames.length)), path.join(folder, `${i}-${seedNames[i % seedNames.length]}`));
    const run = runCli(['validate', folder, '--format', 'json'], { env: { NIANBAO_CACHE_DIR: cache } });
    expect(run.stderr).toBe('');
    const files = codeFiles(cache).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/-check-worker\.bin$/);
    expect(files[1]).toMatch(/-validate-dispatch\.bin$/);
    expect(run.stdout).toBe(runCli(['validate', folder, '--format', 'json', '--jobs', '1'], { env: { NIANBAO_CACHE: '0' } }).stdout);
  });

  it('of a run without --jobs on a few dozen files is that of a run on the main thread: no worker starts', () => {
    const cache = cacheDir();
    const folder = cacheDir();
    const count = 2 * filesPerWorker - 1;
    expect(defaultJobs(count)).toBe(1);
    for (let i = 0; i < count; i++) copyFileSync(path.join(repoRoot, seedPath(i % seedNames.length)), path.join(folder, `${i}-${seedNames[i % seedNames.length]}`));
    const run = runCli(['validate', folder, '--format', 'json'], { env: { NIANBAO_CACHE_DIR: cache } });
    expect(run.stderr).toBe('');
    const files = codeFiles(cache);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/-validate(-project)?\.bin$/);
  });

  it('of a run with a project template is written by the first run that reads the template back compiled, not by the one that compiled it', () => {
    const cache = cacheDir();
    // examples/ has a nianbao.config.json adding a template: compiled by the first run, kept compiled for the next.
    const args = ['validate', seedPath(3), '--format', 'json'];
    const first = runCli(args, { env: { NIANBAO_CACHE_DIR: cache } });
    expect(first.status).toBe(1);
    expect(readdirSync(path.join(cache, 'template-ir'))).toHaveLength(1);
    expect(codeFiles(cache)).toEqual([]);
    expect(runCli(args, { env: { NIANBAO_CACHE_DIR: cache } })).toEqual(first);
    const [file] = codeFiles(cache);
    expect(file).toMatch(/-validate-project\.bin$/);
    const full = path.join(cache, 'code', file);
    const written = statSync(full).mtimeMs;
    expect(runCli(args, { env: { NIANBAO_CACHE_DIR: cache } })).toEqual(first);
    expect(statSync(full).mtimeMs).toBe(written);
    // With the cache of compiled templates off (--no-cache) every run compiles: the first writes a file of
    // its own (with the compiler), and the file of the runs that read the template back stays as it was.
    expect(runCli([...args, '--no-cache'], { env: { NIANBAO_CACHE_DIR: cache } })).toEqual(first);
    expect(codeFiles(cache).sort()).toEqual([file, file.replace(/-validate-project\.bin$/, '-validate-project-no-cache.bin')].sort());
    expect(statSync(full).mtimeMs).toBe(written);
  });

  it('is not written with NIANBAO_CACHE=0, nor by the light commands', () => {
    const cache = cacheDir();
    const report = loneReport();
    const off = runCli(['validate', report, '--format', 'json'], { env: { NIANBAO_CACHE_DIR: cache, NIANBAO_CACHE: '0' } });
    expect(off.status).toBe(1);
    expect(runCli(['--help'], { env: { NIANBAO_CACHE_DIR: cache } }).status).toBe(0);
    expect(runCli(['templates'], { env: { NIANBAO_CACHE_DIR: cache } }).status).toBe(0);
    expect(codeFiles(cache)).toEqual([]);
    expect(JSON.parse(off.stdout)).toEqual(JSON.parse(runCli(['validate', report, '--format', 'json'], { env: { NIANBAO_CACHE_DIR: cache } }).stdout));
    expect(readFileSync(path.join(cache, 'code', codeFiles(cache)[0])).length).toBeGreaterThan(100_000);
  });

  it('when the cache folder cannot be made (a file is in its place), only costs the cache: same output, nothing on stderr', () => {
    const cache = path.join(cacheDir(), 'a-file');
    writeFileSync(cache, 'not a folder');
    const args = ['validate', seedPath(3), '--format', 'json'];
    const run = runCli(args, { env: { NIANBAO_CACHE_DIR: cache } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(runCli(args, { env: { NIANBAO_CACHE: '0' } }).stdout);
    expect(readFileSync(cache, 'utf8')).toBe('not a folder');
  });
});
