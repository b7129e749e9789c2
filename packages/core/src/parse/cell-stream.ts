import type { ReportToken } from './report-lexer.js';
import { DashToken, NewlineToken, NumberToken, PipeToken, SlashToken, SpaceToken, TabToken, TextToken, tokenizeInto } from './report-lexer.js';
import { KeyWriter, type KeyedText } from './match-key.js';
import { firstCompactCodeIn, isBlankText, isUnitWord, isValueText, mayBeBlankOrValue, mayBeUnitWord } from './cell-value.js';
import { isConverterLayoutLine } from './converted-markdown.js';
import { isPlainNumberIn } from './plain-number.js';
import { isWhiteSpaceCode } from './white-space.js';

/**
 * The structural view of a stretch of report text: its lines cut into *items* — text runs (labels,
 * headers), values, blank markers and empty fields — with the match key of all text items. Layouts
 * differ only in how lines become items:
 * - a line of TAB- or pipe-separated fields gives one item per field (an empty field is an `empty` item:
 *   layout, not data, unless nothing else fills the row);
 * - a line that is only indentation plus one cell (one cell per line) gives one item; a line of nothing
 *   but NBSP/U+3000 there is a `blank` cell;
 * - inside a field, trailing space-separated numbers are split off the text ("规章 0 0 0",
 *   "（三）不予公开 1.属于国家秘密 10 … 10"), and digits glued to a label are split off it ("总计6000017");
 * - page numbers ("- 3 -", "第 3 页"), Markdown rule lines and a converter's generic header rows ("| 数据1 |
 *   数据2 |", see converted-markdown.ts) are dropped.
 */

/** Kind of a stream item. */
export type ItemKind = 'text' | 'value' | 'blank' | 'empty';

/** One item: a text run, a value, a blank marker or an empty field. */
export interface StreamItem {
  kind: ItemKind;
  /** Range in the view text (empty for an `empty` item: where the field is). */
  start: number;
  end: number;
  /** Index of its line in `CellStream.lines`. */
  line: number;
  /** Range of its key in `CellStream.keyed` (text items; empty for the others). */
  keyStart: number;
  keyEnd: number;
}

/** How a line was laid out. */
export type LineLayout = 'single' | 'tab' | 'pipe' | 'space';

/** One line of the stream. */
export interface StreamLine {
  start: number;
  end: number;
  /** Items of the line: `items[firstItem .. endItem)`. */
  firstItem: number;
  endItem: number;
  layout: LineLayout;
  /** The line has at least one text item. */
  hasText: boolean;
  /** The line starts at a virtual break (a row restored in text without line structure, see one-line-runs.ts). */
  runOn?: boolean;
}

/** The items of a stretch of text. */
export interface CellStream {
  /** The view text the offsets refer to. */
  text: string;
  items: StreamItem[];
  lines: StreamLine[];
  /** Match key of all text items, in order. */
  keyed: KeyedText;
  /** For each key character, the index of the item it belongs to (4 bytes an entry: a plain array takes 8). */
  keyItem: Int32Array;
  /** Horizontal positions on the original lines, when known (see `CellStreamOptions.linePosition`). */
  linePosition?: (offset: number) => LinePosition;
  /**
   * Whether a word is the content of a text column of the tables read (计量单位: "件", "条", "万元"): such a
   * field, or such a word before a row's numbers, is a cell of its own, not the end of the row's label.
   */
  isWordCell?: (word: string) => boolean;
}

/** Options of {@link buildCellStream}. */
export interface CellStreamOptions {
  /**
   * Whether the whitespace at view offset `offset` was a hard space in the original (NBSP, U+3000), as
   * Word writes into an empty table cell. Such a line counts as a blank cell in one-cell-per-line layouts.
   */
  isHardSpace?: (offset: number) => boolean;
  /**
   * Where a view offset stands on its line of the original text, counted in characters and in display
   * width (CJK and full-width characters 2): the horizontal position that aligns the columns of a table
   * laid out with spaces (PDF text).
   */
  linePosition?: (offset: number) => LinePosition;
  /**
   * Offsets where a line is cut as if a line break stood there (sorted): the rows of a table whose text
   * lost its line structure (see `findRunOnBreaks`).
   */
  breaks?: readonly number[];
  /** See {@link CellStream.isWordCell}. */
  isWordCell?: (word: string) => boolean;
}

