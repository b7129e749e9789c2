import { createToken, Lexer, type TokenType } from 'chevrotain';

/**
 * The token level of the report parser: Chevrotain token types that cut report text into line breaks,
 * cell separators (TAB, pipe), runs of spaces, numbers, blank/dash markers and text runs. Everything
 * structural (rows, cells, labels) is decided afterwards by the hand-written structural pass, which is
 * parameterised by the template IR; the lexer knows nothing about any template.
 */

/** A line break (LF, CRLF, CR, U+2028/9). */
export const NewlineToken = createToken({
  name: 'Newline',
  pattern: /\r\n|\r|\n|\u2028|\u2029/,
  line_breaks: true,
  start_chars_hint: ['\r', '\n', '\u2028', '\u2029'],
});
/** A TAB: the cell separator of text copied from Word tables and of the reader's HTML/docx grids. */
export const TabToken = createToken({ name: 'Tab', pattern: /\t/, start_chars_hint: ['\t'] });
/** A pipe (ASCII or full-width/box drawing): the cell separator of Markdown-like tables. */
export const PipeToken = createToken({ name: 'Pipe', pattern: /[|｜│┃]/, start_chars_hint: ['|', '｜', '│', '┃'] });
const SPACE_CHARS = [' ', '\u00a0', '\u3000', '\f', '\v', '\u2002', '\u2003', '\u2009', '\u200b', '\ufeff'];
/** A run of spaces (ASCII, NBSP, U+3000, thin spaces, zero-width space, BOM). */
export const SpaceToken = createToken({
  name: 'Space',
  pattern: /[ \u00a0\u3000\f\v\u2002\u2003\u2009\u200b\ufeff]+/,
  start_chars_hint: SPACE_CHARS,
});
const DIGITS = '0123456789０１２３４５６７８９'.split('');
/** An unsigned number: digits, optional thousands groups, optional decimals (ASCII or full-width digits). */
export const NumberToken = createToken({
  name: 'Number',
  pattern: /[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?/,
  start_chars_hint: DIGITS,
});
const DASH_CHARS = ['-', '－', '—', '–', '―', '−', '﹣'];
/** A run of dashes: a blank marker ("—", "-") or the sign of a number ("-55"). */
export const DashToken = createToken({ name: 'Dash', pattern: /[-－—–―−﹣]+/, start_chars_hint: DASH_CHARS });
/** A slash: a blank marker ("/"). */
export const SlashToken = createToken({ name: 'Slash', pattern: /[/／\\]/, start_chars_hint: ['/', '／', '\\'] });

const STOP = new Set<number>(
  ['\r', '\n', '\u2028', '\u2029', '\t', '|', '｜', '│', '┃', ...SPACE_CHARS, ...DIGITS, ...DASH_CHARS, '/', '／', '\\'].map(
    (c) => c.charCodeAt(0),
  ),
);

/** Matches a maximal run of characters that start no other token. */
function matchText(text: string, offset: number): [string] | null {
  let end = offset;
  while (end < text.length && !STOP.has(text.charCodeAt(end))) end++;
  return end > offset ? [text.slice(offset, end)] : null;
}

/** Any other run of characters (Chinese text, punctuation, Latin words). */
export const TextToken = createToken({
  name: 'Text',
  pattern: { exec: matchText },
  line_breaks: false,
});

/**
 * All token types. They match disjoint first characters, so their order only matters for speed: the
 * frequent ones come first.
 */
export const reportTokenTypes: TokenType[] = [
  TextToken,
  NumberToken,
  NewlineToken,
  TabToken,
  SpaceToken,
  PipeToken,
  DashToken,
  SlashToken,
];

let lexer: Lexer | undefined;

/**
 * The Chevrotain lexer of {@link reportTokenTypes}: the definition of the token level. {@link tokenize}
 * runs the same definition as a hand-written scanner (the tests check that both cut every text alike):
 * the custom text token keeps Chevrotain from its first-character optimisation, so that it tries the
 * patterns one by one at every offset, which made lexing a sixth of the parse time.
 */
export function reportLexer(): Lexer {
  lexer ??= new Lexer(reportTokenTypes, {
    positionTracking: 'onlyOffset',
    ensureOptimizations: false,
    skipValidations: true,
  });
  return lexer;
}

/** One token: its type and the half-open range of offsets it covers in the lexed text. */
export interface ReportToken {
  type: TokenType;
  start: number;
  end: number;
}

/** The token type each character starts (the types match disjoint first characters); 0 for text. */
const STARTS = new Map<number, TokenType>();
for (const [type, chars] of [
  [NewlineToken, ['\r', '\n', '\u2028', '\u2029']],
  [TabToken, ['\t']],
  [PipeToken, ['|', '｜', '│', '┃']],
  [SpaceToken, SPACE_CHARS],
  [NumberToken, DIGITS],
  [DashToken, DASH_CHARS],
  [SlashToken, ['/', '／', '\\']],
] as const) {
  for (const ch of chars) STARTS.set(ch.charCodeAt(0), type);
}
const SPACE_UNITS = new Set(SPACE_CHARS.map((c) => c.charCodeAt(0)));
const DASH_UNITS = new Set(DASH_CHARS.map((c) => c.charCodeAt(0)));

/** ASCII or full-width digit. */
function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** End of the number token at `i` (its first character is a digit): `NumberToken`'s pattern. */
function numberEnd(text: string, i: number, end: number): number {
  let j = i + 1;
  while (j < end && isDigit(text.charCodeAt(j))) j++;
  // Thousands groups: ",ddd" (ASCII digits), as many as there are.
  while (
    j + 3 < end &&
    text.charCodeAt(j) === 0x2c &&
    isAsciiDigit(text.charCodeAt(j + 1)) &&
    isAsciiDigit(text.charCodeAt(j + 2)) &&
    isAsciiDigit(text.charCodeAt(j + 3))
  ) {
    j += 4;
  }
  // Decimals: "." or "．" followed by at least one digit.
  const point = text.charCodeAt(j);
  if (j + 1 < end && (point === 0x2e || point === 0xff0e) && isDigit(text.charCodeAt(j + 1))) {
    j += 2;
    while (j < end && isDigit(text.charCodeAt(j))) j++;
  }
  return j;
}

/**
 * Lexes `text.slice(start, end)` and returns its tokens with offsets into `text`. Every character is
 * covered by exactly one token (the token set is total), so no lexing error can occur.
 */
export function tokenize(text: string, start = 0, end = text.length): ReportToken[] {
  const tokens: ReportToken[] = [];
  let i = Math.max(0, start);
  const stop = Math.min(text.length, end);
  while (i < stop) {
    const c = text.charCodeAt(i);
    const type = STARTS.get(c);
    let j = i + 1;
    if (type === undefined) {
      while (j < stop && !STOP.has(text.charCodeAt(j))) j++;
      tokens.push({ type: TextToken, start: i, end: j });
    } else {
      if (type === NewlineToken) {
        if (c === 0x0d && j < stop && text.charCodeAt(j) === 0x0a) j++;
      } else if (type === SpaceToken) {
        while (j < stop && SPACE_UNITS.has(text.charCodeAt(j))) j++;
      } else if (type === NumberToken) {
        j = numberEnd(text, i, stop);
      } else if (type === DashToken) {
        while (j < stop && DASH_UNITS.has(text.charCodeAt(j))) j++;
      }
      tokens.push({ type, start: i, end: j });
    }
    i = j;
  }
  return tokens;
}
