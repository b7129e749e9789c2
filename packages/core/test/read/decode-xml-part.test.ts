import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeXmlPart, XML_PIECE_BYTES } from '../../src/read/docx/decode-xml-part.js';

/**
 * An XML part of a .docx is decoded in pieces (strings of a 70 KB part cost many times more in one
 * piece): the pieces must join to what decoding the part whole gives, byte order marks and malformed
 * sequences included, and split only before a `<`.
 */

const decoder = new TextDecoder();

/** Bytes rich in what matters at a split: `<`, byte order marks, sequences cut or malformed, CJK text. */
const chunk = fc.oneof(
  fc.constantFrom([0x3c], [0xef, 0xbb, 0xbf], [0xe4, 0xb8, 0xad], [0xe4, 0xb8], [0xe4], [0xf0, 0x9f, 0x98, 0x80], [0xf0, 0x9f], [0xc3], [0x80], [0xbf], [0xff], [0xed, 0xa0, 0x80], [0x41], [0x3e]),
  fc.uint8Array({ maxLength: 8 }).map((bytes) => [...bytes]),
);

/** Bytes of a part: pieces repeated so the part runs past a few piece lengths. */
const part = fc.tuple(fc.array(chunk, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: Math.ceil((4 * XML_PIECE_BYTES) / 40) })).map(([chunks, times]) => {
  const unit = chunks.flat();
  const bytes = new Uint8Array(unit.length * times);
  for (let i = 0; i < times; i++) bytes.set(unit, i * unit.length);
  return bytes;
});

describe('decodeXmlPart', () => {
  it('decodes to what TextDecoder decodes the part whole to, in pieces each ending before a <', () => {
    fc.assert(
      fc.property(part, (bytes) => {
        const pieces = decodeXmlPart(bytes, decoder);
        expect(pieces.join('')).toBe(decoder.decode(bytes));
        for (const piece of pieces.slice(1)) expect(piece.charCodeAt(0)).toBe(0x3c);
      }),
      { numRuns: 300 },
    );
  });

  it('splits a long part into pieces of about the piece length', () => {
    const bytes = new TextEncoder().encode('\ufeff' + '<w:t>年报</w:t>'.repeat(20_000));
    const pieces = decodeXmlPart(bytes, decoder);
    expect(pieces.length).toBeGreaterThan(5);
    for (const piece of pieces) expect(piece.length).toBeLessThan(XML_PIECE_BYTES + 20);
    expect(pieces.join('')).toBe(decoder.decode(bytes));
  });
});