/** A horizontal position on a line: characters before it, and their display width. */
export interface LinePosition {
  chars: number;
  width: number;
}

const PAGE_NUMBER =
  /^(?:[-—–－~]\s*\d{1,4}\s*[-—–－~]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?)$/i;
const BROKEN_LABEL_REST = /^[.．、](?:\s*[\u3400-\u9fff]|\s*$)/;
/** Lexing is done in chunks of about this many characters (cut at line ends) to bound token memory. */
const CHUNK = 1 << 16;

/**
 * The tokens of the chunk being added, written over chunk after chunk (see `tokenizeInto`); only the
 * first ones, as many as the chunk has, are its. No token outlives its chunk: items keep offsets.
 */
const chunkTokens: ReportToken[] = [];
/** The lines of the chunk being added, four numbers a line (see {@link buildCellStream}): reused like the tokens. */
const chunkLines: number[] = [];
/**
 * `CellStream.keyItem` of the stream being built, written by index (its first `key.length` entries) and
 * copied out at its exact length once the stream is done: no array grown one key character at a time.
 * Reused from stream to stream, written over (grown when a stream's key is longer).
 */
let keyItems = new Int32Array(1 << 12);
/** `keyItem` of a stream before it is done (one shape for every stream). */
const NO_KEY_ITEMS = new Int32Array(0);
/**
 * `CellStream.keyed` of the stream being built: its text items' keys written one after the other, made
 * into the key and its starts once the stream is done (reused from stream to stream).
 */
const streamKey = new KeyWriter();
/** `keyed` of a stream before it is done (one shape for every stream). */
const EMPTY_KEYED: KeyedText = { key: '', starts: [] };

/** Builds the cell stream of `text.slice(start, end)`. Linear in the length; never throws. */
export function buildCellStream(text: string, start: number, end: number, options: CellStreamOptions = {}): CellStream {
  const stream: CellStream = {
    text,
    items: [],
    lines: [],
    keyed: EMPTY_KEYED,
    keyItem: NO_KEY_ITEMS,
    // Both always present (undefined when not given): every stream has one shape, so the parser's reads of
    // its fields see one map.
    linePosition: options.linePosition,
    isWordCell: options.isWordCell,
  };
  streamKey.clear();
  let at = Math.max(0, start);
  const stop = Math.min(text.length, end);
  const breaks = options.breaks ?? [];
  let nextBreak = 0;
  while (nextBreak < breaks.length && breaks[nextBreak] <= at) nextBreak++;
  while (at < stop) {
    const runOn = nextBreak > 0 && breaks[nextBreak - 1] === at;
    let cut = Math.min(stop, at + CHUNK);
    if (cut < stop) {
      const nl = text.indexOf('\n', cut);
      cut = nl < 0 || nl >= stop ? stop : nl + 1;
    }
    if (nextBreak < breaks.length && breaks[nextBreak] < cut) cut = breaks[nextBreak++];
    const tokens = chunkTokens;
    const count = tokenizeInto(tokens, text, at, cut);
    // The lines of the chunk as token ranges (`tokens[from .. to)`) and text ranges, four numbers a line:
    // no array of tokens per line.
    const lines = chunkLines;
    let used = 0;
    let lineStart = 0;
    let from = at;
    for (let i = 0; i <= count; i++) {
      if (i === count || tokens[i].type === NewlineToken) {
        lines[used] = lineStart;
        lines[used + 1] = i;
        lines[used + 2] = from;
        lines[used + 3] = i < count ? tokens[i].start : cut;
        used += 4;
        lineStart = i + 1;
        from = i < count ? tokens[i].end : cut;
      }
    }
    for (let l = 0; l < used; l += 4) {
      const next = l + 4 < used ? l + 4 : -1;
      const nextStart = next >= 0 ? lines[next + 2] : -1;
      const nextEnd = next >= 0 ? lines[next + 3] : -1;
      addLine(stream, tokens, lines[l], lines[l + 1], lines[l + 2], lines[l + 3], options, nextStart, nextEnd, l === 0 && runOn);
    }
    at = cut;
  }
  stream.keyItem = keyItems.slice(0, streamKey.length);
  stream.keyed = streamKey.done();
  return stream;
}

