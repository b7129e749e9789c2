/**
 * Terminal column widths: East Asian wide and full-width characters take two columns, combining marks
 * and zero-width characters none, a TAB advances to the next multiple of {@link tabWidth}.
 */

/** Columns between tab stops. */
export const tabWidth = 4;

const wideRanges: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x25fd, 0x25fe],
  [0x2614, 0x2615], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff],
  [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff],
  [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

/** Combining marks, zero-width spaces and joiners, bidi controls, variation selectors, BOM. */
const zeroWidthRanges: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f], [0x200b, 0x200f], [0x2028, 0x202e], [0x2060, 0x2064], [0xfe00, 0xfe0f], [0xfeff, 0xfeff],
];

/** Columns one code point takes (TAB excluded). */
export function codePointWidth(codePoint: number): number {
  // The common cases first: printable ASCII, and the CJK ideographs of report prose.
  if (codePoint >= 0x20 && codePoint < 0x7f) return 1;
  if (codePoint >= 0x4e00 && codePoint <= 0x9fff) return 2;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0;
  for (const [from, to] of zeroWidthRanges) if (codePoint >= from && codePoint <= to) return 0;
  for (const [from, to] of wideRanges) {
    if (codePoint < from) return 1;
    if (codePoint <= to) return 2;
  }
  return 1;
}

/** Columns `text` takes when printed starting at column `startColumn` (TABs expand to tab stops). */
export function displayWidth(text: string, startColumn = 0): number {
  let column = startColumn;
  for (const char of text) {
    if (char === '\t') column += tabWidth - (column % tabWidth);
    else column += codePointWidth(char.codePointAt(0)!);
  }
  return column - startColumn;
}

/** `text` with TABs expanded to spaces at tab stops, for printing beside a caret line. */
export function expandTabs(text: string): string {
  let column = 0;
  let out = '';
  for (const char of text) {
    if (char === '\t') {
      const spaces = tabWidth - (column % tabWidth);
      out += ' '.repeat(spaces);
      column += spaces;
    } else {
      out += char;
      column += codePointWidth(char.codePointAt(0)!);
    }
  }
  return out;
}

/**
 * The most columns any of `texts` takes (0 for none). A loop, not `Math.max(...)`: one file's findings
 * can be hundreds of thousands, more arguments than a call takes (a report run into one line with 380,000
 * garbled spots ended the run with an internal error).
 */
export function widestOf(texts: Iterable<string>, width: (text: string) => number = displayWidth): number {
  let widest = 0;
  for (const text of texts) widest = Math.max(widest, width(text));
  return widest;
}
