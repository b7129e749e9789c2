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
 * Frames `[start, end)` (UTF-16 characters of `line`; `end` may lie beyond the line for a range that
 * continues on later lines) so that the visible part is at most `maxWidth` columns wide and shows the
 * start of the range. Long lines — a whole paragraph of Chinese prose is often one line — are cut
 * around the range, about a quarter of the width before it.
 */
export function frameLine(line: string, start: number, end: number, maxWidth = 100): FramedLine {
  const clippedStart = Math.min(Math.max(0, start), line.length);
  const clippedEnd = Math.min(Math.max(clippedStart, end), line.length);
  const chars = splitWithOffsets(line);
  const fullWidth = displayWidth(line);
  if (fullWidth <= maxWidth) {
    const caretColumn = displayWidth(line.slice(0, clippedStart));
    const width = displayWidth(line.slice(clippedStart, clippedEnd), caretColumn);
    return { text: expandTabs(line), caretColumn, caretWidth: Math.max(1, Math.min(width, maxWidth - caretColumn)) };
  }
  // Choose the first visible character: about a quarter of the room before the range's start.
  const lead = Math.floor(maxWidth / 4);
  let first = chars.findIndex((c) => c.offset >= clippedStart);
  if (first < 0) first = chars.length;
  let before = 0;
  while (first > 0 && before + charWidth(chars[first - 1].char) <= lead) {
    first--;
    before += charWidth(chars[first].char);
  }
  const prefix = first > 0 ? '…' : '';
  let text = prefix;
  let column = displayWidth(prefix);
  let caretColumn = column;
  let caretEnd = column;
  const room = maxWidth - 1; // keep one column for a trailing ellipsis
  let cut = false;
  for (let i = first; i < chars.length; i++) {
    const { char, offset } = chars[i];
    const rendered = char === '\t' ? ' '.repeat(tabWidth) : char;
    const width = displayWidth(rendered);
    if (column + width > room) {
      cut = true;
      break;
    }
    if (offset < clippedStart) caretColumn = column + width;
    text += rendered;
    column += width;
    if (offset < clippedEnd) caretEnd = column;
  }
  if (cut) text += '…';
  if (clippedStart >= line.length) caretColumn = column;
  return { text, caretColumn, caretWidth: Math.max(1, caretEnd - caretColumn) };
}

function charWidth(char: string): number {
  return char === '\t' ? tabWidth : codePointWidth(char.codePointAt(0)!);
}

function splitWithOffsets(line: string): Array<{ char: string; offset: number }> {
  const out: Array<{ char: string; offset: number }> = [];
  let offset = 0;
  for (const char of line) {
    out.push({ char, offset });
    offset += char.length;
  }
  return out;
}
