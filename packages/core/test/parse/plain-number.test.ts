import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isBlankText, isValueText } from '../../src/parse/index.js';
import { isPlainNumberIn } from '../../src/parse/plain-number.js';

describe('isPlainNumberIn', () => {
  const pool = [...'0123456789０９-—/.．,，万元件规章 \t', '\u00a0', '\u3000', '1,234', '3.5'];
  const texts = fc.array(fc.constantFrom(...pool), { maxLength: 24 }).map((parts) => parts.join(''));

  it('is /^[0-9]{1,15}$/ of the range, and such a range is a value and no blank marker, as the cell stream takes it', () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (text, a, b) => {
        const start = text.length === 0 ? 0 : a % text.length;
        const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
        const slice = text.slice(start, end);
        const plain = isPlainNumberIn(text, start, end);
        expect(plain, JSON.stringify(slice)).toBe(/^[0-9]{1,15}$/.test(slice));
        if (plain) {
          expect(isValueText(slice), slice).toBe(true);
          expect(isBlankText(slice), slice).toBe(false);
        }
      }),
      { seed: 20261205, numRuns: 3000 },
    );
  });

  it('stops at 15 digits and at an empty range', () => {
    expect(isPlainNumberIn('x123456789012345x', 1, 16)).toBe(true);
    expect(isPlainNumberIn('1234567890123456', 0, 16)).toBe(false);
    expect(isPlainNumberIn('12', 1, 1)).toBe(false);
    expect(isPlainNumberIn('12', 2, 1)).toBe(false);
  });
});
