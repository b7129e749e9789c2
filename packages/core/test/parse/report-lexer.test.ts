import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createToken, Lexer, type IToken } from 'chevrotain';
import { NumberToken, reportTokenTypes, TextToken, tokenize } from '../../src/parse/report-lexer.js';
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

/**
 * `tokenize` gives the tokens `reference` (a Chevrotain lexer of the same token types, written otherwise)
 * gives: on `runs` texts made of `pool` or of any UTF-16 units (fast-check, `seed`), and on the seed reports.
 */
function expectReferenceTokens(reference: Lexer, pool: readonly string[], seed: number, runs: number): void {
  const referenceTokens = (text: string) =>
    (reference.tokenize(text).tokens as IToken[]).map((t) => ({ type: t.tokenType.name, start: t.startOffset, end: t.startOffset + t.image.length }));
  const tokens = (text: string) => tokenize(text).map((t) => ({ type: t.type.name, start: t.start, end: t.end }));
  const texts = fc.oneof(
    fc.array(fc.constantFrom(...pool), { maxLength: 60 }).map((parts) => parts.join('')),
    fc.string({ unit: 'binary', maxLength: 60 }),
  );
  fc.assert(
    fc.property(texts, (text) => {
      expect(tokens(text)).toEqual(referenceTokens(text));
    }),
    { seed, numRuns: runs },
  );
  for (const report of SEEDS) {
    const text = seedText(report);
    expect(tokens(text)).toEqual(referenceTokens(text));
  }
}

