import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LISTED, firstInText } from '../../src/validate/listing-limit.js';

const at = (start: number, id: number) => ({ id, range: { start, end: start + 1 } });

describe('firstInText', () => {
  it('lists every item when there are at most MAX_LISTED, in the order given', () => {
    const items = [at(9, 0), at(3, 1), at(5, 2)];
    expect(firstInText(items, (item) => item.range)).toEqual({ listed: items, omitted: 0 });
  });

  it('lists the MAX_LISTED first in the text, not the first found: two rules found one after the other', () => {
    // Rule A's statements at even offsets, then rule B's at odd ones, as a check finds them rule by rule.
    const ruleA = Array.from({ length: 600 }, (_, i) => at(2 * i, i));
    const ruleB = Array.from({ length: 600 }, (_, i) => at(2 * i + 1, 600 + i));
    const { listed, omitted, firstOmitted } = firstInText([...ruleA, ...ruleB], (item) => item.range);
    expect(listed).toHaveLength(MAX_LISTED);
    expect(listed.map((item) => item.range.start).sort((a, b) => a - b)).toEqual(Array.from({ length: MAX_LISTED }, (_, i) => i));
    expect(listed.slice(0, 3).map((item) => item.id)).toEqual([0, 1, 2]); // still in the order given
    expect(omitted).toBe(700);
    expect(firstOmitted).toEqual({ start: MAX_LISTED, end: MAX_LISTED + 1 });
  });

  it('is a selection of the first by start, ties in the order given, for any items', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { minLength: MAX_LISTED - 5, maxLength: MAX_LISTED + 60 }), (starts) => {
        const items = starts.map((start, id) => at(start, id));
        const { listed, omitted, firstOmitted } = firstInText(items, (item) => item.range);
        const expected = [...items].sort((a, b) => a.range.start - b.range.start || a.id - b.id).slice(0, MAX_LISTED);
        expect(listed.map((item) => item.id)).toEqual(expected.map((item) => item.id).sort((a, b) => a - b));
        expect(omitted).toBe(Math.max(0, items.length - MAX_LISTED));
        const rest = items.filter((item) => !listed.includes(item));
        expect(firstOmitted?.start).toBe(rest.length === 0 ? undefined : Math.min(...rest.map((item) => item.range.start)));
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
