import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleWrapper } from '../../src/program/code-cache-bundle.js';
import { cliBin, repoRoot, runCli } from '../helpers/run-cli.js';

/**
 * The built CLI is self-contained: a copy of `dist/bin.js`, `main.js`, `full-cli.js` and `cli.cjs`, with the package manifest and
 * no node_modules anywhere above it, runs every command as the one in the repository does (what an
 * install of the packed tarball gets).
 */
let copy: string;
let copiedBin: string;
beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'nianbao-bundle-'));
  const cliRoot = path.dirname(path.dirname(cliBin));
  cpSync(path.join(cliRoot, 'package.json'), path.join(copy, 'package.json'));
  for (const file of ['bin.js', 'main.js', 'full-cli.js', 'cli.cjs']) cpSync(path.join(cliRoot, 'dist', file), path.join(copy, 'dist', file));
  copiedBin = path.join(copy, 'dist/bin.js');
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

function runCopy(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, [copiedBin, ...args], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1', NIANBAO_LOCALE: undefined, NIANBAO_CACHE_DIR: path.join(copy, 'cache'), ...env },
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  return run;
}

describe('the bundled CLI', () => {
  it('is written ASCII-only, so that V8 holds its source one byte per character, inside its module wrapper', () => {
    const bytes = readFileSync(path.join(copy, 'dist/cli.cjs'));
    expect(bytes.subarray(0, moduleWrapper[0].length).toString('latin1')).toBe(moduleWrapper[0]);
    const first = bytes.findIndex((byte) => byte > 0x7f);
    expect(first < 0 ? null : bytes.subarray(Math.max(0, first - 60), first + 20).toString('utf8')).toBeNull();
  });

  it('checks reports on worker threads from a copy outside the repository, as the built one does', () => {
    const args = ['validate', 'examples/seeds', '--format', 'json', '--jobs', '2'];
    const copied = runCopy(args);
    expect(copied.stderr).toBe('');
    expect(copied.stdout).toBe(runCli(args).stdout);
    // From the code cache a one-file run writes, too.
    runCopy(['validate', 'examples/seeds/003_136fd1d98cf7f7a0.txt']);
    expect(runCopy(args).stdout).toBe(copied.stdout);
    expect((JSON.parse(copied.stdout) as { files: unknown[] }).files).toHaveLength(5);
  });

  it('checks one named file without loading the Node modules of worker threads, of a piped standard input, of fs/promises or of performance', () => {
    // Each costs a few milliseconds of a cold start (node:fs/promises some thirty modules, the global
    // `performance` ten: a check's calls go to node:fs's callbacks and process.hrtime). Standard input is a pipe, as a spawning program's is;
    // the output goes to files (a piped output is a socket, which loads node:net).
    const probe = path.join(copy, 'loaded-modules.cjs');
    const list = path.join(copy, 'loaded-modules.json');
    writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(process.moduleLoadList)));\n`);
    const output = openSync(path.join(copy, 'output.txt'), 'w');
    const run = spawnSync(process.execPath, ['--require', probe, copiedBin, 'validate', 'examples/seeds/003_136fd1d98cf7f7a0.txt', '--format', 'json'], {
      cwd: repoRoot,
      env: { ...process.env, NIANBAO_CACHE_DIR: path.join(copy, 'cache') },
      stdio: ['pipe', output, output],
    });
    closeSync(output);
    expect(run.status).toBe(1);
    const loaded = JSON.parse(readFileSync(list, 'utf8')) as string[];
    expect(loaded).toContain('NativeModule vm');
    expect(loaded.filter((entry) => /^NativeModule (worker_threads|net|fs\/promises|perf_hooks)$/.test(entry))).toEqual([]);
  });

  it('reports a missing input and a folder without reports from the copy as from the sources', () => {
    for (const args of [['validate', 'no/such/report.txt'], ['validate', 'apps/cli/scripts', '--format', 'json']]) {
      const copied = runCopy(args);
      expect(copied.stderr).not.toBe('');
      expect({ status: copied.status, stderr: copied.stderr }).toEqual({ status: runCli(args).status, stderr: runCli(args).stderr });
    }
  });

  it('compiles a template file and reports its version from the copy', () => {
    const checked = runCopy(['check-template', path.join(repoRoot, 'grammars/gov-disclosure-2021.nbt')]);
    expect(checked.status).toBe(0);
    expect(checked.stdout).toContain('gov-disclosure-2021');
    const manifest = JSON.parse(readFileSync(path.join(copy, 'package.json'), 'utf8')) as { version: string };
    expect(runCopy(['--version']).stdout.trim()).toBe(manifest.version);
  });

  it('hands the commands the light program does not serve over to the whole command line, with or without the caches', () => {
    const report = 'examples/seeds/003_136fd1d98cf7f7a0.txt';
    const direct = runCopy(['validate', report, '--format', 'json', '--locale', 'en']);
    expect(direct).toMatchObject({ status: 1, stderr: '' });
    expect(runCopy(['validate', report, '--format', 'json', '--locale', 'en'], { NIANBAO_CACHE: '0' })).toMatchObject({ status: 1, stdout: direct.stdout });
    // `new` and `check-template` start in the light program (main.js), which hands them over to cli.cjs.
    const skeleton = runCopy(['new', '--template', 'gov-disclosure-2021', '--year', '2024']);
    expect(skeleton).toMatchObject({ status: 0, stderr: '' });
    expect(skeleton.stdout).toBe(runCli(['new', '--template', 'gov-disclosure-2021', '--year', '2024']).stdout);
    expect(runCopy(['new', '--template', 'no-such-template']).status).toBe(runCli(['new', '--template', 'no-such-template']).status);
    expect(runCopy(['templates', '--format', 'json']).stdout).toBe(runCli(['templates', '--format', 'json']).stdout);
  });
});