describe('report lexer (Chevrotain)', () => {
  it('tries only the token types that can start at each character, with the tokens of a lexer that tries them all', () => {
    tokenize('');
    // Every token type lists the characters it can start with: the lexer can be built with that
    // optimisation required.
    expect(() => new Lexer(reportTokenTypes, { positionTracking: 'onlyOffset', ensureOptimizations: true, skipValidations: true })).not.toThrow();
    // The reference: the same token types, the text run without its list of first characters.
    const plainText = createToken({ name: 'Text', pattern: TextToken.PATTERN, line_breaks: false });
    const reference = new Lexer(
      reportTokenTypes.map((type) => (type === TextToken ? plainText : type)),
      { positionTracking: 'onlyOffset', ensureOptimizations: false, skipValidations: true },
    );
    const pool = [...'规章（一）—–―−﹣-－/／\\|｜│┃0９.．,，', ' ', '\u00a0', '\u3000', '\u2009', '\u200b', '\ufeff', '\f', '\v', '\t', '\r', '\n', '\u2028', '😀', 'é', '\ud800'];
    expectReferenceTokens(reference, pool, 20261203, 2000);
  });

  it('matches by hand what the token expressions match', () => {
    // The token types as expressions (the matchers of report-lexer.ts are written by hand for speed).
    const expressions: Record<string, RegExp | string> = {
      Newline: /\r\n|\r|\n|\u2028|\u2029/,
      Tab: /\t/,
      Pipe: /[|｜│┃]/,
      Space: /[ \u00a0\u3000\f\v\u2002\u2003\u2009\u200b\ufeff]+/,
      Number: /[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?/,
      Dash: /[-－—–―−﹣]+/,
      Slash: /[/／\\]/,
    };
    const reference = new Lexer(
      reportTokenTypes.map((type) =>
        type === TextToken
          ? createToken({ name: 'Text', pattern: TextToken.PATTERN, line_breaks: false })
          : createToken({ name: type.name, pattern: expressions[type.name], line_breaks: type.name === 'Newline' }),
      ),
      { positionTracking: 'onlyOffset', ensureOptimizations: false, skipValidations: true },
    );
    const pool = [...'规章（一）—–―−﹣-－/／\\|｜│┃0123456789０９.．,，', '1,234', '1,23', '1,2345', '3.', '3．5', ',', '\r\n', ' ', '\u00a0', '\u3000', '\u2009', '\u200b', '\ufeff', '\f', '\v', '\t', '\r', '\n', '\u2028', '\u2029', '😀', '\ud800'];
    expectReferenceTokens(reference, pool, 20261204, 3000);
  });

  it('gives Chevrotain a short list of the text run\'s first characters that makes the same start table as all of them', () => {
    tokenize('');
    const hint = TextToken.START_CHARS_HINT as number[];
    expect(hint.length).toBeLessThan(1000);
    const every: number[] = [];
    const exec = (TextToken.PATTERN as { exec: (text: string, offset: number) => unknown }).exec;
    for (let unit = 0; unit < 0x10000; unit++) if (exec(String.fromCharCode(unit), 0) !== null) every.push(unit);
    const everyText = createToken({ name: 'Text', pattern: TextToken.PATTERN, line_breaks: false, start_chars_hint: every.map((u) => String.fromCharCode(u)) });
    const startTable = (lexer: Lexer) =>
      ((lexer as unknown as { charCodeToPatternIdxToConfig: Record<string, ({ tokenType: { name: string } }[] | undefined)[]> }).charCodeToPatternIdxToConfig.defaultMode).map((configs) =>
        configs?.map((config) => config.tokenType.name),
      );
    const options = { positionTracking: 'onlyOffset', ensureOptimizations: true, skipValidations: true } as const;
    const reference = new Lexer(reportTokenTypes.map((type) => (type === TextToken ? everyText : type)), options);
    expect(startTable(new Lexer(reportTokenTypes, options))).toEqual(startTable(reference));
  });

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

  it('gives the runs of spaces and TABs it does not have Chevrotain make tokens of, at the ends of slices too', () => {
    // The reference lexes every run of spaces and every TAB as a token (the token types as exported);
    // tokenize has Chevrotain skip them and puts them in the gaps between its tokens.
    const reference = new Lexer(reportTokenTypes, { positionTracking: 'onlyOffset', ensureOptimizations: false, skipValidations: true });
    const referenceTokens = (text: string, start: number, end: number) =>
      (reference.tokenize(text.slice(start, end)).tokens as IToken[]).map((t) => ({ type: t.tokenType.name, start: start + t.startOffset, end: start + t.startOffset + t.image.length }));
    const pool = [...'规章（一）0９.．-—/|｜', ' ', '  ', '\u00a0', '\u3000', '\u200b', '\ufeff', '\t', '\t\t', ' \t ', '\r\n', '\n'];
    const texts = fc.array(fc.constantFrom(...pool), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (text, a, b) => {
        const start = text.length === 0 ? 0 : a % text.length;
        const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
        const tokens = tokenize(text, start, end).map((t) => ({ type: t.type.name, start: t.start, end: t.end }));
        expect(tokens).toEqual(referenceTokens(text, start, end));
      }),
      { seed: 20261205, numRuns: 2000 },
    );
    expect(tokenize('  ').map((t) => [t.type.name, t.start, t.end])).toEqual([['Space', 0, 2]]);
    expect(tokenize(' 1 ').map((t) => [t.type.name, t.start, t.end])).toEqual([['Space', 0, 1], ['Number', 1, 2], ['Space', 2, 3]]);
    expect(tokenize('\t  \t\t a').map((t) => [t.type.name, t.start, t.end])).toEqual([
      ['Tab', 0, 1],
      ['Space', 1, 3],
      ['Tab', 3, 4],
      ['Tab', 4, 5],
      ['Space', 5, 6],
      ['Text', 6, 7],
    ]);
  });

  it('gives tokens of their whole length, short or long (a matcher gives a string of the match\'s length, not its text)', () => {
    for (const length of [1, 2, 12, 13, 63, 64, 65, 300]) {
      for (const [unit, type] of [['规', 'Text'], ['7', 'Number'], ['—', 'Dash'], ['\u3000', 'Space'], [' ', 'Space']] as const) {
        const run = unit.repeat(length);
        const text = `|${run}|`;
        expect(tokenize(text).map((t) => [t.type.name, t.start, t.end]), `${type} ${length}`).toEqual([
          ['Pipe', 0, 1],
          [type, 1, 1 + length],
          ['Pipe', 1 + length, 2 + length],
        ]);
        expect(tokenize(`${text}\n${text}`, 1 + length, 4 + 2 * length).map((t) => [t.type.name, t.start, t.end])).toEqual([
          ['Pipe', 1 + length, 2 + length],
          ['Newline', 2 + length, 3 + length],
          ['Pipe', 3 + length, 4 + length],
          [type, 4 + length, 4 + 2 * length],
        ]);
      }
    }
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
