import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBinaryControls, countBinaryControlsUnlessNul, isBinaryControl } from '../../src/read/binary-controls.js';

/** The count byte by byte. */
function oneByOne(bytes: Uint8Array): number {
  let controls = 0;
  for (const b of bytes) if (isBinaryControl(b)) controls++;
  return controls;
}

describe('countBinaryControls', () => {
  it('counts the C0 controls of binary files, not NUL, TAB, LF, VT, FF, CR, SUB or ESC', () => {
    const all = Uint8Array.from({ length: 256 }, (_, b) => b);
    expect(countBinaryControls(all)).toBe(32 - 8);
    expect([0, 9, 10, 11, 12, 13, 26, 27, 32, 127, 255].some(isBinaryControl)).toBe(false);
  });

  it('is the count byte by byte, for any bytes at any offset of their buffer', () => {
    // Bytes near the 0x20 bound (where a word's test could go wrong) more often than others.
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0x18, max: 0x22 }), fc.constantFrom(0, 0x80, 0x9f, 0xa0, 0xff));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 80 }), fc.nat(7), fc.nat(7), (values, before, after) => {
        const buffer = new Uint8Array(before + values.length + after).fill(1);
        buffer.set(values, before);
        const bytes = buffer.subarray(before, before + values.length);
        expect(countBinaryControls(bytes)).toBe(oneByOne(bytes));
      }),
      { numRuns: 5000 },
    );
  });

  it('is the count byte by byte for every word of bytes from 0x1e to 0x21 and 0x9e to 0xa1', () => {
    const values = [0x00, 0x1e, 0x1f, 0x20, 0x21, 0x9e, 0x9f, 0xa0, 0xa1, 0xff];
    const word = new Uint8Array(4);
    for (const a of values) for (const b of values) for (const c of values) for (const d of values) {
      word.set([a, b, c, d]);
      expect(countBinaryControls(word)).toBe(oneByOne(word));
    }
  });
});

describe('countBinaryControlsUnlessNul', () => {
  it('is -1 when the bytes hold a NUL, else the count byte by byte, for any bytes at any offset of their buffer', () => {
    // NUL and the bytes around it and the 0x20 bound more often than others; padding that is a NUL too.
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0x18, max: 0x22 }), fc.constantFrom(0x80, 0xff, 0x100 - 1));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 80 }), fc.nat(7), fc.nat(7), fc.constantFrom(0, 1), (values, before, after, padding) => {
        const buffer = new Uint8Array(before + values.length + after).fill(padding);
        buffer.set(values, before);
        const bytes = buffer.subarray(before, before + values.length);
        expect(countBinaryControlsUnlessNul(bytes)).toBe(bytes.includes(0) ? -1 : oneByOne(bytes));
      }),
      { numRuns: 5000 },
    );
  });

  it('sees a NUL in every place of every word of bytes from 0x00 to 0x02 and 0xfe, 0xff', () => {
    const values = [0x00, 0x01, 0x02, 0x1f, 0x20, 0xfe, 0xff];
    const bytes = new Uint8Array(8);
    for (const a of values) for (const b of values) for (const c of values) for (const d of values) {
      bytes.set([0x41, 0x41, 0x41, 0x41, a, b, c, d]);
      expect(countBinaryControlsUnlessNul(bytes)).toBe(bytes.includes(0) ? -1 : oneByOne(bytes));
    }
  });
});
