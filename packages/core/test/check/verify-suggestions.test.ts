import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_SUGGESTION_CHECKS, verifySuggestions } from '../../src/check/index.js';
import type { Diagnostic, TextEdit } from '../../src/diagnostics/diagnostic.js';
import { applyEdits } from '../../src/validate/index.js';

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

  it('counts the findings of a code not all of which were listed all together, listed or not', () => {
    // 500 prose mismatches listed (two rules, 250 each) and 160 counted: fixing the table's total makes
    // rule P1's go, and the 330 of P2 are then all listed — more of P2 than were listed, none new.
    const mismatch = (rule: string, at: number) =>
      finding({ code: 'text/prose-mismatch', category: 'text', severity: 'warning', rule, cells: [`t.${rule}`], range: { start: at, end: at + 1 } });
    const omitted = (count: number) =>
      finding({ code: 'text/findings-omitted', category: 'text', severity: 'info', rule: undefined, cells: undefined, omitted: { code: 'text/prose-mismatch', count } });
    const listedBefore = Array.from({ length: 500 }, (_, i) => mismatch(i % 2 === 0 ? 'P1' : 'P2', 10 + i));
    const equation = finding({ suggestions: [fix(0, 1, '2')] });
    const text = `0${' '.repeat(600)}`;
    const verifiedWith = (after: Diagnostic[]) => verifySuggestions(text, [equation, ...listedBefore, omitted(160)], () => after)[0].suggestions.length;
    const p2 = Array.from({ length: 330 }, (_, i) => mismatch('P2', 11 + 2 * i));
    expect(verifiedWith(p2)).toBe(1);
    // More of the code in all than before: new, whichever of them are listed.
    expect(verifiedWith([...p2.slice(0, 500 - 170), ...Array.from({ length: 170 }, (_, i) => mismatch('P1', 400 + i)), omitted(161)])).toBe(0);
    // A code without findings omitted is still judged rule by rule.
    expect(verifySuggestions(text, [equation, mismatch('P1', 3)], () => [mismatch('P2', 5)])[0].suggestions).toHaveLength(0);
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

  it('judges each suggestion by the counts by code and rule and the identities of the findings after it', () => {
    // Codes, rules and messages with `|` in them, so that identities of different parts could look alike.
    const part = fc.constantFrom('a', 'b', 'a|b', 'b|', '|a', '');
    const finding = fc.record({
      code: part,
      rule: fc.option(part, { nil: undefined }),
      message: part,
      start: fc.integer({ min: 0, max: 12 }),
      cells: fc.option(fc.array(fc.constantFrom('x', 'y', 'z'), { maxLength: 2 }), { nil: undefined }),
    });
    const toDiagnostic = (f: { code: string; rule?: string; message: string; start: number; cells?: string[] }, suggestions: TextEdit[][] = []): Diagnostic => ({
      code: f.code,
      ...(f.rule === undefined ? {} : { rule: f.rule }),
      category: 'arithmetic',
      severity: 'error',
      message: f.message,
      range: { start: f.start, end: f.start },
      related: [],
      ...(f.cells === undefined ? {} : { cells: f.cells }),
      suggestions: suggestions.map((edits) => ({ message: 'fix', edits })),
    });
    const edit = fc.record({ start: fc.integer({ min: 0, max: 10 }), length: fc.integer({ min: 0, max: 2 }), newText: fc.constantFrom('', '1', '22') });
    const input = fc.record({
      findings: fc.array(fc.tuple(finding, fc.array(edit, { maxLength: 2 })), { maxLength: 6 }),
      // What the re-check finds, by the fixed text (deterministic, as the check is).
      after: fc.func(fc.option(fc.array(finding, { maxLength: 6 }), { nil: null, freq: 8 })),
    });
    const text = '0123456789AB';
    // The judge as documented: no code and rule with more findings than before, and the finding's identity gone.
    const key = (d: Diagnostic): string => `${d.code}|${d.rule ?? ''}`;
    const identity = (d: Diagnostic, shift = (o: number) => o): string =>
      `${key(d)}|${d.cells && d.cells.length > 0 ? [...d.cells].sort().join(',') : `${d.message}@${shift(d.range.start)}`}`;
    const counts = (ds: readonly Diagnostic[]): Map<string, number> => {
      const m = new Map<string, number>();
      for (const d of ds) m.set(key(d), (m.get(key(d)) ?? 0) + 1);
      return m;
    };
    fc.assert(
      fc.property(input, ({ findings, after }) => {
        const diagnostics = findings.map(([f, edits]) =>
          toDiagnostic(f, edits.map((e) => [{ range: { start: e.start, end: Math.min(text.length, e.start + e.length) }, newText: e.newText }])),
        );
        const recheck = (fixed: string): Diagnostic[] | null => after(fixed)?.map((f) => toDiagnostic(f)) ?? null;
        const verified = verifySuggestions(text, diagnostics, recheck);
        const before = counts(diagnostics);
        diagnostics.forEach((d, i) => {
          const expected = d.suggestions.filter((s) => {
            const e = s.edits[0];
            const found = recheck(applyEdits(text, s.edits));
            if (found === null) return false;
            for (const [k, n] of counts(found)) if (n > (before.get(k) ?? 0)) return false;
            const delta = e.newText.length - (e.range.end - e.range.start);
            const shift = (o: number): number => (e.range.end <= o && e.range.start < o ? o + delta : o);
            return !new Set(found.map((a) => identity(a))).has(identity(d, shift));
          });
          expect(verified[i].suggestions).toEqual(expected);
        });
      }),
      { numRuns: 2000, seed: 9 },
    );
  });
});
