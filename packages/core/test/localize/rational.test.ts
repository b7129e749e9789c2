import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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

describe('Rational in numbers and in bigints', () => {
  // The value of a fraction as the bigint arithmetic of the definition gives it: reduced, positive denominator.
  const gcd = (a: bigint, b: bigint): bigint => {
    let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
    while (y !== 0n) [x, y] = [y, x % y];
    return x;
  };
  const reduced = (num: bigint, den: bigint): [bigint, bigint] => {
    if (den < 0n) [num, den] = [-num, -den];
    const g = gcd(num, den);
    return g > 1n ? [num / g, den / g] : [num, den];
  };
  const limit = 2n ** 53n;
  // Around the edge of the safe integers, small, and far past it: values in numbers, in bigints, and
  // operations whose products or sums cross from one to the other.
  const integer = fc.oneof(
    fc.bigInt({ min: -1000n, max: 1000n }),
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
    fc.bigInt({ min: limit - 2000n, max: limit + 2000n }).map((n) => n * (n % 2n === 0n ? 1n : -1n)),
    fc.constantFrom(0n, 1n, -1n, limit - 1n, limit, -(limit - 1n), -limit, 94906265n, 94906266n),
  );
  const denominator = integer.filter((n) => n !== 0n);
  const fraction = fc.tuple(integer, denominator);
  const expectValue = (value: Rational, [num, den]: [bigint, bigint]) => {
    expect([value.num, value.den]).toEqual([num, den]);
  };

  it('makes each operation equal to its definition on bigints, whichever form the operands are in', () => {
    fc.assert(
      fc.property(fraction, fraction, ([an, ad], [bn, bd]) => {
        const a = Rational.of(an, ad);
        const b = Rational.of(bn, bd);
        const [xn, xd] = reduced(an, ad);
        const [yn, yd] = reduced(bn, bd);
        expectValue(a, [xn, xd]);
        expectValue(a.add(b), reduced(xn * yd + yn * xd, xd * yd));
        expectValue(a.sub(b), reduced(xn * yd - yn * xd, xd * yd));
        expectValue(a.mul(b), reduced(xn * yn, xd * yd));
        if (yn !== 0n) expectValue(a.div(b), reduced(xn * yd, xd * yn));
        else expect(() => a.div(b)).toThrow(RangeError);
        expectValue(a.neg(), reduced(-xn, xd));
        expectValue(a.abs(), reduced(xn < 0n ? -xn : xn, xd));
        const left = xn * yd;
        const right = yn * xd;
        expect(Math.sign(a.compare(b))).toBe(left < right ? -1 : left > right ? 1 : 0);
        expect(a.equals(b)).toBe(xn === yn && xd === yd);
        expect(a.sign()).toBe(xn < 0n ? -1 : xn > 0n ? 1 : 0);
        expect(a.isZero()).toBe(xn === 0n);
        expect(a.isInteger()).toBe(xd === 1n);
        const q = xn / xd;
        const floor = xn < 0n && q * xd !== xn ? q - 1n : q;
        expectValue(a.floor(), [floor, 1n]);
        expectValue(a.ceil(), [floor * xd === xn ? floor : floor + 1n, 1n]);
        expect(a.toNumber()).toBe(Number(xn) / Number(xd));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives equal values the same fields, so that structural equality is equality', () => {
    fc.assert(
      fc.property(fraction, fc.bigInt({ min: 1n, max: 10n ** 6n }), ([num, den], k) => {
        expect(Rational.of(num * k, den * k)).toEqual(Rational.of(num, den));
        expect(Rational.of(num, den).mul(Rational.ONE)).toEqual(Rational.of(num, den));
      }),
    );
    expect(Rational.fromNumber(-0)).toEqual(Rational.ZERO);
    expect(Rational.fromNumber(0).mul(Rational.fromNumber(-3))).toEqual(Rational.ZERO);
    expect(Rational.ZERO.neg()).toEqual(Rational.ZERO);
    expect(Rational.of(3n, 6n)).toEqual(Rational.fromNumber(0.5));
  });

  it('writes decimals as the bigint long division does', () => {
    // The value scaled by 10^digits and rounded half up in one bigint division, then written out: another
    // way to the same decimal than the long division digit by digit.
    const decimal = ([num, den]: [bigint, bigint], digitsWanted: number): string => {
      const scale = 10n ** BigInt(digitsWanted);
      const magnitude = num < 0n ? -num : num;
      const rounded = (2n * magnitude * scale + den) / (2n * den);
      const fraction = digitsWanted === 0 ? '' : String(rounded % scale).padStart(digitsWanted, '0').replace(/0+$/, '');
      const body = fraction === '' ? String(rounded / scale) : `${rounded / scale}.${fraction}`;
      return num < 0n && rounded !== 0n ? `-${body}` : body;
    };
    fc.assert(
      fc.property(fraction, fc.integer({ min: 0, max: 8 }), ([num, den], digits) => {
        expect(Rational.of(num, den).toDecimalString(digits)).toBe(decimal(reduced(num, den), digits));
      }),
    );
  });
});
