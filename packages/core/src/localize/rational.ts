/**
 * Exact rational numbers on bigint, for the error localiser: cell values are decimals written by people,
 * and solving the table's equations in floating point would turn 0.1 + 0.2 into a false alarm.
 */

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x;
}

/** An exact fraction `num / den`, always reduced, `den > 0`. Immutable. */
export class Rational {
  /** The rational 0. */
  static readonly ZERO = new Rational(0n, 1n);
  /** The rational 1. */
  static readonly ONE = new Rational(1n, 1n);

  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  /** Builds `num / den` (reduced). Throws on a zero denominator. */
  static of(num: bigint, den: bigint = 1n): Rational {
    if (den === 1n) return new Rational(num, 1n); // whole numbers (most cell values) need no gcd
    if (den === 0n) throw new RangeError('Rational with zero denominator');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num, den);
    return g > 1n ? new Rational(num / g, den / g) : new Rational(num, den);
  }

  /**
   * The exact value of a finite JS number as written in its shortest decimal form (so 0.1 is 1/10,
   * not the binary double nearest to it). Throws on NaN or ±Infinity.
   */
  static fromNumber(value: number): Rational {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
    if (Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER) return new Rational(BigInt(value), 1n);
    return Rational.parse(String(value));
  }

  /** The exact value of a decimal numeral ("-12.5", "3e-4"); throws when `text` is not one. */
  static parse(text: string): Rational {
    const match = /^([+-]?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text.trim());
    if (!match) throw new RangeError(`Not a decimal numeral: ${text}`);
    const [, sign, whole, fraction = '', exponentText = '0'] = match;
    let num = BigInt(whole + fraction);
    let den = 10n ** BigInt(fraction.length);
    const exponent = Number(exponentText);
    if (exponent >= 0) num *= 10n ** BigInt(exponent);
    else den *= 10n ** BigInt(-exponent);
    return Rational.of(sign === '-' ? -num : num, den);
  }

  /** this + other. */
  add(other: Rational): Rational {
    if (this.den === 1n && other.den === 1n) return new Rational(this.num + other.num, 1n);
    return Rational.of(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  /** this − other. */
  sub(other: Rational): Rational {
    if (this.den === 1n && other.den === 1n) return new Rational(this.num - other.num, 1n);
    return Rational.of(this.num * other.den - other.num * this.den, this.den * other.den);
  }

  /** this × other. */
  mul(other: Rational): Rational {
    if (this.den === 1n && other.den === 1n) return new Rational(this.num * other.num, 1n);
    return Rational.of(this.num * other.num, this.den * other.den);
  }

  /** this ÷ other; throws when other is 0. */
  div(other: Rational): Rational {
    return Rational.of(this.num * other.den, this.den * other.num);
  }

  /** −this. */
  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  /** |this|. */
  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }

  /** −1, 0 or 1. */
  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }

  /** True when the value is 0. */
  isZero(): boolean {
    return this.num === 0n;
  }

  /** True when the value is a whole number. */
  isInteger(): boolean {
    return this.den === 1n;
  }

  /** Compares with another rational: negative, 0 or positive. */
  compare(other: Rational): number {
    if (this.den === other.den) return this.num < other.num ? -1 : this.num > other.num ? 1 : 0;
    const left = this.num * other.den;
    const right = other.num * this.den;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  /** True when both are the same number. */
  equals(other: Rational): boolean {
    return this.num === other.num && this.den === other.den;
  }

  /** The largest integer ≤ this. */
  floor(): Rational {
    const q = this.num / this.den;
    return Rational.of(this.num < 0n && q * this.den !== this.num ? q - 1n : q);
  }

  /** The smallest integer ≥ this. */
  ceil(): Rational {
    return this.neg().floor().neg();
  }

  /** The nearest JS number. */
  toNumber(): number {
    return Number(this.num) / Number(this.den);
  }

  /**
   * A decimal string: exact when the fraction terminates in base 10, otherwise rounded to
   * `maxFractionDigits` digits. No exponent notation, no trailing zeros.
   */
  toDecimalString(maxFractionDigits = 6): string {
    const negative = this.num < 0n;
    const num = negative ? -this.num : this.num;
    const whole = num / this.den;
    let remainder = num % this.den;
    let digits = '';
    for (let i = 0; i < maxFractionDigits && remainder !== 0n; i++) {
      remainder *= 10n;
      digits += String(remainder / this.den);
      remainder %= this.den;
    }
    let wholeText = String(whole);
    if (remainder !== 0n && (remainder * 2n) / this.den >= 1n) {
      // Round half up on the last kept digit.
      const scaled = BigInt(wholeText + digits) + 1n;
      const text = String(scaled).padStart(digits.length + 1, '0');
      wholeText = text.slice(0, text.length - digits.length);
      digits = text.slice(text.length - digits.length);
    }
    digits = digits.replace(/0+$/, '');
    const body = digits ? `${wholeText}.${digits}` : wholeText;
    return negative && body !== '0' ? `-${body}` : body;
  }
}