/** Whether a token is layout space inside a line (a run of spaces, or a TAB). */
function isSpacing(token: ReportToken): boolean {
  return token.type === SpaceToken || token.type === TabToken;
}

/**
 * Adds the line of `tokens[from .. to)`, which covers `[start, end)` of the text; the next line covers
 * `[nextStart, nextEnd)` (-1 when there is none).
 */
function addLine(
  stream: CellStream,
  tokens: ReportToken[],
  from: number,
  to: number,
  start: number,
  end: number,
  options: CellStreamOptions,
  nextStart: number,
  nextEnd: number,
  runOn = false,
): void {
  if (from === to && start === end && stream.lines.length > 0 && isTrailingEmpty(stream, start)) return;
  const text = stream.text;
  // The line trimmed (`text.slice(start, end).trim()`) is `[trimStart, trimEnd)`: sliced only when asked about.
  let trimStart = start;
  let trimEnd = end;
  while (trimStart < trimEnd && isWhiteSpaceCode(text.charCodeAt(trimStart))) trimStart++;
  while (trimEnd > trimStart && isWhiteSpaceCode(text.charCodeAt(trimEnd - 1))) trimEnd--;
  const index = stream.lines.length;
  const line: StreamLine = {
    start,
    end,
    firstItem: stream.items.length,
    endItem: stream.items.length,
    layout: 'single',
    hasText: false,
    // Always present (one shape for every line).
    runOn,
  };
  stream.lines.push(line);
  let hasPipe = false;
  let hasSlash = false;
  let firstContent = -1;
  let tabAfterContent = false;
  for (let i = from; i < to; i++) {
    const type = tokens[i].type;
    if (type === PipeToken) hasPipe = true;
    else if (type === SlashToken) hasSlash = true;
    if (firstContent < 0) {
      if (type !== TabToken && type !== SpaceToken) firstContent = i;
    } else if (type === TabToken) tabAfterContent = true;
  }
  // Page numbers, Markdown rules and a converter's generic headers are layout: the line stays, without items.
  // A line of a value ("12", one cell per line) starts as "3 / 9" does: without a slash, it is none.
  if (trimEnd > trimStart && (hasPipe || mayStartLayoutLineOf(text.charCodeAt(trimStart), hasSlash)) && isLayoutLine(text.slice(trimStart, trimEnd))) return;
  if (runOn || hasPipe || tabAfterContent) {
    // A page footer run into a row whose line breaks were lost ("…信息第 3 页1 0 0", "23- 4 -（一）"): layout.
    const cleaned = withoutPageNumbers(stream.text, tokens, from, to, start, end);
    if (cleaned) {
      tokens = cleaned;
      from = 0;
      to = cleaned.length;
    }
    firstContent = -1;
    for (let i = from; i < to && firstContent < 0; i++) if (!isSpacing(tokens[i])) firstContent = i;
    if (firstContent < 0) return;
  }
  if (!hasPipe && !tabAfterContent) {
    line.layout = 'single';
    if (firstContent < 0) {
      addSpacesLine(stream, tokens, from, to, end, index, options);
    } else if (isBrokenEnumerator(text, trimStart, trimEnd) && BROKEN_LABEL_REST.test(lineHead(text, nextStart, nextEnd).trimStart())) {
      // A label broken one character per line (PDF text): "1" then ".属…" is text, not a value.
      addItem(stream, 'text', tokens[firstContent].start, tokens[to - 1].end, index);
    } else if (runOn) {
      addRunOnField(stream, tokens.slice(firstContent, to), index);
    } else {
      addField(stream, tokens, firstContent, to, index);
    }
  } else {
    line.layout = hasPipe ? 'pipe' : 'tab';
    addSeparatedFields(stream, tokens, from, to, start, index, hasPipe);
  }
  line.endItem = stream.items.length;
  if (line.layout === 'single' && line.endItem - line.firstItem > 1) line.layout = 'space';
}

