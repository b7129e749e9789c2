import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const repositoryRoot = new URL('../../../', import.meta.url);

/**
 * Runs a generator script of core (`packages/core/scripts/…`, path from the repository root) with
 * `--check` on Node itself — whose type stripping refuses syntax vitest accepts — and expects it to find
 * its generated files current.
 */
export function expectGeneratedFilesCurrent(script: string): void {
  const run = spawnSync(process.execPath, [fileURLToPath(new URL(script, repositoryRoot)), '--check'], {
    cwd: fileURLToPath(repositoryRoot),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('up to date');
}
