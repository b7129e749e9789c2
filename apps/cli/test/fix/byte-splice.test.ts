import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapBytes, mapBytesOneByOne } from '../../src/fix/byte-map.js';
import { encodeText } from '../../src/fix/encode-text.js';
import { spliceBytes } from '../../src/fix/splice-bytes.js';

const gb18030 = (hex: string) => Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));

describe('byte-level fixes', () => {
  it('maps UTF-16 offsets to UTF-8 bytes past a BOM and astral characters', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('总计𠀀0\r\n')]);
    const map = mapBytes(bytes, 'utf-8')!;
    expect(map.text).toBe('总计𠀀0\r\n');
    expect([...map.starts]).toEqual([3, 6, 9, 9, 13, 14, 15, 16]);
    const fixed = spliceBytes(bytes, map, [{ range: { start: 4, end: 5 }, newText: '2' }], 'utf-8')!;
    expect([...fixed.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(fixed)).toBe('总计𠀀2\r\n');
  });

  it('maps every UTF-16 unit of valid UTF-8 to the start of its character (both units of a pair to its four bytes)', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), (text, withBom) => {
        // Lone surrogates are no UTF-8: the encoder writes U+FFFD for them, which is the text read back.
        const written = encoder.encode(text);
        const bytes = withBom ? new Uint8Array([0xef, 0xbb, 0xbf, ...written]) : written;
        const read = new TextDecoder().decode(written);
        const expected: number[] = [];
        let at = withBom ? 3 : 0;
        for (const char of read) {
          for (let unit = 0; unit < char.length; unit++) expected.push(at);
          at += encoder.encode(char).length;
        }
        expected.push(bytes.length);
        const map = mapBytes(bytes, 'utf-8')!;
        expect(map.text).toBe(read);
        expect([...map.starts]).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('maps bytes that are not valid UTF-8 as the decoder reads them, fed byte by byte', () => {
    const bytes = new Uint8Array([0x32, 0xff, 0xe6, 0x80, 0x41, 0xe6, 0x80, 0xbb]);
    const map = mapBytes(bytes, 'utf-8')!;
    expect(map.text).toBe('2\ufffd\ufffdA总');
    // The decoder gives the broken "e6 80" and the "A" after it in one call: both are placed where it began.
    expect([...map.starts]).toEqual([0, 1, 2, 2, 5, 8]);
  });

  it('maps every UTF-16 unit of valid GB18030 to the start of its sequence (one, two or four bytes)', () => {
    const byte = (from: number, to: number) => fc.integer({ min: from, max: to });
    const sequence = fc.oneof(
      byte(0x00, 0x80).map((b) => [b]),
      fc.tuple(byte(0x81, 0xfe), fc.oneof(byte(0x40, 0x7e), byte(0x80, 0xfe))),
      fc.tuple(byte(0x81, 0x84), byte(0x30, 0x39), byte(0x81, 0xfe), byte(0x30, 0x39)),
      fc.tuple(byte(0x90, 0xe3), byte(0x30, 0x39), byte(0x81, 0xfe), byte(0x30, 0x39)),
    );
    const strict = new TextDecoder('gb18030', { fatal: true });
    fc.assert(
      fc.property(fc.array(sequence, { maxLength: 60, size: 'max' }), (sequences) => {
        // Sequences the decoder maps to one character each (some two-byte codes are unassigned).
        const chars = sequences.map((s) => {
          try {
            return strict.decode(Uint8Array.from(s));
          } catch {
            return undefined;
          }
        });
        const usable = sequences.filter((_, i) => chars[i] !== undefined && [...chars[i]!].length === 1);
        const bytes = Uint8Array.from(usable.flat());
        const expected: number[] = [];
        let at = 0;
        for (const s of usable) {
          for (let unit = 0; unit < strict.decode(Uint8Array.from(s)).length; unit++) expected.push(at);
          at += s.length;
        }
        expected.push(bytes.length);
        for (const encoding of ['gb18030', 'gbk']) {
          const map = mapBytes(bytes, encoding)!;
          expect(map.text).toBe(strict.decode(bytes));
          expect([...map.starts]).toEqual(expected);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the one-by-one decoder\'s map at once, for valid and broken bytes, in UTF-16 too', () => {
    /** UTF-16 code units of `text` as bytes, little- or big-endian, with or without a byte-order mark. */
    const utf16 = (text: string, littleEndian: boolean, withBom: boolean): Uint8Array => {
      const units = [...(withBom ? [0xfeff] : []), ...Array.from({ length: text.length }, (_, k) => text.charCodeAt(k))];
      return Uint8Array.from(units.flatMap((u) => (littleEndian ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff])));
    };
    const damaged = (bytes: Uint8Array, cut: number, flip: number) =>
      cut === 0 ? bytes : Uint8Array.from([...bytes.slice(0, bytes.length - (cut % 2)), ...(flip > 0 ? [flip] : [])]);
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 120 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 255 }),
        (text, littleEndian, withBom, cut, flip) => {
          // Lone surrogates and a cut or added byte make invalid UTF-16: mapped one by one, the same map.
          const bytes = damaged(utf16(text, littleEndian, withBom), cut, flip);
          for (const encoding of [littleEndian ? 'utf-16le' : 'utf-16be', 'utf-8', 'gb18030']) {
            expect(mapBytes(bytes, encoding)).toEqual(mapBytesOneByOne(bytes, encoding));
          }
        },
      ),
      { numRuns: 400 },
    );
    // A surrogate pair is four bytes: both its units start where they do.
    const pair = utf16('总𠀀0', true, true);
    expect([...mapBytes(pair, 'utf-16le')!.starts]).toEqual([2, 4, 4, 8, 10]);
  });

  it('rewrites a GB18030 file byte for byte outside the edits', () => {
    // "規(guī)定 0" in GB18030: the Pinyin is deleted and the 0 becomes 2; every other byte stays.
    const text = '規(guī)定 0';
    const bytes = gb18030('d28e286775a8a929b6a82030');
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(text);
    const map = mapBytes(bytes, 'gb18030')!;
    const fixed = spliceBytes(bytes, map, [
      { range: { start: 1, end: 6 }, newText: '' },
      { range: { start: 8, end: 9 }, newText: '2' },
    ], 'gb18030')!;
    expect(new TextDecoder('gb18030').decode(fixed)).toBe('規定 2');
    expect([...fixed]).toEqual([...gb18030('D28EB6A82032')]);
  });

  it('refuses what it cannot encode faithfully', () => {
    expect(encodeText('二', 'gb18030')).toBeUndefined();
    expect(encodeText('2', 'gb18030')).toEqual(new Uint8Array([0x32]));
    expect(encodeText('二', 'utf-16le')).toEqual(new Uint8Array([0x8c, 0x4e]));
    expect(encodeText('x', 'x-unknown')).toBeUndefined();
    expect(mapBytes(new Uint8Array([1]), 'no-such-encoding')).toBeUndefined();
  });
});
