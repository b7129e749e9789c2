import { describe, expect, it, vi } from 'vitest';
import * as core from '@nianbao/core';
import type { CheckResult } from '@nianbao/core';
import { linePositions } from '../../src/checks/line-positions.js';
import { toFileOutcome } from '../../src/checks/to-file-outcome.js';

vi.mock('@nianbao/core', async (importOriginal) => {
  const original = await importOriginal<typeof import('@nianbao/core')>();
  return { ...original, agencyKey: vi.fn(original.agencyKey) };
});

const text = '某市某区人民政府2023年政府信息公开工作年度报告\n共收到申请12件。\n';

function checked(): CheckResult {
  return {
    source: { text, format: 'txt', encoding: 'utf-8' } as CheckResult['source'],
    template: null,
    info: { agency: '某市某区人民政府', year: 2023 } as CheckResult['info'],
    report: null,
    diagnostics: [
      {
        code: 'text/prose-mismatch',
        category: 'text',
        severity: 'error',
        message: '12 ≠ 11',
        range: { start: 28, end: 36 },
        related: [],
        suggestions: [],
        rule: 'P1',
        cells: ['t.r.c'],
      } as CheckResult['diagnostics'][number],
    ],
  };
}

describe('toFileOutcome', () => {
  it("works out the report's identity (its agency key) only for the fingerprints that hold it", () => {
    const agencyKey = vi.mocked(core.agencyKey);
    agencyKey.mockClear();
    const plain = toFileOutcome(0, 'a.txt', checked(), linePositions(text), { wantLines: false, wantFingerprints: false });
    expect(agencyKey).not.toHaveBeenCalled();
    expect(plain.extras).toEqual([{ rule: 'P1', cells: ['t.r.c'] }]);
    const fingerprinted = toFileOutcome(0, 'a.txt', checked(), linePositions(text), { wantLines: false, wantFingerprints: true });
    expect(agencyKey).toHaveBeenCalledTimes(1);
    const identity = core.reportIdentity({ agencyKey: core.agencyKey('某市某区人民政府'), year: 2023, path: 'a.txt' });
    const evidence = core.diagnosticEvidence(checked().diagnostics[0], text);
    expect(fingerprinted.extras[0].fingerprint).toBe(core.findingFingerprint({ report: identity, code: 'text/prose-mismatch', rule: 'P1', cells: ['t.r.c'], evidence }));
    // The rest of the outcome is the same either way.
    expect({ ...fingerprinted, extras: plain.extras }).toEqual(plain);
  });
});
