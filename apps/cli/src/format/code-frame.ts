import { codePointWidth, displayWidth, expandTabs, tabWidth } from '../terminal/display-width.js';

/** A source line cut to fit the terminal, and where to put the caret under it. */
export interface FramedLine {
  /** The visible part of the line, TABs expanded, with `…` where it was cut. */
  text: string;
  /** Columns before the caret. */
  caretColumn: number;
  /** Columns the caret line underlines (at least 1). */
  caretWidth: number;
}

/**
 * The most UTF-16 code units a frame reads on either side of the range's start, per column of `maxWidth`.
 * A visible part holds at most two code units a column unless it has characters of no width (combining
 * marks, controls); a line with so many of them is cut at this bound rather than read to its end.
 */
const unitsPerColumn = 8;

/**
 * Frames `[start, end)` (UTF-16 characters of `line`; `end` may lie beyond the line for a range that
 * continues on later lines) so that the visible part is at most `maxWidth` columns wide and shows the
 * start of the range. Long lines — a whole paragraph of Chinese prose is often one line, a crawled page
 * often a whole report — are cut around the range, about a quarter of the width before it. The work is
 * bounded by `maxWidth`, not by the line's length: a report of one 1 MB line with a hundred findings is
 * framed a hundred times.
 */
export function frameLine(line: string, start: number, end: number, maxWidth = 100): FramedLine {
  const clippedStart = Math.min(Math.max(0, start), line.length);
  const clippedEnd = Math.min(Math.max(clippedStart, end), line.length);
  const maxUnits = unitsPerColumn * maxWidth;
  if (fitsWithin(line, maxWidth, maxUnits)) {
    const caretColumn = displayWidth(line.slice(0, clippedStart));
    const width = displayWidth(line.slice(clippedStart, clippedEnd), caretColumn);
    return { text: expandTabs(line), caretColumn, caretWidth: Math.max(1, Math.min(width, maxWidth - caretColumn)) };
  }
  // Choose the first visible character: about a quarter of the room before the range's start.
  const lead = Math.floor(maxWidth / 4);
  let first = characterStartAtOrAfter(line, clippedStart);
  let before = 0;
  for (let units = 0; first > 0 && units < maxUnits; ) {
    const previous = previousCharacterStart(line, first);
    const width = charWidth(line.codePointAt(previous)!);
    if (before + width > lead) break;
    units += first - previous;
    first = previous;
    before += width;
  }
  const prefix = first > 0 ? '…' : '';
  let text = prefix;
  let column = displayWidth(prefix);
  let caretColumn = column;
  let caretEnd = column;
  const room = maxWidth - 1; // keep one column for a trailing ellipsis
  let cut = false;
  let offset = first;
  while (offset < line.length) {
    if (offset - first >= maxUnits) {
      cut = true;
      break;
    }
    const codePoint = line.codePointAt(offset)!;
    const size = codePoint > 0xffff ? 2 : 1;
    const rendered = codePoint === 0x09 ? ' '.repeat(tabWidth) : line.slice(offset, offset + size);
    const width = charWidth(codePoint);
    if (column + width > room) {
      cut = true;
      break;
    }
    if (offset < clippedStart) caretColumn = column + width;
    text += rendered;
    column += width;
    if (offset < clippedEnd) caretEnd = column;
    offset += size;
  }
  if (cut) text += '…';
  if (clippedStart >= line.length) caretColumn = column;
  return { text, caretColumn, caretWidth: Math.max(1, caretEnd - caretColumn) };
}

/** Whether `line` is at most `maxWidth` columns wide (TABs to tab stops), read no further than needed. */
function fitsWithin(line: string, maxWidth: number, maxUnits: number): boolean {
  if (line.length > maxUnits) return false;
  let column = 0;
  for (let offset = 0; offset < line.length; ) {
    const codePoint = line.codePointAt(offset)!;
    column += codePoint === 0x09 ? tabWidth - (column % tabWidth) : codePointWidth(codePoint);
    if (column > maxWidth) return false;
    offset += codePoint > 0xffff ? 2 : 1;
  }
  return true;
}

/** Columns of a character where a long line is cut (a TAB is {@link tabWidth}, not to a tab stop). */
function charWidth(codePoint: number): number {
  return codePoint === 0x09 ? tabWidth : codePointWidth(codePoint);
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** The offset of the first character (code point, as the string iterator splits them) at or after `offset`. */
function characterStartAtOrAfter(line: string, offset: number): number {
  const insidePair = offset > 0 && offset < line.length && isLowSurrogate(line.charCodeAt(offset)) && isHighSurrogate(line.charCodeAt(offset - 1));
  return insidePair ? offset + 1 : offset;
}

/** The offset of the character before the one starting at `offset` (> 0). */
function previousCharacterStart(line: string, offset: number): number {
  return offset >= 2 && isLowSurrogate(line.charCodeAt(offset - 1)) && isHighSurrogate(line.charCodeAt(offset - 2)) ? offset - 2 : offset - 1;
}
