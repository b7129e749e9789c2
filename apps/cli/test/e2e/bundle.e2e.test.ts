import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBin, repoRoot, runCli } from '../helpers/run-cli.js';

/**
 * The built CLI is self-contained: a copy of `dist/bin.js`, its chunks and `dist/cli.cjs`, with the package manifest and
 * no node_modules anywhere above it, runs every command as the one in the repository does (what an
 * install of the packed tarball gets).
 */
let copy: string;
let copiedBin: string;
beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'nianbao-bundle-'));
  const cliRoot = path.dirname(path.dirname(cliBin));
  cpSync(path.join(cliRoot, 'package.json'), path.join(copy, 'package.json'));
  cpSync(cliBin, path.join(copy, 'dist/bin.js'));
  cpSync(path.join(cliRoot, 'dist/chunks'), path.join(copy, 'dist/chunks'), { recursive: true });
  cpSync(path.join(cliRoot, 'dist/cli.cjs'), path.join(copy, 'dist/cli.cjs'));
  copiedBin = path.join(copy, 'dist/bin.js');
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

function runCopy(args: string[]) {
  const run = spawnSync(process.execPath, [copiedBin, ...args], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1', NIANBAO_LOCALE: undefined, NIANBAO_CACHE_DIR: path.join(copy, 'cache') },
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  return run;
}

describe('the bundled CLI', () => {
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

  it('compiles a template file and reports its version from the copy', () => {
    const checked = runCopy(['check-template', path.join(repoRoot, 'grammars/gov-disclosure-2021.nbt')]);
    expect(checked.status).toBe(0);
    expect(checked.stdout).toContain('gov-disclosure-2021');
    const manifest = JSON.parse(readFileSync(path.join(copy, 'package.json'), 'utf8')) as { version: string };
    expect(runCopy(['--version']).stdout.trim()).toBe(manifest.version);
  });
});
