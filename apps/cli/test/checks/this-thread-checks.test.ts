import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/checks/check-file.js';
import type { CheckJob, CheckSettings } from '../../src/checks/check-settings.js';
import { checkOnThisThread, type ThisThreadChecker } from '../../src/checks/this-thread-checks.js';
import type { FileOutcome } from '../../src/outcome/index.js';
import { repoRoot, seedPath } from '../helpers/run-cli.js';

const settings: CheckSettings = { template: 'auto', templateSets: [], locale: 'zh-CN', fix: false, wantLines: true, wantFingerprints: true };

async function delivered(jobs: CheckJob[], runSettings: CheckSettings, checker?: ThisThreadChecker, limitMs?: number): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  await checkOnThisThread(jobs, runSettings, (outcome) => outcomes.push(outcome), checker, limitMs);
  return outcomes;
}

describe('checks on this thread', () => {
  it('gives each report the outcome checkFile gives it, in order: text, HTML, a Word document, a missing file', async () => {
    const seed = readFileSync(path.join(repoRoot, seedPath(3)), 'utf8');
    const html = `<html><body>${seed
      .split('\n')
      .map((line) => `<p>${line}</p>`)
      .join('')}</body></html>`;
    const jobs: CheckJob[] = [
      { index: 0, path: 'a.txt', file: path.join(repoRoot, seedPath(3)) },
      { index: 1, path: 'b.html', bytes: new TextEncoder().encode(html), fileName: 'b.html' },
      // Not a real ZIP: declined at once while the Word reader is not loaded, read at once after; it fails either way.
      { index: 2, path: 'c.docx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), fileName: 'c.docx' },
      { index: 3, path: 'd.txt', file: path.join(repoRoot, seedPath(0)) },
      { index: 4, path: 'missing.txt', file: path.join(repoRoot, 'no-such-report.txt') },
      { index: 5, path: 'e.txt', file: path.join(repoRoot, seedPath(1)) },
    ];
    const expected: FileOutcome[] = [];
    for (const job of jobs) expected.push(await checkFile(job, settings));
    const outcomes = await delivered(jobs, settings);
    expect(outcomes).toEqual(expected);
    expect(outcomes.map((o) => o.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(outcomes[2].failure).toMatch(/^c\.docx: /);
    expect(outcomes[4].failure).toBeDefined();
    expect(outcomes[0].result?.diagnostics.length).toBeGreaterThan(0);
  });

  it('fails a report stuck past the limit as checkFile does, and checks the others', async () => {
    const stuck: ThisThreadChecker = {
      atOnce: (job) => {
        if (job.index === 2) {
          for (;;) {
            // a stage that never returns
          }
        }
        return job.index === 4 ? undefined : { index: job.index, path: job.path, extras: [], lines: {} };
      },
      otherwise: (job) => Promise.resolve({ index: job.index, path: job.path, extras: [], lines: { 0: 'otherwise' } }),
    };
    const jobs = [0, 1, 2, 3, 4, 5].map((index) => ({ index, path: `r${index}.txt` }));
    const outcomes = await delivered(jobs, settings, stuck, 200);
    expect(outcomes.map((o) => o.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(outcomes[2].failure).toBe('r2.txt：检查超过 0.2 秒仍未结束，已中止，此文件未作检查；请检查文件是否有异常内容，或反馈此文件');
    expect(outcomes[4].lines).toEqual({ 0: 'otherwise' });
    expect(outcomes.filter((o) => o.failure !== undefined)).toHaveLength(1);
  });

  it('with --fix, checks every report as checkFile does (its writes are not made at once)', async () => {
    const calls: string[] = [];
    const checker: ThisThreadChecker = {
      atOnce: (job, runSettings) => (runSettings.fix && job.file ? undefined : { index: job.index, path: job.path, extras: [], lines: {} }),
      otherwise: (job) => {
        calls.push(job.path);
        return Promise.resolve({ index: job.index, path: job.path, extras: [], lines: {} });
      },
    };
    await delivered([{ index: 0, path: 'a.txt', file: '/x/a.txt' }, { index: 1, path: 'b.txt', file: '/x/b.txt' }], { ...settings, fix: true }, checker);
    expect(calls).toEqual(['a.txt', 'b.txt']);
  });
});
