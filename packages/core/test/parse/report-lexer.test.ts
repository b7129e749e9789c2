import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NumberToken, TextToken, tokenize } from '../../src/parse/report-lexer.js';
import { SEEDS, seedText } from '../read/fixtures.js';

/** The token level is total: every character of any text is covered by exactly one token, in order. */
function expectTotal(text: string, start = 0, end = text.length): void {
  const tokens = tokenize(text, start, end);
  let at = start;
  for (const token of tokens) {
    expect(token.start).toBe(at);
    expect(token.end).toBeGreaterThan(token.start);
    at = token.end;
  }
  expect(at).toBe(end);
}

describe('report lexer (Chevrotain)', () => {
  it('covers every character of random texts and slices, without errors', () => {
    const pool = [
      ...'规章行政许可（一）予以公开总计—', ...'0123456789０１２３４５６７８９,，.．',
      '\r', '\n', '\r\n', '\t', '|', '｜', ' ', '\u00a0', '\u3000', '-', '－', '/', '／', 'a', '万元', '1,234', '3.5',
    ];
    const texts = fc.array(fc.constantFrom(...pool), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (text, a, b) => {
        expectTotal(text);
        const start = text.length === 0 ? 0 : a % text.length;
        const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
        expectTotal(text, start, end);
      }),
      { numRuns: 500 },
    );
  });

  it('covers the seed reports', () => {
    for (const name of SEEDS) expectTotal(seedText(name));
  });

  it('reads numbers with thousands groups and decimals as one token', () => {
    const text = '采购总金额 3,414.41万元';
    const types = tokenize(text).map((t) => [t.type.name, text.slice(t.start, t.end)]);
    expect(types).toContainEqual([NumberToken.name, '3,414.41']);
    expect(types).toContainEqual([TextToken.name, '万元']);
  });
});
