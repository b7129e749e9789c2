import { describe, expect, it } from 'vitest';
import type { TextView } from '../../src/read/text-view.js';
import fc from 'fast-check';
import { excerpt, lineAt, surroundings, viewRangeOf, viewRangesOf } from '../../src/validate/text-ranges.js';

/** A view of `length` units whose offsets map to the original by a monotone step function of `seed`. */
function steppedView(length: number, seed: number, steps = [0, 1, 1, 1, 3, 7]): TextView {
  let state = seed;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const map = [0];
  // Steps of 0 (inserted units), 1 (kept) and more (deleted runs), as normalising a text makes them.
  for (let i = 1; i <= length; i++) map.push(map[i - 1] + steps[Math.floor(random() * steps.length)]);
  return { text: 'x'.repeat(length), toOriginal: (offset) => map[Math.max(0, Math.min(length, offset))] };
}

/** The ranges by a binary search over the whole view for each end (the definition). */
function referenceRangeOf(view: TextView, range: { start: number; end: number }): { start: number; end: number } {
  const firstAtOrAfter = (target: number): number => {
    let lo = 0;
    let hi = view.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (view.toOriginal(mid) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const start = firstAtOrAfter(range.start);
  return { start, end: Math.max(start, firstAtOrAfter(range.end)) };
}

describe('viewRangesOf', () => {
  it('finds the ranges viewRangeOf finds, one by one', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const view = steppedView(seed * 7, seed);
      const last = view.toOriginal(view.text.length);
      const ranges = [];
      for (let i = 0; i < 30; i++) {
        const start = ((i * 37 + seed * 11) % (last + 6)) - 2;
        ranges.push({ start, end: start + ((i * 13 + seed) % 40) });
      }
      ranges.sort((a, b) => a.start - b.start);
      expect(viewRangesOf(view, ranges)).toEqual(ranges.map((range) => referenceRangeOf(view, range)));
      for (const range of ranges) expect(viewRangeOf(view, range)).toEqual(referenceRangeOf(view, range));
    }
  });

  it('finds them in a view that maps mostly one to one', () => {
    const steps = [...Array.from({ length: 30 }, () => 1), 0, 2, 5];
    for (let seed = 1; seed <= 40; seed++) {
      const view = steppedView(seed * 20, seed, steps);
      const last = view.toOriginal(view.text.length);
      const ranges = [];
      for (let i = 0; i < 30; i++) {
        const start = ((i * 41 + seed * 13) % (last + 6)) - 2;
        ranges.push({ start, end: start + ((i * 17 + seed) % 60) });
      }
      ranges.sort((a, b) => a.start - b.start);
      expect(viewRangesOf(view, ranges)).toEqual(ranges.map((range) => referenceRangeOf(view, range)));
      for (const range of ranges) expect(viewRangeOf(view, range)).toEqual(referenceRangeOf(view, range));
    }
  });

  it('keeps the ranges in order of their start (the blanking of table rows reads them so, unsorted)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const view = steppedView(seed * 9, seed);
      const last = view.toOriginal(view.text.length);
      const ranges = Array.from({ length: 25 }, (_, i) => ({ start: (i * seed * 7) % (last + 3), end: ((i * seed * 7) % (last + 3)) + (i % 9) }));
      ranges.sort((a, b) => a.start - b.start);
      const starts = viewRangesOf(view, ranges).map((range) => range.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });

  it('maps nothing to nothing and handles an empty view', () => {
    expect(viewRangesOf(steppedView(10, 3), [])).toEqual([]);
    const empty = steppedView(0, 1);
    expect(viewRangesOf(empty, [{ start: 0, end: 5 }])).toEqual([referenceRangeOf(empty, { start: 0, end: 5 })]);
    expect(viewRangeOf(empty, { start: 0, end: 5 })).toEqual(referenceRangeOf(empty, { start: 0, end: 5 }));
  });
});

describe('surroundings', () => {
  /** The definition: the spot within its whole line (trimmed), widened by `reach` on either side. */
  function shownByWholeLine(text: string, start: number, end: number, reach: number): string {
    const line = lineAt(text, start);
    const from = Math.max(line.start, start - reach);
    return excerpt(text.slice(from, Math.min(Math.max(line.end, end), end + reach)), 40);
  }

  it('shows what the whole line would show, for any text and spot', () => {
    const pieces = fc.constantFrom('a', '規', '\n', ' ', '\t', '\r', '\u3000', '?', '锟斤拷');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.nat(), fc.nat(4), fc.nat(5), (parts, at, width, reach) => {
        const text = parts.join('');
        const start = text.length === 0 ? 0 : at % text.length;
        const end = Math.min(text.length, start + width);
        const around = surroundings(text, start, end, reach);
        expect(excerpt(text.slice(around.start, around.end), 40)).toBe(shownByWholeLine(text, start, end, reach));
      }),
      { numRuns: 2000 },
    );
  });

  it('stops at the reach, at a line break, and after a spot that crosses one', () => {
    expect(surroundings('甲乙丙規(guī)定丁戊己', 4, 9, 3)).toEqual({ start: 1, end: 12 });
    expect(surroundings('甲\n規(guī)\n定', 3, 8, 3)).toEqual({ start: 2, end: 8 });
    expect(surroundings('甲乙規\n(guī)定', 3, 9, 3)).toEqual({ start: 0, end: 9 });
  });
});
