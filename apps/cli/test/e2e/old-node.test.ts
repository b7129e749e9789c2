import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBin, repoRoot } from '../helpers/run-cli.js';

/** The machine's own Node (these machines ship Node 20; the toolchain brings Node 24), if it is older than 22.12. */
function oldNode(): string | undefined {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    if (!existsSync(candidate)) continue;
    const version = spawnSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
    const [major = 0, minor = 0] = version.split('.').map(Number);
    if (major < 22 || (major === 22 && minor < 12)) return candidate;
  }
  return undefined;
}

const node = oldNode();

describe('on a Node older than 22.12', () => {
  it.skipIf(!node)('refuses with exit code 2 and a one-line message instead of reading reports wrongly', () => {
    const report = path.join(repoRoot, 'examples/clean-2021.md');
    const run = spawnSync(node!, [cliBin, 'validate', report], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/需要 Node\.js 22\.12 或更高版本.*needs Node\.js 22\.12 or later/u);
  });
});