/**
 * The items of a line of indentation and spaces only (`tokens[from .. to)`, ending at `end`): an empty
 * cell, or a blank cell written as NBSP/U+3000. A function of its own, as the next: V8 compiles the
 * rare kinds of line apart from {@link addLine}, which is not compiled again when one first turns up.
 */
function addSpacesLine(stream: CellStream, tokens: ReportToken[], from: number, to: number, end: number, index: number, options: CellStreamOptions): void {
  let hasTab = false;
  let firstSpace = -1;
  let lastSpace = -1;
  let hard = false;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.type === TabToken) hasTab = true;
    else if (t.type === SpaceToken) {
      if (firstSpace < 0) firstSpace = i;
      lastSpace = i;
      if (!hard && isHard(t, options)) hard = true;
    }
  }
  if (hard) addItem(stream, 'blank', tokens[firstSpace].start, tokens[lastSpace].end, index);
  else if (hasTab || firstSpace >= 0) addItem(stream, 'empty', end, end, index);
}

/** The items of a line of TAB- or pipe-separated fields (`tokens[from .. to)`, from `start`), one field after the other. */
function addSeparatedFields(stream: CellStream, tokens: ReportToken[], from: number, to: number, start: number, index: number, hasPipe: boolean): void {
  const separator = hasPipe ? PipeToken : TabToken;
  // The fields between separators, one after the other. "| a | b |": with pipes, the text before the first
  // pipe and after the last one are borders, not cells, when blank.
  let fieldFrom = from;
  let fieldStart = start;
  for (let i = from; i <= to; i++) {
    if (i < to && tokens[i].type !== separator) continue;
    const border = hasPipe && (fieldFrom === from || i === to);
    const blank = isBlankField(tokens, fieldFrom, i);
    if (!(border && blank)) {
      if (blank) addItem(stream, 'empty', fieldStart, fieldStart, index);
      else addField(stream, tokens, fieldFrom, i, index);
    }
    if (i < to) {
      fieldFrom = i + 1;
      fieldStart = tokens[i].end;
    }
  }
}

/**
 * Whether a (trimmed, non-empty) line is layout: a page number ("- 3 -", "第 3 页"), a Markdown rule line or
 * a converter's row of generic headers.
 */
export function isLayoutLine(trimmed: string): boolean {
  return PAGE_NUMBER.test(trimmed) || isConverterLayoutLine(trimmed);
}

/**
 * False when a trimmed line that starts with the UTF-16 unit `c` and holds no pipe (`|`, `｜`) is certainly
 * no layout line (see {@link isLayoutLine}): a page number starts with a dash, ~, 第, 共, a digit or "page",
 * a rule line with a pipe, a colon or a dash, and a row of generic headers holds pipes.
 */
export function mayStartLayoutLine(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2d /* - */ ||
    c === 0x2014 /* — */ ||
    c === 0x2013 /* – */ ||
    c === 0xff0d /* － */ ||
    c === 0x7e /* ~ */ ||
    c === 0x7b2c /* 第 */ ||
    c === 0x5171 /* 共 */ ||
    c === 0x70 /* p */ ||
    c === 0x50 /* P */ ||
    c === 0x7c /* | */ ||
    c === 0x3a /* : */
  );
}

