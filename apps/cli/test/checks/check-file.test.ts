import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/checks/check-file.js';
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
});
