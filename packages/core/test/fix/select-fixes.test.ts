import type { Diagnostic } from '../../src/index.js';
import { describe, expect, it } from 'vitest';
import { findingKey, improves, selectFixes } from '../../src/fix/select-fixes.js';

function diagnostic(partial: Partial<Diagnostic>): Diagnostic {
  return {
    code: 'quality/pinyin',
    category: 'quality',
    severity: 'warning',
    message: 'm',
    range: { start: 0, end: 1 },
    related: [],
    suggestions: [],
    ...partial,
  };
}
const fix = (start: number, end: number, newText = '') => ({ message: 'fix', edits: [{ range: { start, end }, newText }] });

describe('selectFixes', () => {
  it('takes the only suggestion of arithmetic and quality findings', () => {
    const picked = selectFixes([
      diagnostic({ message: 'a', suggestions: [fix(0, 5)] }),
      diagnostic({ code: 'arithmetic/equation', category: 'arithmetic', message: 'b', suggestions: [fix(10, 11, '2')] }),
      diagnostic({ code: 'text/prose-mismatch', category: 'text', message: 'c', suggestions: [fix(20, 21, '1')] }),
      diagnostic({ code: 'structure/heading-variant', category: 'structure', message: 'd', suggestions: [fix(30, 31, 'x')] }),
      diagnostic({ message: 'e', suggestions: [fix(40, 41), fix(40, 42)] }),
    ]);
    expect(picked.map((p) => p.suggestion.edits[0].range.start)).toEqual([0, 10]);
  });

  it('takes a fix proposed by several findings once, and drops overlapping ones', () => {
    const shared = fix(10, 11, '2');
    const picked = selectFixes([
      diagnostic({ category: 'arithmetic', message: 'R1', suggestions: [shared] }),
      diagnostic({ category: 'arithmetic', message: 'R2', suggestions: [{ ...shared }] }),
      diagnostic({ message: 'overlap', suggestions: [fix(9, 12)] }),
      diagnostic({ message: 'insert-a', suggestions: [fix(20, 20, 'a')] }),
      diagnostic({ message: 'insert-b', suggestions: [fix(20, 20, 'b')] }),
    ]);
    expect(picked.map((p) => p.key.split('\u0000')[3])).toEqual(['R1', 'insert-a']);
  });

  it('skips rejected findings', () => {
    const d = diagnostic({ suggestions: [fix(0, 1)] });
    expect(selectFixes([d], new Set([findingKey(d)]))).toEqual([]);
  });
});

describe('improves', () => {
  const a = diagnostic({ message: 'a' });
  const b = diagnostic({ message: 'b' });
  const c = diagnostic({ message: 'c' });
  it('accepts strictly fewer findings, all of them old', () => {
    expect(improves([a, b], [a])).toBe(true);
    expect(improves([a, b], [])).toBe(true);
  });
  it('rejects new findings and no progress', () => {
    expect(improves([a, b], [c])).toBe(false);
    expect(improves([a, b], [a, b])).toBe(false);
    expect(improves([a, a], [b])).toBe(false);
  });
  it('ignores offsets: a finding that only moved is the same finding', () => {
    expect(improves([a, b], [{ ...a, range: { start: 50, end: 60 } }])).toBe(true);
  });
  it('counts the spots a report did not list: the next ones listed in place of the mended ones are progress', () => {
    const omitted = (count: number) => diagnostic({ code: 'quality/spots-omitted', severity: 'info', message: `另有 ${count} 处`, omitted: { code: 'quality/pinyin', count } });
    // Two listed and three more; after mending the two, two of the three are listed and one is not.
    expect(improves([a, b, omitted(3)], [c, diagnostic({ message: 'd' }), omitted(1)])).toBe(true);
    expect(improves([a, b, omitted(3)], [c, diagnostic({ message: 'd' })])).toBe(true);
    // No progress: as many spots as before.
    expect(improves([a, b, omitted(3)], [c, diagnostic({ message: 'd' }), omitted(3)])).toBe(false);
    // More unlisted spots than there were, or spots of another code than those not listed: new findings.
    expect(improves([a, b, c], [a, omitted(1)])).toBe(false);
    expect(improves([a, b, omitted(3)], [diagnostic({ code: 'quality/mojibake', message: 'x' })])).toBe(false);
  });
});