/**
 * {@link mayStartLayoutLine} for a line without pipes that starts with the UTF-16 unit `c` and holds a
 * slash (`hasSlash`) or none: a layout line that starts with an ASCII digit is a page number "3 / 9".
 */
function mayStartLayoutLineOf(c: number, hasSlash: boolean): boolean {
  return c >= 0x30 && c <= 0x39 ? hasSlash : mayStartLayoutLine(c);
}

/** Whether `text.slice(start, end)` is one or two ASCII digits: an enumerator ("1") of a label broken one character per line. */
function isBrokenEnumerator(text: string, start: number, end: number): boolean {
  if (end - start < 1 || end - start > 2) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** The first 8 characters of the line `[start, end)` ('' when `start` is -1: no line). */
function lineHead(text: string, start: number, end: number): string {
  return start >= 0 ? text.slice(start, Math.min(end, start + 8)) : '';
}

/** A trailing zero-length line after a final line break adds nothing. */
function isTrailingEmpty(stream: CellStream, start: number): boolean {
  return start >= stream.text.length;
}

function isHard(token: ReportToken, options: CellStreamOptions): boolean {
  if (!options.isHardSpace) return false;
  for (let o = token.start; o < token.end; o++) if (options.isHardSpace(o)) return true;
  return false;
}

/** Whether `tokens[from .. to)` is nothing but spaces and TABs. */
function isBlankField(tokens: ReportToken[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpacing(tokens[i])) return false;
  return true;
}

function trimTokens(tokens: ReportToken[]): ReportToken[] {
  let a = 0;
  let b = tokens.length;
  while (a < b && isSpacing(tokens[a])) a++;
  while (b > a && isSpacing(tokens[b - 1])) b--;
  return tokens.slice(a, b);
}

/** Word boundaries of the field being added (token indices, `wordFrom[i] .. wordTo[i]`): reused, not allocated per field. */
const wordFrom: number[] = [];
const wordTo: number[] = [];
/**
 * The items split off the end of the field being added, last first (kind, start, end): reused like the
 * word boundaries.
 */
const tailKind: ItemKind[] = [];
const tailStart: number[] = [];
const tailEnd: number[] = [];

/**
 * Adds the items of the field `tokens[from .. to)` (trimmed here; nothing when empty): a value, a blank
 * marker, or text with trailing numbers split off.
 */
function addField(stream: CellStream, tokens: ReportToken[], from: number, to: number, line: number): void {
  while (from < to && isSpacing(tokens[from])) from++;
  while (to > from && isSpacing(tokens[to - 1])) to--;
  if (from === to) return;
  const text = stream.text;
  const start = tokens[from].start;
  const end = tokens[to - 1].end;
  // A plain count (most values) is a value, told without slicing it (see `isPlainNumberIn`).
  if (isPlainNumberIn(text, start, end)) return void addItem(stream, 'value', start, end, line);
  // A label (most fields) is told from a value or blank marker by its first character, without slicing it.
  if (stream.isWordCell !== undefined || mayBeBlankOrValue(firstCompactCodeIn(text, start, end))) {
    const whole = text.slice(start, end);
    if (isBlankText(whole)) return void addItem(stream, 'blank', start, end, line);
    // A field with spaces (several numbers: "0 0 0") is no value: told before the text is looked up.
    if (!hasSpace(tokens, from, to) && isValueText(whole)) return void addItem(stream, 'value', start, end, line);
    if (stream.isWordCell?.(whole)) return void addItem(stream, 'value', start, end, line);
  }
  // Words separated by spaces (the field is trimmed: none is empty); trailing value words become values.
  // The first `words` entries of the arrays are this field's (written over, never truncated: truncating
  // an array gives its storage back, and the next field's words allocate it again).
  let words = 0;
  for (let i = from; i < to; i++) {
    if (isSpacing(tokens[i])) continue;
    if (i === from || isSpacing(tokens[i - 1])) {
      wordFrom[words] = i;
      wordTo[words] = i + 1;
      words++;
    } else wordTo[words - 1] = i + 1;
  }
  let tail = 0;
  let w = words;
  while (w > 0) {
    const wordStart = tokens[wordFrom[w - 1]].start;
    const wordEnd = tokens[wordTo[w - 1] - 1].end;
    // A word of a label is no value, blank marker or unit: told by its first character, without slicing it.
    const first = firstCompactCodeIn(text, wordStart, wordEnd);
    if (stream.isWordCell === undefined && !mayBeBlankOrValue(first) && !mayBeUnitWord(first)) break;
    if (isPlainNumberIn(text, wordStart, wordEnd)) {
      tail = pushTail(tail, 'value', wordStart, wordEnd);
      w--;
      continue;
    }
    const wordText = text.slice(wordStart, wordEnd);
    if (isValueText(wordText)) {
      tail = pushTail(tail, 'value', wordStart, wordEnd);
      w--;
    } else if (isBlankText(wordText) && tokens[wordFrom[w - 1]].type !== TextToken) {
      tail = pushTail(tail, 'blank', wordStart, wordEnd);
      w--;
    } else if (tail > 0 && w >= 2 && stream.isWordCell?.(wordText)) {
      // "收到申请数 件 37 212": the text column's word before the row's numbers.
      tail = pushTail(tail, 'value', wordStart, wordEnd);
      w--;
    } else if (w >= 2 && isUnitWord(wordText) && isValueText(text.slice(tokens[wordFrom[w - 2]].start, tokens[wordTo[w - 2] - 1].end))) {
      // "3414.41 万元": a number and its unit written apart.
      tail = pushTail(tail, 'value', tokens[wordFrom[w - 2]].start, wordEnd);
      w -= 2;
    } else break;
  }
  if (w > 0) {
    // Digits glued to the end of a label: "（七）总计6000017".
    const last = wordTo[w - 1] - 1;
    if (last > wordFrom[w - 1] && tokens[last].type === NumberToken && tokens[last - 1].type === TextToken && gluable(text, tokens[last - 1])) {
      tail = pushTail(tail, 'value', tokens[last].start, tokens[last].end);
      wordTo[w - 1]--;
    }
  }
  if (w > 0) addItem(stream, 'text', start, tokens[wordTo[w - 1] - 1].end, line);
  for (let t = tail - 1; t >= 0; t--) addItem(stream, tailKind[t], tailStart[t], tailEnd[t], line);
}

/** Writes the `tail`-th item split off the end of a field (see `tailKind`); returns the new count. */
function pushTail(tail: number, kind: ItemKind, start: number, end: number): number {
  tailKind[tail] = kind;
  tailStart[tail] = start;
  tailEnd[tail] = end;
  return tail + 1;
}

/** Whether `tokens[from .. to)` holds a run of spaces. */
function hasSpace(tokens: ReportToken[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens[i].type === SpaceToken) return true;
  return false;
}

/**
 * The field of a row restored from text without line structure (see one-line-runs.ts): the label, then
 * its values glued to it and to each other ("行政许可472-55417", "其他对外管理服务事项19万 增1万20万",
 * "政府集中采购102974.20万元"). The text before the first number is the label; after it, every number
 * starts a value of its own, with its sign and the words around it that belong to it ("增1万", "20万",
 * "974.20万元"); a run of digits stays whole (the row alignment splits it by arithmetic).
 */
function addRunOnField(stream: CellStream, tokens: ReportToken[], line: number): void {
  tokens = trimTokens(tokens);
  const text = stream.text;
  let first = tokens.findIndex(
    (t, i) => (t.type === NumberToken || t.type === DashToken) && i > 0 && (tokens[i - 1].type === SpaceToken || gluable(text, tokens[i - 1])),
  );
  // A word of the value ("增" of "增1万", "约" of "约300") before the number is not the label's.
  if (first > 1 && tokens[first - 1].type === TextToken && isValueText(textOf(text, tokens.slice(first - 1, first + 1)))) first--;
  // A line of values only (an unlabelled row after its header).
  if (tokens.length > 0 && (tokens[0].type === NumberToken || tokens[0].type === DashToken)) {
    if (!tokens.some((t) => t.type === TextToken && HAN.test(text.slice(t.start, t.end)))) first = 0;
  }
  if (first < 0) return void addField(stream, tokens, 0, tokens.length, line);
  if (first > 0) {
    const labelEnd = trimTokens(tokens.slice(0, first)).at(-1)!.end;
    // A text column's word glued between the label and the figures ("收到申请数件37212"): a cell of its own.
    const word = first === tokens.length ? undefined : gluedWordCell(stream, tokens[first - 1]);
    addItem(stream, 'text', tokens[0].start, word ? word.start : labelEnd, line);
    if (word) addItem(stream, 'value', word.start, word.end, line);
  }
  let cell: ReportToken[] = [];
  const flush = (): void => {
    if (cell.length === 0) return;
    const cellText = textOf(text, cell);
    const previous = stream.items[stream.items.length - 1];
    if (isUnitWord(cellText) && previous?.line === line && previous.kind === 'value') {
      // "3414.41 万元": a unit written apart belongs to the number before it.
      previous.end = cell[cell.length - 1].end;
    } else {
      const kind: ItemKind | null = isBlankText(cellText) ? 'blank' : isValueText(cellText) ? 'value' : HAN.test(cellText) ? null : 'value';
      // Fragments of text between the values (a group label printed vertically in a PDF, "三 、本 年…") are
      // no cells; prose after the last row is cut off before (see one-line-runs.ts).
      if (kind) addItem(stream, kind, cell[0].start, cell[cell.length - 1].end, line);
    }
    cell = [];
  };
  const furniture = pageNumbersIn(text, tokens[first].start, tokens[tokens.length - 1].end);
  // An index loop from `first` (no copy of the tokens, no iterator result per token in V8's mid tier).
  for (let i = first; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === SpaceToken || t.type === TabToken || furniture.some((r) => t.start >= r.start && t.end <= r.end)) {
      flush();
      continue;
    }
    const hasNumber = cell.some((c) => c.type === NumberToken);
    // Decimals glued together ("4.526.8" of 4.5 and 26.8): one piece, which no number reads, so the row is
    // said to be ambiguous instead of being cut after the second decimal point.
    const previous = cell[cell.length - 1];
    const glued = previous !== undefined && previous.end === t.start;
    if (glued && hasNumber && DECIMAL_POINTS.includes(textOf(text, [t])) && /[.．]/u.test(textOf(text, cell))) {
      cell.push(t);
      continue;
    }
    if (glued && t.type === NumberToken && DECIMAL_POINTS.includes(textOf(text, [previous]))) {
      cell.push(t);
      continue;
    }
    if (hasNumber && (t.type === NumberToken || t.type === DashToken || t.type === SlashToken)) flush();
    else if (hasNumber && t.type === TextToken && !isValueText(textOf(text, [...cell, t]))) {
      // A word that is no unit of the number before it: the prefix of the next value ("增"), or prose.
      flush();
    }
    cell.push(t);
  }
  flush();
}

