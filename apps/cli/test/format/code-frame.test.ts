import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameLine, type FramedLine } from '../../src/format/code-frame.js';
import { codePointWidth, displayWidth, expandTabs, tabWidth } from '../../src/terminal/display-width.js';

/**
 * The framing as first written: the whole line split into characters and measured, whatever its length.
 * `frameLine` must frame every line it can read to its end the same way.
 */
function wholeLineFrame(line: string, start: number, end: number, maxWidth: number): FramedLine {
  const clippedStart = Math.min(Math.max(0, start), line.length);
  const clippedEnd = Math.min(Math.max(clippedStart, end), line.length);
  const chars: Array<{ char: string; offset: number }> = [];
  let at = 0;
  for (const char of line) {
    chars.push({ char, offset: at });
    at += char.length;
  }
  if (displayWidth(line) <= maxWidth) {
    const caretColumn = displayWidth(line.slice(0, clippedStart));
    const width = displayWidth(line.slice(clippedStart, clippedEnd), caretColumn);
    return { text: expandTabs(line), caretColumn, caretWidth: Math.max(1, Math.min(width, maxWidth - caretColumn)) };
  }
  const charWidth = (char: string) => (char === '\t' ? tabWidth : codePointWidth(char.codePointAt(0)!));
  const lead = Math.floor(maxWidth / 4);
  let first = chars.findIndex((c) => c.offset >= clippedStart);
  if (first < 0) first = chars.length;
  let before = 0;
  while (first > 0 && before + charWidth(chars[first - 1].char) <= lead) {
    first--;
    before += charWidth(chars[first].char);
  }
  // The visible characters: from `first`, as many as fit before a column kept for a trailing ellipsis.
  const prefix = first > 0 ? '…' : '';
  const visible: Array<{ rendered: string; width: number; offset: number }> = [];
  let used = displayWidth(prefix);
  for (const { char, offset } of chars.slice(first)) {
    const rendered = char === '\t' ? ' '.repeat(tabWidth) : char;
    if (used + displayWidth(rendered) > maxWidth - 1) break;
    visible.push({ rendered, width: displayWidth(rendered), offset });
    used += displayWidth(rendered);
  }
  const columnsOf = (count: number) => displayWidth(prefix) + visible.slice(0, count).reduce((sum, v) => sum + v.width, 0);
  const caretColumn = clippedStart >= line.length ? used : columnsOf(visible.filter((v) => v.offset < clippedStart).length);
  const caretEnd = columnsOf(visible.filter((v) => v.offset < clippedEnd).length);
  const text = prefix + visible.map((v) => v.rendered).join('') + (first + visible.length < chars.length ? '…' : '');
  return { text, caretColumn, caretWidth: Math.max(1, caretEnd - caretColumn) };
}

/** Pieces of report lines: ASCII, digits, TABs, CJK, full-width forms, a combining mark, zero-width and control characters, an emoji (a surrogate pair), lone surrogates. */
const piece = fc.constantFrom('a', 'Z', ' ', '7', '\t', '行', '政', '许', '可', '，', '（', '\u0301', '\u200b', '\u0007', '😀', '\ud800', '\udc00', '·');

describe('frameLine', () => {
  it('puts the caret under the range, counting CJK characters as two columns', () => {
    const framed = frameLine('行政许可\t472\t−55', 5, 8);
    // "行政许可" is 8 columns wide; the TAB there advances a whole stop, to 12.
    expect(framed.text).toBe('行政许可    472 −55');
    expect(framed.caretColumn).toBe(12);
    expect(framed.caretWidth).toBe(3);
  });

  it('cuts a long paragraph around the range and keeps the caret under it', () => {
    const line = '本机关'.repeat(100) + '错误在此' + '后文'.repeat(100);
    const start = 300;
    const framed = frameLine(line, start, start + 4, 60);
    expect(displayWidth(framed.text)).toBeLessThanOrEqual(60);
    expect(framed.text.startsWith('…')).toBe(true);
    expect(framed.text.endsWith('…')).toBe(true);
    // The caret column is the width of what precedes "错误在此" in the visible text.
    const visibleStart = framed.text.indexOf('错误在此');
    expect(visibleStart).toBeGreaterThan(0);
    expect(framed.caretColumn).toBe(displayWidth(framed.text.slice(0, visibleStart)));
    expect(framed.caretWidth).toBe(8);
  });

  it('handles an empty range at the end of the line', () => {
    const framed = frameLine('abc', 3, 3);
    expect(framed).toEqual({ text: 'abc', caretColumn: 3, caretWidth: 1 });
  });

  it('frames every line as measuring the whole line would (random lines of CJK, TABs, surrogates, zero-width characters)', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 300, size: 'max' }).map((pieces) => pieces.join('')),
        fc.integer({ min: -2, max: 620 }),
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 40, max: 130 }),
        (line, start, length, maxWidth) => {
          expect(frameLine(line, start, start + length, maxWidth)).toEqual(wholeLineFrame(line, start, start + length, maxWidth));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('frames a range of a line of a megabyte from the few hundred characters around it', () => {
    const line = '本机关依申请公开政府信息'.repeat(90_000);
    const start = 600_000;
    const framed = frameLine(line, start, start + 4, 100);
    expect(displayWidth(framed.text)).toBeLessThanOrEqual(100);
    expect(framed.text.startsWith('…') && framed.text.endsWith('…')).toBe(true);
    expect(framed.caretColumn).toBe(displayWidth(framed.text.slice(0, 1 + Math.floor(100 / 4 / 2))));
    // A line of nothing but characters of no width is cut after eight characters a column, not read to its end.
    const marks = `a${'\u0301'.repeat(1_000_000)}`;
    const cut = frameLine(marks, 0, 1, 100);
    expect(cut.text.length).toBeLessThanOrEqual(8 * 100 + 1);
    expect(cut.text.endsWith('…')).toBe(true);
    expect(cut.caretColumn).toBe(0);
  });
});

