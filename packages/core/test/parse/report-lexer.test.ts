import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportLexer, tokenize, type ReportToken } from '../../src/parse/report-lexer.js';
import { SEEDS, seedText } from '../read/fixtures.js';

/** The tokens of the Chevrotain lexer itself over `text.slice(start, end)`, offsets into `text`. */
function chevrotainTokens(text: string, start = 0, end = text.length): ReportToken[] {
  const result = reportLexer().tokenize(text.slice(start, end));
  expect(result.errors).toEqual([]);
  return result.tokens.map((t) => ({ type: t.tokenType, start: start + t.startOffset, end: start + t.startOffset + t.image.length }));
}

const summary = (tokens: ReportToken[]) => tokens.map((t) => `${t.type.name}@${t.start}-${t.end}`);

describe('report lexer', () => {
  it('cuts every text as the Chevrotain lexer of its token types does', () => {
    const pool = [
      ...'规章行政许可（一）予以公开总计—',
      ...'0123456789０１２３４５６７８９,，.．',
      '\r', '\n', '\r\n', '\u2028', '\u2029', '\t', '|', '｜', '│', '┃',
      ' ', '\u00a0', '\u3000', '\f', '\v', '\u2002', '\u2003', '\u2009', '\u200b', '\ufeff',
      '-', '－', '—', '–', '―', '−', '﹣', '/', '／', '\\',
      'a', '万元', '𠵾', '\ud800', '1,234', '12,34', '3.5', '3.', '.5', '1,234.56',
    ];
    const texts = fc.array(fc.constantFrom(...pool), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (text, a, b) => {
        expect(summary(tokenize(text))).toEqual(summary(chevrotainTokens(text)));
        const start = text.length === 0 ? 0 : a % text.length;
        const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
        expect(summary(tokenize(text, start, end))).toEqual(summary(chevrotainTokens(text, start, end)));
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts the seed reports as the Chevrotain lexer does', () => {
    for (const name of SEEDS) {
      const text = seedText(name);
      expect(summary(tokenize(text))).toEqual(summary(chevrotainTokens(text)));
    }
  });
});