/**
 * The word of a text column (计量单位: 件, 条, 人次, 万元) at the end of a label token that figures follow
 * without a space, when the stream has word cells; the label keeps at least one character.
 */
function gluedWordCell(stream: CellStream, token: ReportToken): { start: number; end: number } | undefined {
  if (!stream.isWordCell || token.type !== TextToken) return undefined;
  const tokenText = stream.text.slice(token.start, token.end);
  for (let n = Math.min(3, tokenText.length - 1); n >= 1; n--) {
    if (stream.isWordCell(tokenText.slice(-n))) return { start: token.end - n, end: token.end };
  }
  return undefined;
}

/**
 * The tokens of the line `tokens[from .. to)` (the text `[start, end)`) with the page numbers inside it
 * ("第 3 页", "- 4 -") turned into spaces (a token partly inside one is cut at its border); null when it has
 * none. Linear in the line.
 */
function withoutPageNumbers(text: string, tokens: ReportToken[], from: number, to: number, start: number, end: number): ReportToken[] | null {
  const ranges = pageNumbersIn(text, start, end);
  if (ranges.length === 0) return null;
  const out: ReportToken[] = [];
  let r = 0;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    let at = token.start;
    while (r < ranges.length && ranges[r].end <= at) r++;
    for (let q = r; q < ranges.length && ranges[q].start < token.end; q++) {
      const range = ranges[q];
      if (range.start > at) out.push({ type: token.type, start: at, end: range.start });
      const cut = Math.min(token.end, range.end);
      if (cut > Math.max(at, range.start)) out.push({ type: SpaceToken, start: Math.max(at, range.start), end: cut });
      at = Math.max(at, cut);
    }
    if (at < token.end) out.push({ type: token.type, start: at, end: token.end });
  }
  return out;
}

