import { describe, expect, it } from 'vitest';
import { Rational, solveLinearSystem } from '../../src/localize/index.js';

const r = (n: number) => Rational.fromNumber(n);

describe('Rational', () => {
  it('is exact where floating point is not', () => {
    expect(r(0.1).add(r(0.2)).equals(r(0.3))).toBe(true);
    expect(r(77.496).mul(r(10000)).toDecimalString()).toBe('774960');
  });

  it('reads exponent forms and reduces fractions', () => {
    expect(r(1e-7).toDecimalString(8)).toBe('0.0000001');
    expect(r(1.5e21).isInteger()).toBe(true);
    expect(Rational.of(6n, -4n).toDecimalString()).toBe('-1.5');
  });

  it('rounds non-terminating decimals half up', () => {
    expect(Rational.of(2n, 3n).toDecimalString(4)).toBe('0.6667');
    expect(Rational.of(-1n, 3n).toDecimalString(2)).toBe('-0.33');
    expect(Rational.of(999999n, 1000000n).toDecimalString(3)).toBe('1');
  });

  it('floors and ceils negative values correctly', () => {
    expect(Rational.of(-3n, 2n).floor().toDecimalString()).toBe('-2');
    expect(Rational.of(-3n, 2n).ceil().toDecimalString()).toBe('-1');
    expect(Rational.of(3n, 2n).floor().toDecimalString()).toBe('1');
  });

  it('rejects non-finite numbers and zero denominators', () => {
    expect(() => r(Number.NaN)).toThrow(RangeError);
    expect(() => Rational.of(1n, 0n)).toThrow(RangeError);
  });
});

describe('solveLinearSystem', () => {
  it('solves a unique system', () => {
    // x + y = 3, x − y = 1
    const solution = solveLinearSystem([[r(1), r(1)], [r(1), r(-1)]], [r(3), r(1)], 2);
    expect(solution?.particular.map((x) => x.toDecimalString())).toEqual(['2', '1']);
    expect(solution?.nullBasis).toEqual([]);
  });

  it('reports inconsistency', () => {
    expect(solveLinearSystem([[r(1)], [r(1)]], [r(1), r(2)], 1)).toBeNull();
  });

  it('gives a null-space basis for an underdetermined system', () => {
    const solution = solveLinearSystem([[r(1), r(-1)]], [r(0)], 2);
    expect(solution?.nullBasis.length).toBe(1);
    expect(solution?.nullBasis[0].map((x) => x.toDecimalString())).toEqual(['1', '1']);
  });
});
