import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latin1Head } from '../../src/read/latin1-head.js';

/** The Latin-1 reading of each byte, one character appended at a time. */
function byteByByte(bytes: Uint8Array, length: number): string {
  let text = '';
  for (let i = 0; i < Math.min(bytes.length, length); i++) text += String.fromCharCode(bytes[i]);
  return text;
}

describe('latin1Head', () => {
  it('reads every byte as the Latin-1 character of its value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(latin1Head(all)).toBe(byteByByte(all, 256));
  });

  it('is the byte-by-byte Latin-1 reading of the first bytes, for any bytes and length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.integer({ min: 0, max: 700 }), fc.nat(8), (bytes, length, offset) => {
        // A view into a larger buffer too, as a file read into a pooled buffer is.
        const view = new Uint8Array(bytes.length + offset);
        view.set(bytes, offset);
        const inside = view.subarray(offset);
        expect(latin1Head(bytes, length)).toBe(byteByByte(bytes, length));
        expect(latin1Head(inside, length)).toBe(byteByByte(bytes, length));
      }),
    );
  });

  it('reads 4096 bytes by default', () => {
    expect(latin1Head(new Uint8Array(5000).fill(0x41))).toBe('A'.repeat(4096));
  });
});