/** Page numbers standing between the values of a run-on row ("- 4 -", "第 3 页"). */
const INLINE_PAGE_NUMBER = /[-—–－~]\s+\d{1,4}\s+[-—–－~]|(?<=\s|^)[-—–－~]\d{1,4}[-—–－~](?=\s|$)|第\s*\d{1,4}\s*页/gu;

/** Whether the UTF-16 unit `c` is one every match of {@link INLINE_PAGE_NUMBER} holds (a dash, ~ or 第). */
function isPageNumberMark(c: number): boolean {
  return c === 0x2d /* - */ || c === 0x2014 /* — */ || c === 0x2013 /* – */ || c === 0xff0d /* － */ || c === 0x7e /* ~ */ || c === 0x7b2c /* 第 */;
}

function pageNumbersIn(text: string, start: number, end: number): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  // Most lines hold no dash and no 第: no match is looked for there.
  let mark = start;
  while (mark < end && !isPageNumberMark(text.charCodeAt(mark))) mark++;
  if (mark >= end) return ranges;
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(INLINE_PAGE_NUMBER)) ranges.push({ start: start + m.index, end: start + m.index + m[0].length });
  return ranges;
}
const HAN = /\p{Script=Han}/u;
const DECIMAL_POINTS = ['.', '．'];

