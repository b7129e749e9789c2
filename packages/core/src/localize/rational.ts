/**
 * Exact rational numbers for the error localiser (in plain numbers while they fit, else on bigint): cell
 * values are decimals written by people, and solving the table's equations in floating point would turn
 * 0.1 + 0.2 into a false alarm.
 */

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x;
}

/** Whether `value` is an integer of at most 53 bits, which a JS number holds exactly. */
const isSafe = Number.isSafeInteger;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The greatest common divisor of two safe integers, in numbers (`gcd` on bigints is several times slower). */
function gcdOfNumbers(a: number, b: number): number {
  let x = a < 0 ? -a : a;
  let y = b < 0 ? -b : b;
  while (y !== 0) {
    const rest = x % y;
    x = y;
    y = rest;
  }
  return x;
}

/**
 * An exact fraction `num / den`, always reduced, `den > 0`. Immutable.
 *
 * A value whose numerator and denominator are safe integers (cell values are counts: nearly every value the
 * localiser meets) is held and worked in plain numbers: each product and sum of an operation is checked to be
 * a safe integer, which a JS number holds exactly, and the operation is made on bigints where one is not
 * (a sum past 2⁵³ is not a safe integer however its double rounds). Other values are held in bigints. Each
 * value has one form (numbers whenever they can hold it), so equal values are equal field by field.
 */
export class Rational {
  /** The numerator, in numbers (0 when held in {@link big}). */
  private readonly n: number;
  /** The denominator, in numbers (1 when held in {@link big}). */
  private readonly d: number;
  /** The value in bigints, when its numerator or denominator is not a safe integer; else null. */
  private readonly big: { readonly num: bigint; readonly den: bigint } | null;

  private constructor(n: number, d: number, big: { readonly num: bigint; readonly den: bigint } | null) {
    this.n = n;
    this.d = d;
    this.big = big;
  }

  /** The rational 0. */
  static readonly ZERO = new Rational(0, 1, null);
  /** The rational 1. */
  static readonly ONE = new Rational(1, 1, null);

  /** The numerator, with the sign. */
  get num(): bigint {
    return this.big === null ? BigInt(this.n) : this.big.num;
  }

  /** The denominator, positive. */
  get den(): bigint {
    return this.big === null ? BigInt(this.d) : this.big.den;
  }

