import { describe, expect, it } from 'vitest';
import { diagnosticFingerprints, findingFingerprint, FingerprintMemo } from '../../src/audit/index.js';
import { acknowledgedFingerprints, BaselineError, parseBaseline, serializeBaseline } from '../../src/audit/baseline.js';
import { checkReport } from '../../src/check/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { exampleText } from './audit-helpers.js';

async function fingerprints(text: string): Promise<string[]> {
  const result = await checkReport({ bytes: new TextEncoder().encode(text), fileName: 'seed.txt' });
  return diagnosticFingerprints(result.diagnostics, text, 'report');
}

describe('finding fingerprints', () => {
  const seed = exampleText('seeds/003_136fd1d98cf7f7a0.txt');

  it('survive an edit of an unrelated sentence and lines added above', async () => {
    const before = await fingerprints(seed);
    expect(before.length).toBeGreaterThan(3);
    const edited = `\n\n${seed.replace('进一步', '更进一步')}`;
    expect(edited).not.toBe(`\n\n${seed}`);
    expect(await fingerprints(edited)).toEqual(before);
  });

  it('depend on the report, code, rule, cells and evidence, not on anything else', () => {
    const base = { report: 'r 2024', code: 'arithmetic/equation', rule: 'R4', cells: ['a'], evidence: '10' };
    expect(findingFingerprint(base)).toBe(findingFingerprint({ ...base }));
    for (const change of [{ report: 'r 2023' }, { rule: 'R3' }, { cells: ['b'] }, { evidence: '11' }, { code: 'x' }]) {
      expect(findingFingerprint({ ...base, ...change })).not.toBe(findingFingerprint(base));
    }
  });

  it('are the same through a memo, which hashes each identity once and keeps at most its capacity', async () => {
    const result = await checkReport({ bytes: new TextEncoder().encode(seed), fileName: 'seed.txt' });
    const memo = new FingerprintMemo(8);
    const plain = diagnosticFingerprints(result.diagnostics, seed, 'report');
    expect(diagnosticFingerprints(result.diagnostics, seed, 'report', memo)).toEqual(plain);
    expect(diagnosticFingerprints(result.diagnostics, seed, 'report', memo)).toEqual(plain);
    expect(memo.size).toBeGreaterThan(0);
    expect(memo.size).toBeLessThanOrEqual(8);
    // A known identity gives the fingerprint it was given; past its capacity the memo starts again.
    const base = { report: 'r 2024', code: 'arithmetic/equation', rule: 'R4', cells: ['a'], evidence: '10' };
    const small = new FingerprintMemo(2);
    const first = findingFingerprint(base, small);
    expect(findingFingerprint({ ...base }, small)).toBe(first);
    expect(first).toBe(findingFingerprint(base));
    findingFingerprint({ ...base, evidence: '11' }, small);
    findingFingerprint({ ...base, evidence: '12' }, small);
    expect(small.size).toBeLessThanOrEqual(2);
    expect(findingFingerprint(base, small)).toBe(findingFingerprint(base));
  });

  it('number findings that are otherwise the same', () => {
    const diagnostic: Diagnostic = { code: 'cell/blank', category: 'cell', severity: 'warning', message: '', range: { start: 0, end: 1 }, related: [], suggestions: [] };
    const [first, second] = diagnosticFingerprints([diagnostic, diagnostic], 'x', 'r');
    expect(first.replace(/:0$/u, ':1')).toBe(second);
  });
});

describe('baseline files', () => {
  it('round-trip, sorted and without repeats', () => {
    const entries = [
      { fingerprint: 'b:0', report: 'r 2024', code: 'arithmetic/equation', rule: 'R4', message: '…' },
      { fingerprint: 'a:0', report: 'r 2023', code: 'text/length' },
      { fingerprint: 'a:0', report: 'r 2023', code: 'text/length' },
    ];
    const text = serializeBaseline(entries);
    expect(text.endsWith('}\n')).toBe(true);
    const baseline = parseBaseline(text);
    expect(baseline.findings.map((e) => e.fingerprint)).toEqual(['a:0', 'b:0']);
    expect(acknowledgedFingerprints(baseline).has('b:0')).toBe(true);
  });

  it('refuse what is not a baseline with a clear error', () => {
    expect(() => parseBaseline('{')).toThrow(BaselineError);
    expect(() => parseBaseline('{"version":2,"findings":[]}')).toThrow(/version/u);
  });
});
