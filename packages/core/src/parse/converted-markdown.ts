import type { CellStream, StreamLine } from './cell-stream.js';
import { layoutBit, type LayoutSet } from './layout-set.js';
import type { RowSlot } from './row-alignment.js';
import { isWhiteSpaceCode } from './white-space.js';

/**
 * The converted-Markdown layout family: tables a PDF → Markdown (or PDF → Word → HTML) tool wrote as grids
 * of separated fields, with the damage such tools do:
 * - a table cut into several pipe tables at page breaks, each continuation under a rule line and a row of
 *   generic headers ("| 数据1 | 数据2 | … |", "| 列1 | 列2 |", "Column1"): layout, not text or numbers;
 * - a row whose label is printed apart from its numbers: the label in a row of its own with every other
 *   field empty, the numbers in a label-less row of the same width under it (or over it, when the tool
 *   put the label where a vertically centred cell ended);
 * - a data row taken for a header (a rule line under it) and stray numbers between rows (a page number
 *   without dashes, "| 3 |"): handled by the cell stream, which drops rule lines, and by the pairing
 *   here, which takes only a row of the table's own width.
 * Everything is read from the structure of the lines; nothing about any report is built in.
 */

/** Generic column names a converter gives a table whose header it did not find. */
const GENERIC_HEADER = /^(?:数据|列|字段|栏|column|col|field)\s*\d{1,3}$/iu;
const MARKDOWN_RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
/** At most this many lines without items (rules, page numbers, generic headers) stand between a label and its numbers. */
const MAX_GAP_LINES = 3;

/**
 * Whether a (trimmed) line is a converter's table layout and no content: a Markdown rule line
 * ("|---|:--:|"), or a row of generic headers ("| 数据1 | 数据2 | 数据3 |", at least two of them, the
 * other fields empty).
 */
export function isConverterLayoutLine(trimmed: string): boolean {
  if (MARKDOWN_RULE.test(trimmed)) return true;
  // The fields between pipes, in one pass, none sliced before it may be a generic header: the first field
  // that is not (a row's label, most often) settles it.
  let generic = 0;
  let fieldStart = 0;
  let pipes = 0;
  for (let i = 0; i <= trimmed.length; i++) {
    if (i < trimmed.length) {
      const c = trimmed.charCodeAt(i);
      if (c !== 0x7c /* | */ && c !== 0xff5c /* ｜ */) continue;
      pipes++;
    } else if (pipes === 0) return false;
    const field = genericField(trimmed, fieldStart, i);
    if (field === 'other') return false;
    if (field === 'generic') generic++;
    fieldStart = i + 1;
  }
  return generic >= 2;
}

/** The first characters of the generic headers (see `GENERIC_HEADER`). */
const GENERIC_STARTS = new Set([...'数列字栏cCfF'].map((c) => c.charCodeAt(0)));

/** What the field `line[from, to)` is, trimmed: empty, a generic header, or other text. */
function genericField(line: string, from: number, to: number): 'empty' | 'generic' | 'other' {
  while (from < to && isWhiteSpaceCode(line.charCodeAt(from))) from++;
  while (to > from && isWhiteSpaceCode(line.charCodeAt(to - 1))) to--;
  if (from === to) return 'empty';
  if (!GENERIC_STARTS.has(line.charCodeAt(from))) return 'other';
  return GENERIC_HEADER.test(line.slice(from, to)) ? 'generic' : 'other';
}

/** The numbers of a row printed apart from its label, as found by {@link detachedValues}. */
export interface DetachedValues {
  slots: RowSlot[];
  /** First and last item of the numbers' line. */
  firstItem: number;
  lastItem: number;
  layouts: LayoutSet;
  /** Where the numbers are: on the row above the label (`above`) or below it (`below`). */
  side: 'above' | 'below';
}

/**
 * The numbers of a row whose label stands in a row of its own: the label's line is a grid row (TAB or pipe
 * fields) whose fields after the label are all empty, and a neighbouring line (rules and page furniture
 * between them aside) is a label-less grid row of the same layout holding numbers, as wide as the label's
 * row or as the table's `k` columns. The row above is taken when no earlier row took it (items up to
 * `consumed` are taken): it can belong to no other label. Else the row below, before item `stop`.
 * Null when the label's line has numbers of its own or no such neighbour exists.
 */
export function detachedValues(stream: CellStream, labelItem: number, consumed: number, stop: number, k: number): DetachedValues | null {
  const items = stream.items;
  const lineIndex = items[labelItem].line;
  const line = stream.lines[lineIndex];
  if (line.layout !== 'pipe' && line.layout !== 'tab') return null;
  if (labelItem + 1 >= line.endItem) return null;
  for (let i = labelItem + 1; i < line.endItem; i++) if (items[i].kind !== 'empty') return null;
  const width = line.endItem - line.firstItem;
  const fits = (candidate: StreamLine | undefined): candidate is StreamLine => {
    if (!candidate || candidate.hasText || candidate.layout !== line.layout) return false;
    let filled = 0;
    let first = -1;
    let last = -1;
    for (let i = candidate.firstItem; i < candidate.endItem; i++) {
      if (items[i].kind === 'empty') continue;
      filled++;
      if (first < 0) first = i;
      last = i;
    }
    if (filled === 0 || items.slice(first, last + 1).every((it) => it.kind !== 'value')) return false;
    const count = candidate.endItem - candidate.firstItem;
    return count === width || last - first + 1 === k;
  };
  const stray = (candidate: StreamLine): boolean => !candidate.hasText && !fits(candidate) && filledItems(stream, candidate) <= 1;
  const above = neighbour(stream, lineIndex, -1, stray);
  if (fits(above) && above.firstItem > consumed) return take(stream, above, 'above');
  const below = neighbour(stream, lineIndex, 1, stray);
  if (fits(below) && below.endItem <= stop) return take(stream, below, 'below');
  return null;
}

/**
 * The nearest line in direction `step` that has items, over at most {@link MAX_GAP_LINES} lines without
 * items or with a `stray` number (a lone number that is no row of the table: a page number, a footnote mark).
 */
function neighbour(stream: CellStream, lineIndex: number, step: 1 | -1, stray: (line: StreamLine) => boolean): StreamLine | undefined {
  for (let n = 1, l = lineIndex + step; n <= MAX_GAP_LINES + 1 && l >= 0 && l < stream.lines.length; n++, l += step) {
    const line = stream.lines[l];
    if (line.endItem > line.firstItem && !stray(line)) return line;
  }
  return undefined;
}

function filledItems(stream: CellStream, line: StreamLine): number {
  let filled = 0;
  for (let i = line.firstItem; i < line.endItem; i++) if (stream.items[i].kind !== 'empty') filled++;
  return filled;
}

function take(stream: CellStream, line: StreamLine, side: DetachedValues['side']): DetachedValues {
  const slots: RowSlot[] = [];
  for (let i = line.firstItem; i < line.endItem; i++) {
    const it = stream.items[i];
    slots.push({ kind: it.kind === 'text' ? 'invalid' : it.kind, start: it.start, end: it.end, text: stream.text.slice(it.start, it.end).trim() });
  }
  return { slots, firstItem: line.firstItem, lastItem: line.endItem - 1, layouts: layoutBit(line.layout), side };
}
