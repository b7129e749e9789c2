import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

/**
 * The token level of the report parser: a Chevrotain lexer that cuts report text into line breaks,
 * cell separators (TAB, pipe), runs of spaces, numbers, blank/dash markers and text runs. Everything
 * structural (rows, cells, labels) is decided afterwards by the hand-written structural pass, which is
 * parameterised by the template IR; the lexer knows nothing about any template.
 */

/**
 * The token patterns other than the text run are matched by hand, not by expressions: Chevrotain runs an
 * expression with a sticky search per token, which cost more than the rest of its work on a token. Each
 * matcher gives what the expression in its comment would (a test compares them with a lexer of those
 * expressions), as an array that Chevrotain reads at once and that is reused for the next token.
 *
 * Of a match, only its length is read: Chevrotain moves on by the length of the image a matcher gives, and
 * {@link tokenizeInto} takes a token's end from it (a skipped token's image is dropped at once). So a
 * matcher gives a string of the match's length, not its text: for a short match, a string of spaces made
 * once (slicing the text made a string per token).
 */
const matched: [string] = [''];

/** Matches shorter than this get a string of spaces of their length (see {@link image}). */
const SHORT_IMAGE = 64;
const shortImages: string[] = Array.from({ length: SHORT_IMAGE }, (_, length) => ' '.repeat(length));

/** The match `[start, end)` of `text`, as a string of its length, in the array reused for every match. */
function image(text: string, start: number, end: number): [string] {
  const length = end - start;
  matched[0] = length < SHORT_IMAGE ? shortImages[length] : text.slice(start, end);
  return matched;
}

/** Flags of the UTF-16 units: a space of a space run, a dash of a dash run, a pipe, a slash. */
const SPACE_UNIT = 1;
const DASH_UNIT = 2;
const PIPE_UNIT = 4;
const SLASH_UNIT = 8;
const UNIT_CLASS = new Uint8Array(0x10000);

/** `/\r\n|\r|\n|\u2028|\u2029/`. */
function matchNewline(text: string, offset: number): [string] | null {
  const c = text.charCodeAt(offset);
  if (c === 0x0d) return image(text, offset, text.charCodeAt(offset + 1) === 0x0a ? offset + 2 : offset + 1);
  return c === 0x0a || c === 0x2028 || c === 0x2029 ? image(text, offset, offset + 1) : null;
}

/** `/[ \u00a0\u3000\f\v\u2002\u2003\u2009\u200b\ufeff]+/`: a run of {@link SPACE_CHARS}. */
function matchSpaces(text: string, offset: number): [string] | null {
  let end = offset;
  while (end < text.length && (UNIT_CLASS[text.charCodeAt(end)] & SPACE_UNIT) !== 0) end++;
  return end > offset ? image(text, offset, end) : null;
}

/** `/[-－—–―−﹣]+/`: a run of {@link DASH_CHARS}. */
function matchDashes(text: string, offset: number): [string] | null {
  let end = offset;
  while (end < text.length && (UNIT_CLASS[text.charCodeAt(end)] & DASH_UNIT) !== 0) end++;
  return end > offset ? image(text, offset, end) : null;
}

/** `/[|｜│┃]/`: one of {@link PIPE_CHARS}. */
function matchPipe(text: string, offset: number): [string] | null {
  return (UNIT_CLASS[text.charCodeAt(offset)] & PIPE_UNIT) !== 0 ? image(text, offset, offset + 1) : null;
}

/** `/[/／\\]/`: one of {@link SLASH_CHARS}. */
function matchSlash(text: string, offset: number): [string] | null {
  return (UNIT_CLASS[text.charCodeAt(offset)] & SLASH_UNIT) !== 0 ? image(text, offset, offset + 1) : null;
}

/** An ASCII or full-width digit (`[0-9０-９]`). */
function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * `/[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?/`: digits, then as many thousands groups as follow, then
 * decimals when a digit follows the point (all after the digits is optional: the greedy match is the
 * longest such, with no backtracking). Every read is inside the text: a read past its end (NaN) makes
 * optimised code of the lexer deoptimise, at each such read, the first time a number ends the text.
 */
function matchNumber(text: string, offset: number): [string] | null {
  const length = text.length;
  let end = offset;
  while (end < length && isDigit(text.charCodeAt(end))) end++;
  if (end === offset) return null;
  while (
    end + 3 < length &&
    text.charCodeAt(end) === 0x2c &&
    isAsciiDigit(text.charCodeAt(end + 1)) &&
    isAsciiDigit(text.charCodeAt(end + 2)) &&
    isAsciiDigit(text.charCodeAt(end + 3))
  ) {
    end += 4;
  }
  if (end + 1 < length) {
    const point = text.charCodeAt(end);
    if ((point === 0x2e || point === 0xff0e) && isDigit(text.charCodeAt(end + 1))) {
      end += 2;
      while (end < length && isDigit(text.charCodeAt(end))) end++;
    }
  }
  return image(text, offset, end);
}

