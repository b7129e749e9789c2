import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { integerComparisonHolds, Rational } from '../../src/localize/index.js';

describe('integerComparisonHolds', () => {
  it('decides each comparison at, inside and past its tolerance', () => {
    expect(integerComparisonHolds('=', 0, 0)).toBe(true);
    expect(integerComparisonHolds('=', -2, 2)).toBe(true);
    expect(integerComparisonHolds('=', 3, 2)).toBe(false);
    expect(integerComparisonHolds('<=', 2, 2)).toBe(true);
    expect(integerComparisonHolds('<=', 3, 2)).toBe(false);
    expect(integerComparisonHolds('>=', -2, 2)).toBe(true);
    expect(integerComparisonHolds('>=', -3, 2)).toBe(false);
    expect(integerComparisonHolds('<', 0, 5)).toBe(false);
    expect(integerComparisonHolds('<', -1, 0)).toBe(true);
    expect(integerComparisonHolds('>', 0, 5)).toBe(false);
    expect(integerComparisonHolds('>', 1, 0)).toBe(true);
  });

  it('agrees with the same comparison in rationals, decimal tolerances included', () => {
    const ops = ['=', '<=', '>=', '<', '>'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...ops), fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(0, 0.1, 0.5, 1, 2.5, 3), (op, difference, tolerance) => {
        const d = Rational.fromNumber(difference);
        const t = Rational.fromNumber(tolerance);
        const exact =
          op === '=' ? d.abs().compare(t) <= 0 : op === '<=' ? d.compare(t) <= 0 : op === '>=' ? d.compare(t.neg()) >= 0 : op === '<' ? d.sign() < 0 : d.sign() > 0;
        expect(integerComparisonHolds(op, difference, tolerance)).toBe(exact);
      }),
      { numRuns: 500, seed: 20261205 },
    );
  });
});
