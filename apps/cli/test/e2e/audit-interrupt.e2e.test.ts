import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliBin, repoRoot } from '../helpers/run-cli.js';

const work = mkdtempSync(path.join(tmpdir(), 'nianbao-audit-interrupt-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('nianbao audit killed in the middle', () => {
  it('leaves no temporary file behind', async () => {
    const clean = readFileSync(path.join(repoRoot, 'examples/clean-2021.md'), 'utf8');
    const reports = path.join(work, 'reports');
    mkdirSync(reports);
    for (let i = 1; i <= 1500; i++) writeFileSync(path.join(reports, `${i}.md`), `示例市第${i}局2023年政府信息公开工作年度报告\n\n${clean}`);
    const temp = path.join(work, 'tmp');
    mkdirSync(temp);
    const child = spawn(process.execPath, [cliBin, 'audit', reports, '--html', path.join(work, 'audit.html'), '--jobs', '1', '--no-progress'], {
      env: { ...process.env, TMPDIR: temp, NO_COLOR: '1', NODE_COMPILE_CACHE: path.join(work, 'compile-cache'), NIANBAO_CACHE_DIR: path.join(work, 'cache') },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Killed (not interrupted: no handler of ours runs) while it checks reports and keeps their pages.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(readdirSync(temp).filter((name) => name.startsWith('nianbao-audit-'))).toEqual([]);
  }, 90000);
});