  /** Builds `num / den` (reduced). Throws on a zero denominator. */
  static of(num: bigint, den: bigint = 1n): Rational {
    if (den === 1n) return Rational.reducedOfBigints(num, 1n); // whole numbers (most cell values) need no gcd
    if (den === 0n) throw new RangeError('Rational with zero denominator');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num, den);
    return g > 1n ? Rational.reducedOfBigints(num / g, den / g) : Rational.reducedOfBigints(num, den);
  }

  /** A reduced fraction of bigints (`den > 0`), in numbers when they hold it. */
  private static reducedOfBigints(num: bigint, den: bigint): Rational {
    if (den <= MAX_SAFE && num <= MAX_SAFE && num >= -MAX_SAFE) return Rational.ofNumbers(Number(num), Number(den));
    return new Rational(0, 1, { num, den });
  }

  /** `num / den` of two safe integers, `den` not 0: reduced, the sign on the numerator, no negative zero. */
  private static ofNumbers(num: number, den: number): Rational {
    if (num === 0) return Rational.ZERO;
    if (den < 0) {
      num = -num;
      den = -den;
    }
    if (den === 1) return new Rational(num, 1, null);
    const g = gcdOfNumbers(num, den);
    return g > 1 ? new Rational(num / g, den / g, null) : new Rational(num, den, null);
  }

  /**
   * The exact value of a finite JS number as written in its shortest decimal form (so 0.1 is 1/10,
   * not the binary double nearest to it). Throws on NaN or ±Infinity.
   */
  static fromNumber(value: number): Rational {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
    if (isSafe(value)) return value === 0 ? Rational.ZERO : new Rational(value, 1, null);
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
    if (this.big === null && other.big === null) {
      if (this.d === 1 && other.d === 1) {
        const sum = this.n + other.n;
        if (isSafe(sum)) return sum === 0 ? Rational.ZERO : new Rational(sum, 1, null);
      } else {
        const left = this.n * other.d;
        const right = other.n * this.d;
        const den = this.d * other.d;
        const num = left + right;
        if (isSafe(left) && isSafe(right) && isSafe(num) && isSafe(den)) return Rational.ofNumbers(num, den);
      }
    }
    const ad = this.den;
    const bd = other.den;
    if (ad === 1n && bd === 1n) return Rational.of(this.num + other.num, 1n);
    return Rational.of(this.num * bd + other.num * ad, ad * bd);
  }

  /** this − other. */
  sub(other: Rational): Rational {
    return this.add(other.neg());
  }

  /** this × other. */
  mul(other: Rational): Rational {
    if (this.big === null && other.big === null) {
      const num = this.n * other.n;
      const den = this.d * other.d;
      if (isSafe(num) && isSafe(den)) return Rational.ofNumbers(num, den);
    }
    return Rational.of(this.num * other.num, this.den * other.den);
  }

  /** this ÷ other; throws when other is 0. */
  div(other: Rational): Rational {
    if (this.big === null && other.big === null && other.n !== 0) {
      const num = this.n * other.d;
      const den = this.d * other.n;
      if (isSafe(num) && isSafe(den)) return Rational.ofNumbers(num, den);
    }
    return Rational.of(this.num * other.den, this.den * other.num);
  }

  /** −this. */
  neg(): Rational {
    if (this.big === null) return this.n === 0 ? this : new Rational(-this.n, this.d, null);
    return new Rational(0, 1, { num: -this.big.num, den: this.big.den });
  }

  /** |this|. */
  abs(): Rational {
    return this.sign() < 0 ? this.neg() : this;
  }

  /** −1, 0 or 1. */
  sign(): -1 | 0 | 1 {
    if (this.big === null) return this.n < 0 ? -1 : this.n > 0 ? 1 : 0;
    return this.big.num < 0n ? -1 : 1; // a value in bigints is never 0
  }

  /** True when the value is 0. */
  isZero(): boolean {
    return this.big === null && this.n === 0;
  }

  /** True when the value is a whole number. */
  isInteger(): boolean {
    return this.big === null ? this.d === 1 : this.big.den === 1n;
  }

  /** Compares with another rational: negative, 0 or positive. */
  compare(other: Rational): number {
    if (this.big === null && other.big === null) {
      if (this.d === other.d) return this.n < other.n ? -1 : this.n > other.n ? 1 : 0;
      const left = this.n * other.d;
      const right = other.n * this.d;
      if (isSafe(left) && isSafe(right)) return left < right ? -1 : left > right ? 1 : 0;
    }
    const left = this.num * other.den;
    const right = other.num * this.den;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  /** True when both are the same number. */
  equals(other: Rational): boolean {
    if (this.big === null || other.big === null) return this.big === other.big && this.n === other.n && this.d === other.d;
    return this.big.num === other.big.num && this.big.den === other.big.den;
  }

  /** The largest integer ≤ this. */
  floor(): Rational {
    if (this.big === null) {
      if (this.d === 1) return this;
      // Exact in numbers: the remainder of two safe integers is, and the difference is a multiple of `d`.
      const rest = this.n % this.d;
      const quotient = (this.n - rest) / this.d;
      return Rational.ofNumbers(rest < 0 ? quotient - 1 : quotient, 1);
    }
    const { num, den } = this.big;
    const q = num / den;
    return Rational.of(num < 0n && q * den !== num ? q - 1n : q);
  }

  /** The smallest integer ≥ this. */
  ceil(): Rational {
    return this.neg().floor().neg();
  }

  /** The nearest JS number. */
  toNumber(): number {
    return this.big === null ? this.n / this.d : Number(this.big.num) / Number(this.big.den);
  }

  /**
   * A decimal string: exact when the fraction terminates in base 10, otherwise rounded to
   * `maxFractionDigits` digits. No exponent notation, no trailing zeros.
   */
  toDecimalString(maxFractionDigits = 6): string {
    if (this.big === null && this.d === 1) return String(this.n);
    const signed = this.num;
    const den = this.den;
    const negative = signed < 0n;
    const num = negative ? -signed : signed;
    const whole = num / den;
    let remainder = num % den;
    let digits = '';
    for (let i = 0; i < maxFractionDigits && remainder !== 0n; i++) {
      remainder *= 10n;
      digits += String(remainder / den);
      remainder %= den;
    }
    let wholeText = String(whole);
    if (remainder !== 0n && (remainder * 2n) / den >= 1n) {
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