/** A line break (LF, CRLF, CR, U+2028/9). */
export const NewlineToken = createToken({
  name: 'Newline',
  pattern: { exec: matchNewline },
  line_breaks: true,
  start_chars_hint: ['\r', '\n', '\u2028', '\u2029'],
});
/** A TAB: the cell separator of text copied from Word tables and of the reader's HTML/docx grids. */
export const TabToken = createToken({ name: 'Tab', pattern: '\t', start_chars_hint: ['\t'] });
const PIPE_CHARS = ['|', '｜', '│', '┃'];
/** A pipe (ASCII or full-width/box drawing): the cell separator of Markdown-like tables. */
export const PipeToken = createToken({ name: 'Pipe', pattern: { exec: matchPipe }, line_breaks: false, start_chars_hint: PIPE_CHARS });
const SPACE_CHARS = [' ', '\u00a0', '\u3000', '\f', '\v', '\u2002', '\u2003', '\u2009', '\u200b', '\ufeff'];
/** A run of spaces (ASCII, NBSP, U+3000, thin spaces, zero-width space, BOM). */
export const SpaceToken = createToken({
  name: 'Space',
  pattern: { exec: matchSpaces },
  line_breaks: false,
  start_chars_hint: SPACE_CHARS,
});
const DIGITS = '0123456789０１２３４５６７８９'.split('');
/** An unsigned number: digits, optional thousands groups, optional decimals (ASCII or full-width digits). */
export const NumberToken = createToken({
  name: 'Number',
  pattern: { exec: matchNumber },
  line_breaks: false,
  start_chars_hint: DIGITS,
});
const DASH_CHARS = ['-', '－', '—', '–', '―', '−', '﹣'];
/** A run of dashes: a blank marker ("—", "-") or the sign of a number ("-55"). */
export const DashToken = createToken({ name: 'Dash', pattern: { exec: matchDashes }, line_breaks: false, start_chars_hint: DASH_CHARS });
const SLASH_CHARS = ['/', '／', '\\'];
/** A slash: a blank marker ("/"). */
export const SlashToken = createToken({ name: 'Slash', pattern: { exec: matchSlash }, line_breaks: false, start_chars_hint: SLASH_CHARS });

for (const c of SPACE_CHARS) UNIT_CLASS[c.charCodeAt(0)] |= SPACE_UNIT;
for (const c of DASH_CHARS) UNIT_CLASS[c.charCodeAt(0)] |= DASH_UNIT;
for (const c of PIPE_CHARS) UNIT_CLASS[c.charCodeAt(0)] |= PIPE_UNIT;
for (const c of SLASH_CHARS) UNIT_CLASS[c.charCodeAt(0)] |= SLASH_UNIT;

/** 1 for the UTF-16 units that start a token other than text (by unit). */
const STOP = new Uint8Array(0x10000);
for (const c of ['\r', '\n', '\u2028', '\u2029', '\t', ...PIPE_CHARS, ...SPACE_CHARS, ...DIGITS, ...DASH_CHARS, ...SLASH_CHARS]) {
  STOP[c.charCodeAt(0)] = 1;
}

/** Matches a maximal run of characters that start no other token. */
function matchText(text: string, offset: number): [string] | null {
  let end = offset;
  while (end < text.length && STOP[text.charCodeAt(end)] === 0) end++;
  return end > offset ? image(text, offset, end) : null;
}

/**
 * The UTF-16 units a text run can start with (all but the stops), as Chevrotain uses them: given to the
 * lexer when it is built (not at load), with a complete list of first characters for every token type, it
 * tries at each place only the types that can start there. Chevrotain keeps each unit below 256 apart and
 * puts the units above in buckets of 255 (`255 + ⌊unit / 255⌋`), so one unit per bucket says as much as all
 * of them: about 500 units instead of 65,000, each of which Chevrotain would look up when the lexer is
 * built (a test checks that the lexer gets the same start table as with every unit).
 */
