import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/program/cli-io.js';
import { run } from '../../src/program/run.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const work = mkdtempSync(path.join(tmpdir(), 'nianbao-audit-progress-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('nianbao audit on a terminal', () => {
  it('draws a bar while reports are checked and another while series are compared and pages written, and erases both', async () => {
    const clean = readFileSync(path.join(repoRoot, 'examples/clean-2021.md'), 'utf8');
    const reports = path.join(work, 'reports');
    mkdirSync(reports);
    // 8 agencies × 3 years, each report a real example under a generated title.
    for (let agency = 1; agency <= 8; agency++) {
      for (const year of [2022, 2023, 2024]) writeFileSync(path.join(reports, `${agency}-${year}.md`), `示例市第${agency}局${year}年政府信息公开工作年度报告\n\n${clean}`);
    }
    let err = '';
    let out = '';
    const io: CliIo = {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s), isTTY: true, columns: 80 },
      stdin: (async function* () {})(),
      env: {},
      cwd: work,
    };
    const html = path.join(work, 'audit.html');
    const code = await run(['audit', reports, '--jobs', '1', '--html', html, '--html-pages', 'split'], io);
    expect(code).toBeLessThan(2);
    expect(err).toContain(' 24/24'); // the reports
    expect(err).toContain(' 32/32'); // 8 series, then 24 pages
    // Every bar drawn is erased before anything else is written.
    const lastBar = err.lastIndexOf('\r[');
    expect(err.indexOf('\r\x1b[2K', lastBar)).toBeGreaterThan(lastBar);
    expect(err).toContain('audit.pages');
    expect(existsSync(path.join(work, 'audit.pages', 'a7.html'))).toBe(true);
    expect(out).toContain('示例市第1局');
  }, 120000);
});
