import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeText, ReadError } from '../../src/read/index.js';
import { fixtureBytes, SEEDS, seedBytes, seedText, utf16 } from './fixtures.js';

const seed000 = seedText(SEEDS[0]);
const traditional = new TextDecoder().decode(fixtureBytes('traditional.utf8.txt'));

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof ReadError ? error.code : `not a ReadError: ${String(error)}`;
  }
  return undefined;
}

describe('decodeText', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads BOM-less UTF-8 (every seed)', () => {
    for (const seed of SEEDS) {
      const decoded = decodeText(seedBytes(seed));
      expect(decoded).toMatchObject({ encoding: 'utf-8', lossy: false });
      expect(decoded.text).toBe(seedText(seed));
    }
  });

  it('strips a UTF-8 BOM', () => {
    const body = new TextEncoder().encode('一、总体情况');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    expect(decodeText(bytes)).toEqual({ text: '一、总体情况', encoding: 'utf-8', lossy: false });
  });

  it.each(['le', 'be'] as const)('reads UTF-16%s with a BOM', (endian) => {
    const decoded = decodeText(utf16(seed000, endian, true));
    expect(decoded.encoding).toBe(`utf-16${endian}`);
    expect(decoded.text).toBe(seed000);
  });

  it.each(['le', 'be'] as const)('recognises UTF-16%s without a BOM by its NUL bytes', (endian) => {
    const decoded = decodeText(utf16(seed000, endian, false));
    expect(decoded.encoding).toBe(`utf-16${endian}`);
    expect(decoded.text).toBe(seed000);
  });

  it('reads GB18030 (a seed encoded with iconv)', () => {
    const decoded = decodeText(fixtureBytes('seed-000.gb18030.txt'));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(seed000);
  });

  it('reads Traditional text in GB18030 as GB18030, and in Big5 as Big5', () => {
    expect(decodeText(fixtureBytes('traditional.gb18030.txt'))).toMatchObject({ encoding: 'gb18030', text: traditional });
    expect(decodeText(fixtureBytes('traditional.big5.txt'))).toMatchObject({ encoding: 'big5', text: traditional });
  });

  it('keeps a UTF-8 file cut in the middle of a character as UTF-8 (lossy)', () => {
    const whole = new TextEncoder().encode(seed000.trimEnd());
    expect(whole[whole.length - 1]).toBeGreaterThanOrEqual(0x80); // ends inside a Chinese character
    const truncated = whole.subarray(0, whole.length - 1);
    const decoded = decodeText(truncated);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.lossy).toBe(true);
    expect(decoded.text.endsWith('\uFFFD')).toBe(true);
  });

  it('reads bytes as UTF-8 without loss exactly when they are well-formed UTF-8', () => {
    // Fragments: characters of one to four bytes, and the malformed sequences a decoder must refuse
    // (a stray continuation byte, a cut sequence, overlong forms, a surrogate, bytes never in UTF-8).
    const valid = ['a', ' ', '\n', 'é', '一', '、', '𠀀', '😀'].map((c) => [...new TextEncoder().encode(c)]);
    const broken = [[0x80], [0xbf], [0xe4, 0xb8], [0xf0, 0x9f, 0x98], [0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5], [0xff]];
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...broken) }), { minLength: 1, maxLength: 40 }), (fragments) => {
        const bytes = new Uint8Array(fragments.flat());
        let wellFormed: string | undefined;
        try {
          wellFormed = strict.decode(bytes);
        } catch {
          wellFormed = undefined;
        }
        let decoded;
        try {
          decoded = decodeText(bytes);
        } catch {
          expect(wellFormed).toBeUndefined();
          return;
        }
        if (wellFormed !== undefined) expect(decoded).toEqual({ text: wellFormed, encoding: 'utf-8', lossy: false });
        else expect(decoded.encoding === 'utf-8' && !decoded.lossy).toBe(false);
      }),
      { seed: 20261203, numRuns: 2000 },
    );
  });

  it('decodes report after report with one strict UTF-8 decoder, and alike after one it refuses', () => {
    const made: unknown[][] = [];
    const Platform = globalThis.TextDecoder;
    vi.stubGlobal(
      'TextDecoder',
      class extends Platform {
        constructor(...args: ConstructorParameters<typeof TextDecoder>) {
          super(...args);
          made.push(args);
        }
      },
    );
    const reports = SEEDS.map((name) => seedBytes(name));
    for (const bytes of reports) decodeText(bytes);
    // At most the first makes one (a test before may have made it).
    expect(made.length).toBeLessThanOrEqual(1);
    // A cut character refused by the strict decoder, then each report read as before.
    const cut = new TextEncoder().encode('一二三'.repeat(20)).subarray(0, 179);
    expect(decodeText(cut).lossy).toBe(true);
    for (const [i, bytes] of reports.entries()) expect(decodeText(bytes)).toEqual({ text: seedText(SEEDS[i]), encoding: 'utf-8', lossy: false });
  });

  it('honours <meta charset> for HTML that is not UTF-8', () => {
    const html = '<html><head><meta charset="big5"></head><body>' + traditional + '</body></html>';
    const big5 = fixtureBytes('traditional.big5.txt');
    const head = new TextEncoder().encode('<html><head><meta charset="big5"></head><body>');
    const tail = new TextEncoder().encode('</body></html>');
    const bytes = new Uint8Array([...head, ...big5, ...tail]);
    const decoded = decodeText(bytes, { htmlMeta: true });
    expect(decoded.encoding).toBe('big5');
    expect(decoded.text).toBe(html);
  });

  it('refuses binary data', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(codeOf(() => decodeText(png))).toBe('binary');
    const random = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < random.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      random[i] = x >>> 24;
    }
    random[100] = 0;
    expect(codeOf(() => decodeText(random))).toBe('binary');
    const controls = new TextEncoder().encode('abc\u0001\u0002\u0003\u0004def\u0005\u0006');
    expect(codeOf(() => decodeText(controls))).toBe('binary');
  });

  it('looks for a NUL past the sample its controls are counted in, and counts them in the sample only', () => {
    // Text, then a NUL past the first 64 KB: not UTF-8 text (UTF-16 or binary), as a NUL in the sample.
    const text = new TextEncoder().encode('年度报告 2023\n'.repeat(5000));
    expect(text.length).toBeGreaterThan(1 << 16);
    const late = new Uint8Array(text.length + 1);
    late.set(text);
    expect(codeOf(() => decodeText(late))).toBe('binary');
    expect(decodeText(text).encoding).toBe('utf-8');
    // Controls past the sample do not make a text binary; in it, more than 1 % do.
    const tail = new Uint8Array(text.length + 4096).fill(1);
    tail.set(text);
    expect(decodeText(tail).encoding).toBe('utf-8');
    const dense = new Uint8Array(text.length);
    dense.set(text);
    for (let i = 0; i < 700; i++) dense[i * 90 + 5] = 1;
    expect(codeOf(() => decodeText(dense))).toBe('binary');
  });

  it('refuses UTF-32', () => {
    expect(codeOf(() => decodeText(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])))).toBe('decode-failed');
  });

  it('refuses bytes that no candidate encoding reads', () => {
    const junk = new Uint8Array(64).fill(0xff);
    expect(codeOf(() => decodeText(junk))).toBe('decode-failed');
  });
});