function textStartUnits(): number[] {
  const units: number[] = [];
  for (let c = 0; c < 256; c++) if (STOP[c] === 0) units.push(c);
  // The first unit of each bucket that is no stop: a few hundred looked at, not every unit (at a cold start,
  // a loop over 65,000 units took milliseconds).
  for (let bucket = 1; bucket * 255 < STOP.length; bucket++) {
    const end = Math.min(bucket * 255 + 255, STOP.length);
    for (let c = Math.max(bucket * 255, 256); c < end; c++) {
      if (STOP[c] === 0) {
        units.push(c);
        break;
      }
    }
  }
  return units;
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

/**
 * The run of spaces and the TAB as the lexer sees them: skipped, so Chevrotain makes no token object for
 * them (two fifths of the tokens of report text). Their places are known without one: every other
 * character is covered by a token of another type, so a gap between the tokens Chevrotain gives holds TABs
 * and space characters only, and there each TAB is a token and each run of space characters up to the next
 * TAB is one (a run is the longest); {@link tokenizeInto} puts them there.
 */
const SkippedSpaceToken = createToken({
  name: 'SkippedSpace',
  pattern: { exec: matchSpaces },
  line_breaks: false,
  start_chars_hint: SPACE_CHARS,
  group: Lexer.SKIPPED,
});
const SkippedTabToken = createToken({ name: 'SkippedTab', pattern: '\t', start_chars_hint: ['\t'], group: Lexer.SKIPPED });

/** The token types as the lexer is given them: runs of spaces and TABs skipped. */
function lexedTokenTypes(): TokenType[] {
  return reportTokenTypes.map((type) => (type === SpaceToken ? SkippedSpaceToken : type === TabToken ? SkippedTabToken : type));
}

let lexer: Lexer | undefined;

function reportLexer(): Lexer {
  if (lexer) return lexer;
  TextToken.START_CHARS_HINT ??= textStartUnits();
  lexer = new Lexer(lexedTokenTypes(), {
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

/**
 * Lexes `text.slice(start, end)` and returns its tokens with offsets into `text`. Every character is
 * covered by exactly one token (the token set is total), so no lexing error can occur; any token the
 * lexer would report with an invalid offset is dropped rather than trusted.
 */
export function tokenize(text: string, start = 0, end = text.length): ReportToken[] {
  const tokens: ReportToken[] = [];
  tokenizeInto(tokens, text, start, end);
  return tokens;
}

/**
 * {@link tokenize} into the token objects of `into`, written over (and added to the array when it holds
 * too few): returns how many tokens, the first of `into` (those after are left from earlier uses). For a
 * caller that lexes text after text and keeps no token: no token object per token lexed.
 */
export function tokenizeInto(into: ReportToken[], text: string, start = 0, end = text.length): number {
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  const result = reportLexer().tokenize(slice);
  const lexed = result.tokens as IToken[];
  let n = 0;
  // Where the last token ended: a gap before the next one (or before the end) holds TABs and runs of spaces.
  let at = start;
  // An index loop: the CLI runs V8's mid tier (Maglev), where for…of over an array allocates a result
  // object per element (a fifth of this function's allocations, and 2–6× the loop's time).
  for (let i = 0; i < lexed.length; i++) {
    const token = lexed[i];
    const offset = token.startOffset;
    if (!Number.isFinite(offset) || offset < 0 || token.isInsertedInRecovery) continue;
    const tokenStart = start + offset;
    if (tokenStart > at) n = putGap(into, n, text, at, tokenStart);
    at = tokenStart + token.image.length;
    n = putToken(into, n, token.tokenType, tokenStart, at);
  }
  const sliceEnd = start + slice.length;
  if (sliceEnd > at) n = putGap(into, n, text, at, sliceEnd);
  return n;
}

/**
 * Writes the tokens of the gap `[start, end)` of `text` between the tokens Chevrotain gave, from the `n`-th
 * token of `into` (see `putToken`): a TAB token per TAB, a space token per run between them. Returns the
 * new count.
 */
function putGap(into: ReportToken[], n: number, text: string, start: number, end: number): number {
  let at = start;
  while (at < end) {
    if (text.charCodeAt(at) === 0x09) {
      n = putToken(into, n, TabToken, at, at + 1);
      at++;
      continue;
    }
    let runEnd = at + 1;
    while (runEnd < end && text.charCodeAt(runEnd) !== 0x09) runEnd++;
    n = putToken(into, n, SpaceToken, at, runEnd);
    at = runEnd;
  }
  return n;
}

/** Writes the `n`-th token of `into` (over the one left there, else added); returns `n + 1`. */
function putToken(into: ReportToken[], n: number, type: TokenType, start: number, end: number): number {
  if (n < into.length) {
    const t = into[n];
    t.type = type;
    t.start = start;
    t.end = end;
  } else into.push({ type, start, end });
  return n + 1;
}
