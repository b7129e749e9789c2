import { describe, expect, it } from 'vitest';
import { MAX_SUGGESTION_CHECKS, verifySuggestions } from '../../src/check/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

function finding(over: Partial<Diagnostic>): Diagnostic {
  return {
    code: 'arithmetic/equation',
    rule: 'R1',
    category: 'arithmetic',
    severity: 'error',
    message: 'm',
    range: { start: 0, end: 1 },
    related: [],
    cells: ['t.a.b'],
    suggestions: [],
    ...over,
  };
}

const fix = (start: number, end: number, newText: string) => ({ message: `write ${newText}`, edits: [{ range: { start, end }, newText }] });

describe('verifySuggestions', () => {
  it('offers a suggestion only when its finding is gone and nothing is new', () => {
    const good = finding({ suggestions: [fix(0, 1, '5')] });
    const stays = finding({ rule: 'R2', cells: ['t.c.d'], suggestions: [fix(2, 3, '6')] });
    const breaksOther = finding({ rule: 'R3', cells: ['t.e.f'], suggestions: [fix(4, 5, '7')] });
    const text = '1 2 3';
    const recheck = (fixed: string): Diagnostic[] => {
      if (fixed === '5 2 3') return [stays, breaksOther];
      if (fixed === '1 6 3') return [good, stays, breaksOther];
      // Fixing R3 breaks R4.
      return [good, stays, finding({ rule: 'R4', cells: ['t.g.h'] })];
    };
    const verified = verifySuggestions(text, [good, stays, breaksOther], recheck);
    expect(verified.map((d) => d.suggestions.length)).toEqual([1, 0, 0]);
  });

  it('drops a suggestion whose edits overlap, and one the text cannot be re-checked after', () => {
    const overlapping = finding({ suggestions: [{ message: 'x', edits: [{ range: { start: 0, end: 2 }, newText: 'a' }, { range: { start: 1, end: 3 }, newText: 'b' }] }] });
    const unreadable = finding({ rule: 'R2', cells: ['t.c.d'], suggestions: [fix(0, 1, '9')] });
    const verified = verifySuggestions('12345', [overlapping, unreadable], () => null);
    expect(verified.every((d) => d.suggestions.length === 0)).toBe(true);
  });

  it('verifies independent spot deletions together in one re-check', () => {
    const spots = [3, 6, 9].map((at) =>
      finding({ code: 'quality/pinyin', rule: undefined, category: 'quality', cells: undefined, message: 'p', range: { start: at, end: at + 1 }, suggestions: [fix(at, at + 1, '')] }),
    );
    let checks = 0;
    const verified = verifySuggestions('abcXdeXfgXh', spots, () => {
      checks++;
      return [];
    });
    expect(checks).toBe(1);
    expect(verified.every((d) => d.suggestions.length === 1)).toBe(true);
  });

  it('re-checks a text once when several findings suggest the same fix, and judges each finding against it', () => {
    const a = finding({ rule: 'R1', cells: ['t.a.b'], suggestions: [fix(0, 1, '5')] });
    const b = finding({ rule: 'R2', cells: ['t.c.d'], suggestions: [fix(0, 1, '5')] });
    const c = finding({ rule: 'R3', cells: ['t.e.f'], suggestions: [fix(0, 1, '5')] });
    const texts: string[] = [];
    // The shared fix removes R1 and R2, not R3.
    const verified = verifySuggestions('1 2 3', [a, b, c], (fixed) => {
      texts.push(fixed);
      return [c];
    });
    expect(texts).toEqual(['5 2 3']);
    expect(verified.map((d) => d.suggestions.length)).toEqual([1, 1, 0]);
  });

  it('spends at most a bounded number of re-checks and offers nothing it did not verify', () => {
    const many = Array.from({ length: MAX_SUGGESTION_CHECKS + 5 }, (_, i) => finding({ rule: `R${i}`, cells: [`c${i}`], suggestions: [fix(i, i + 1, 'x')] }));
    let checks = 0;
    const verified = verifySuggestions('a'.repeat(100), many, () => {
      checks++;
      return [];
    });
    expect(checks).toBe(MAX_SUGGESTION_CHECKS);
    expect(verified.filter((d) => d.suggestions.length === 1)).toHaveLength(MAX_SUGGESTION_CHECKS);
  });
});
