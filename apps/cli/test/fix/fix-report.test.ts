import type { CheckResult, Diagnostic } from '@nianbao/core';
import { describe, expect, it } from 'vitest';
import { fixReport } from '../../src/fix/fix-report.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A finding for every "(x)" reading left in the text, each with its deletion as the only fix. */
function findingsOf(text: string): Diagnostic[] {
  return [...text.matchAll(/\((\w+)\)/g)].map((match) => ({
    code: 'quality/pinyin',
    category: 'quality',
    severity: 'warning',
    message: `reading ${match[1]}`,
    range: { start: match.index!, end: match.index! + match[0].length },
    related: [],
    suggestions: [{ message: 'delete', edits: [{ range: { start: match.index!, end: match.index! + match[0].length }, newText: '' }] }],
  }));
}

function checked(text: string, extra: (text: string) => Diagnostic[] = () => []): CheckResult {
  return {
    source: { format: 'txt', encoding: 'utf-8', text },
    template: { id: 't', confidence: 1 },
    info: { year: 2020, agency: null },
    report: null,
    diagnostics: [...findingsOf(text), ...extra(text)],
  };
}

describe('fixReport', () => {
  it('applies every safe fix at once when that verifies', async () => {
    const text = '規(gui)定 發(fa)布';
    let rechecks = 0;
    const outcome = await fixReport(encoder.encode(text), checked(text), async (bytes) => {
      rechecks++;
      return checked(decoder.decode(bytes));
    });
    expect(outcome.kind).toBe('fixed');
    if (outcome.kind !== 'fixed') return;
    expect(decoder.decode(outcome.bytes)).toBe('規定 發布');
    expect(outcome.applied).toBe(2);
    expect(rechecks).toBe(1);
  });

  it('falls back to one fix at a time and keeps only those that verify', async () => {
    // Deleting "(b)" creates a new finding: that fix must be left out, the other kept.
    const text = 'a(a) x(b)y';
    const trap = (t: string): Diagnostic[] =>
      t.includes('xy')
        ? [{ code: 'quality/mojibake', category: 'quality', severity: 'warning', message: 'new', range: { start: 0, end: 1 }, related: [], suggestions: [] }]
        : [];
    const outcome = await fixReport(encoder.encode(text), checked(text, trap), async (bytes) => checked(decoder.decode(bytes), trap));
    expect(outcome.kind).toBe('fixed');
    if (outcome.kind !== 'fixed') return;
    expect(decoder.decode(outcome.bytes)).toBe('a x(b)y');
    expect(outcome.applied).toBe(1);
  });

  it('leaves .docx and .html alone, and says when there is nothing to do', async () => {
    const text = 'a(a)';
    const html = { ...checked(text), source: { format: 'html' as const, encoding: 'utf-8', text } };
    expect(await fixReport(encoder.encode(text), html, async () => html)).toEqual({ kind: 'skipped', reason: 'format' });
    const clean = checked('nothing');
    expect(await fixReport(encoder.encode('nothing'), clean, async () => clean)).toEqual({ kind: 'none' });
  });

  it('skips a file whose bytes do not decode to the checked text', async () => {
    const result = checked('a(a)');
    expect(await fixReport(encoder.encode('b(b)'), result, async () => result)).toEqual({ kind: 'skipped', reason: 'encoding' });
  });
});