function textOf(text: string, word: ReportToken[]): string {
  return word.length === 0 ? '' : text.slice(word[0].start, word[word.length - 1].end);
}

/**
 * Digits may be split off a text run that ends in a CJK character other than a counting word, or in a
 * closing bracket or quote after one ("…不计其他情形）2000002", "3.危及“三安全一稳定”1000001").
 */
function gluable(text: string, token: ReportToken): boolean {
  let end = token.end;
  while (end - 1 > token.start && CLOSING.includes(text[end - 1])) end--;
  const last = text.charCodeAt(end - 1);
  if (last < 0x3400 || last >= 0xa000) return false;
  return !'第年月日号期至共约近前后'.includes(text[end - 1]);
}

const CLOSING = '）)”’」』】〕］]';

function addItem(stream: CellStream, kind: ItemKind, start: number, end: number, line: number): void {
  const index = stream.items.length;
  const keyStart = streamKey.length;
  if (kind === 'text') {
    streamKey.add(stream.text, start, end);
    // Punctuation alone ("）" on a line of its own in PDF text) carries no label text: drop it.
    if (streamKey.length === keyStart) return;
    const keyEnd = streamKey.length;
    if (keyEnd > keyItems.length) keyItems = grownKeyItems(keyEnd);
    for (let k = keyStart; k < keyEnd; k++) keyItems[k] = index;
    stream.lines[line].hasText = true;
  }
  stream.items.push({ kind, start, end, line, keyStart, keyEnd: streamKey.length });
}

/** {@link keyItems} grown to hold at least `size` entries (twice as many at least), its entries kept. */
function grownKeyItems(size: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(size, keyItems.length * 2));
  bigger.set(keyItems);
  return bigger;
}
