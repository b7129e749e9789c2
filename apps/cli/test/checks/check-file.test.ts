import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { checkFile, checkFileAtOnce } from '../../src/checks/check-file.js';
import type { CheckSettings } from '../../src/checks/check-settings.js';
import { seedPath } from '../helpers/run-cli.js';
import { repoRoot } from '../helpers/run-cli.js';
import path from 'node:path';

const settings: CheckSettings = { template: 'auto', templateSets: [], locale: 'zh-CN', fix: false, wantLines: false, wantFingerprints: false };
const job = { index: 0, path: 'r.txt', file: path.join(repoRoot, seedPath(3)) };

describe('checkFile', () => {
  it('reports a report that exceeds its time budget as that file’s failure', async () => {
    const outcome = await checkFile(job, { ...settings, budgetMs: 0 });
    expect(outcome.failure).toMatch(/^r\.txt: 报告未能在 0 秒内检查完/);
  });

  it('checks the same report normally within the default budget', async () => {
    const outcome = await checkFile(job, settings);
    expect(outcome.failure).toBeUndefined();
  });

  it('hands the result over as JSON text with its tally when asked (the JSON outputs)', async () => {
    const object = await checkFile(job, settings);
    const text = await checkFile(job, { ...settings, resultAsJson: true });
    expect(text.result).toBeUndefined();
    expect(text.resultJson).toBe(JSON.stringify(object.result));
    expect(text.tally).toEqual({ recognised: true, findings: object.result!.diagnostics.map((d) => ({ code: d.code, severity: d.severity })) });
    expect(text.tally!.findings.length).toBeGreaterThan(0);
  });

  it('with --fix, ends a report without fixes at once, and hands one with fixes on with its check and the bytes it read', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'nianbao-fix-at-once-'));
    try {
      const clean = path.join(directory, 'clean.md');
      copyFileSync(path.join(repoRoot, 'examples/clean-2021.md'), clean);
      const fixing = { ...settings, fix: true };
      const cleanOutcome = checkFileAtOnce({ index: 0, path: 'clean.md', file: clean }, fixing);
      expect(cleanOutcome).toBeDefined();
      expect(cleanOutcome!.fix).toBeUndefined();
      expect(cleanOutcome).toEqual(await checkFile({ index: 0, path: 'clean.md', file: clean }, fixing));

      const wrong = path.join(directory, 'wrong.txt');
      copyFileSync(path.join(repoRoot, seedPath(3)), wrong);
      const original = readFileSync(wrong);
      const wrongJob = { index: 1, path: 'wrong.txt', file: wrong };
      expect(checkFileAtOnce(wrongJob, fixing)).toBeUndefined();
      // The fixing stage starts from the bytes the check read: a change to the file since is not seen.
      writeFileSync(wrong, 'changed meanwhile');
      const fixed = await checkFile(wrongJob, fixing);
      expect(fixed.fix?.applied).toBeGreaterThan(0);
      const written = readFileSync(wrong, 'utf8');
      expect(written).toContain('政府信息公开');
      expect(written).not.toBe(original.toString('utf8'));
      // Asked again, the file (now fixed) is checked afresh.
      const again = await checkFile(wrongJob, fixing);
      expect(again.fix).toBeUndefined();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('with --fix, verifies the fixes at once: the same outcome and bytes as checking and fixing in one go', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'nianbao-fix-at-once-'));
    try {
      const fixing = { ...settings, fix: true };
      const [atOnce, inOneGo] = ['at-once.txt', 'in-one-go.txt'].map((name) => path.join(directory, name));
      for (const file of [atOnce, inOneGo]) copyFileSync(path.join(repoRoot, seedPath(3)), file);
      const atOnceJob = { index: 0, path: 'r.txt', file: atOnce };
      expect(checkFileAtOnce(atOnceJob, fixing)).toBeUndefined();
      const fixedAtOnce = await checkFile(atOnceJob, fixing);
      const fixedInOneGo = await checkFile({ index: 0, path: 'r.txt', file: inOneGo }, fixing);
      expect(fixedAtOnce.fix?.applied).toBeGreaterThan(0);
      expect(fixedAtOnce).toEqual(fixedInOneGo);
      expect(readFileSync(atOnce)).toEqual(readFileSync(inOneGo));

      // A page with fixes is not rewritten (only .txt and .md are): that is said at once, as checkFile says it.
      const seed = readFileSync(path.join(repoRoot, seedPath(3)), 'utf8');
      const page = path.join(directory, 'page.html');
      const escape = (line: string): string => line.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');
      writeFileSync(page, `<html><body>${seed.split('\n').map((line) => `<p>${escape(line)}</p>`).join('\n')}</body></html>`);
      const pageJob = { index: 2, path: 'page.html', file: page };
      const pageOutcome = checkFileAtOnce(pageJob, fixing);
      expect(pageOutcome?.fix).toEqual({ applied: 0, skipped: expect.stringContaining('page.html') });
      expect(pageOutcome).toEqual(await checkFile(pageJob, fixing));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
