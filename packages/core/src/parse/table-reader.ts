import type { CellType } from '../ir/template-ir.js';
import type { TableNote } from '../model/report.js';
import type { CellStream, StreamItem } from './cell-stream.js';
import { isUnitWord, readCellValue } from './cell-value.js';
import { plainCellNumber } from './plain-cell-number.js';
import { patternsStartingWith } from './label-index.js';
import { matchLabelAt, type LabelMatch, type LabelPattern, type MatchOptions } from './label-match.js';
import { hasLayout, layoutBit, NO_LAYOUTS, type LayoutSet } from './layout-set.js';
import { keyCharEnd } from './match-key.js';
import { alignByColumnPositions } from './column-positions.js';
import { detachedValues } from './converted-markdown.js';
import { resolveGluedRows } from './glued-rows.js';
import { alignRow, newAlignedCell, newRowAlignment, type AlignedCell, type AlignOptions, type RowAlignment, type RowEquation, type RowSlot } from './row-alignment.js';
import type { RowLabelPlan, TablePlan } from './table-plan.js';

/**
 * Reading one table from a cell stream: anchor the template's row labels in order (groups and leaves;
 * later labels may be found when earlier ones are missing), collect the slots after each leaf label up
 * to the next label — on the label's own line for separated rows (continuing onto lines of bare values
 * when the line is short), on the following lines for one-cell-per-line rows — and align them to the
 * leaf columns. The text between the table start and the first row is its column header, which is
 * checked for garbling and truncation. A second occurrence of the table (after a page break) is noted.
 */

/** One leaf row as read. */
export interface RowRead {
  plan: RowLabelPlan;
  /** Range of the row label in the view (empty at the row start for an unlabelled row). */
  labelStart: number;
  labelEnd: number;
  alignment: RowAlignment;
  /** Layouts of the lines the row's slots came from. */
  layouts: LayoutSet;
  /** The row was restored from text without line structure (its line cut at a virtual break). */
  runOn: boolean;
  /** The row's numbers stand in a row of their own above or below its label (a converted table). */
  apart: 'above' | 'below' | undefined;
  /** Its numbers were placed by their horizontal position (a table laid out with spaces). */
  positioned: boolean;
}

/**
 * A {@link RowRead}, not yet placed by position. Every row is made here, with all its fields, so that the
 * rows have one shape (the reads of their fields see one map).
 */
function newRowRead(
  plan: RowLabelPlan,
  labelStart: number,
  labelEnd: number,
  alignment: RowAlignment,
  layouts: LayoutSet,
  runOn: boolean,
  apart: 'above' | 'below' | undefined,
): RowRead {
  return { plan, labelStart, labelEnd, alignment, layouts, runOn, apart, positioned: false };
}

/** A table note with view offsets. */
export interface NoteRead {
  kind: TableNote['kind'];
  start: number;
  end: number;
  row?: string;
  detail?: string;
}

/** One table as read. */
export interface TableRead {
  plan: TablePlan;
  found: boolean;
  /** Leaf rows found, by id. */
  rows: Map<string, RowRead>;
  /**
   * Row groups printed as one row with numbers, none of their leaf rows found (（六）其他处理 as one row
   * where the template splits it into 1/2/3), by group id.
   */
  groupRows: Map<string, RowRead>;
  notes: NoteRead[];
  /** View range from the caption (or first label) to the last slot read. */
  start: number;
  end: number;
  /** First item after the table. */
  endItem: number;
  /** Per leaf column: the money unit its header states, if any ("采购总金额（万元）"). */
  headerUnits: (string | undefined)[];
}

const LOOKAHEAD_FUZZY = 2;
/** At most this many lines of page furniture (running header, footer) are stepped over inside a row. */
const MAX_FURNITURE_LINES = 4;

/**
 * Finds a caption among the text items of [from, to): exactly, inside a longer item, or spread over
 * consecutive items (a caption broken one character per line). Returns the item where it starts.
 */
export function findCaption(stream: CellStream, caption: LabelPattern, from: number, to: number): number {
  const items = stream.items;
  let i = from;
  while (i < to && items[i].kind !== 'text') i++;
  if (i >= to || caption.key === '') return -1;
  const at = stream.keyed.key.indexOf(caption.key, items[i].keyStart);
  if (at < 0) return -1;
  const item = stream.keyItem[at];
  return item < to ? item : -1;
}

/** Reads the table of `plan` from the items [from, to) of `stream`. Never throws. */
export function readTable(stream: CellStream, plan: TablePlan, from: number, to: number): TableRead {
  const first = readOnce(stream, plan, from, to);
  if (!first.found || plan.unlabelled) return first;
  // A second occurrence (a table repeated after a page break): note it; prefer it when more complete.
  const again = findRepeat(stream, plan, first.endItem, to);
  if (again < 0) return first;
  const second = readOnce(stream, plan, again, to);
  const note: NoteRead = { kind: 'repeated', start: stream.items[again].start, end: second.end };
  const better = second.rows.size > first.rows.size ? second : first;
  return { ...better, notes: [...better.notes, note], endItem: Math.max(first.endItem, second.endItem), end: Math.max(first.end, second.end) };
}

function findRepeat(stream: CellStream, plan: TablePlan, from: number, to: number): number {
  const firstLeaf = plan.labels.find((l) => l.leaf && l.pattern !== null);
  const patterns = [plan.caption, firstLeaf?.pattern].filter((p): p is LabelPattern => p !== null && p !== undefined);
  for (let i = from; i < to; i++) {
    const it = stream.items[i];
    if (it.kind !== 'text') continue;
    for (const p of patterns) {
      const m = matchLabelAt(stream, it.keyStart, p, PLAIN);
      if (m && m.quality === 'exact') return i;
    }
  }
  return -1;
}

/** Where the rows of a table were read: whether any was, where its column header ends, the first item after them. */
interface RowsRead {
  found: boolean;
  headerEnd: number;
  endItem: number;
}

/**
 * One reading of the table from item `from`. Its steps are functions of their own (the rows of each kind of
 * table, the checks of the rows read): V8 compiles each apart, and a rare path that first runs late
 * (deoptimising the code compiled before it had run) has a small function compiled again, not all of this.
 */
function readOnce(stream: CellStream, plan: TablePlan, from: number, to: number): TableRead {
  const items = stream.items;
  const rows = new Map<string, RowRead>();
  const groupRows = new Map<string, RowRead>();
  const notes: NoteRead[] = [];
  const start = items[from]?.start ?? (items.length > 0 ? items[items.length - 1].end : 0);
  const transposed = plan.unlabelled ? readTransposed(stream, plan, from, to) : null;
  let got: RowsRead;
  if (transposed) {
    rows.set(transposed.row.plan.id, transposed.row);
    notes.push({ kind: 'transposed', start: transposed.row.labelStart, end: transposed.end });
    got = { found: true, headerEnd: from, endItem: transposed.endItem };
  } else if (plan.unlabelled) got = readUnlabelledRow(stream, plan, from, to, rows);
  else got = readLabelledRows(stream, plan, from, to, rows, groupRows, notes);
  settleRows(stream, plan, rows, groupRows, notes);
  const { found, headerEnd, endItem } = got;
  if (found) notes.push(...checkHeader(stream, plan, from, headerEnd));
  const end = endItem > from && items[endItem - 1] ? items[endItem - 1].end : start;
  const headerUnits = found ? findHeaderUnits(stream, plan, from, headerEnd) : [];
  return { plan, found, rows, groupRows, notes, start, end: Math.max(start, end), endItem: Math.max(endItem, from), headerUnits };
}

/** The one row of an unlabelled table (not transposed): the line of values after its header, into `rows`. */
function readUnlabelledRow(stream: CellStream, plan: TablePlan, from: number, to: number, rows: Map<string, RowRead>): RowsRead {
  const items = stream.items;
  const k = plan.table.leafColumns.length;
  const rowStart = findValueLine(stream, from, to, k);
  if (rowStart < 0) return { found: false, headerEnd: to, endItem: from };
  const leaf = plan.leaves[0];
  const captioned = stream.lines[items[rowStart].line].hasText;
  const { slots, lastItem, layouts } = captioned ? collectAfter(stream, rowStart - 1, to, k, () => false) : collectFrom(stream, rowStart, to, k, true);
  if (!slots.some((s) => s.kind === 'value' || s.kind === 'blank')) return { found: false, headerEnd: rowStart, endItem: from };
  const at = items[rowStart].start;
  const runOn = isRunOn(stream, rowStart);
  rows.set(leaf.id, newRowRead(leaf, at, at, align(plan, leaf, slots, at, stream, runOn), layouts, runOn, undefined));
  return { found: true, headerEnd: rowStart, endItem: lastItem + 1 };
}

/** The rows of a table with row labels, into `rows` and `groupRows` (with their notes). */
function readLabelledRows(
  stream: CellStream,
  plan: TablePlan,
  from: number,
  to: number,
  rows: Map<string, RowRead>,
  groupRows: Map<string, RowRead>,
  notes: NoteRead[],
): RowsRead {
  const k = plan.table.leafColumns.length;
  let headerEnd = to;
  let endItem = from;
  let found = false;
  const matches = anchorLabels(stream, plan, from, to);
  const isFurniture = furnitureTest(stream, plan);
  if (matches.length > 0) {
    found = true;
    headerEnd = stream.keyItem[matches[0].match.keyStart];
    endItem = stream.keyItem[matches[matches.length - 1].match.keyEnd - 1] + 1;
  }
  const disorder = firstOutOfOrder(matches);
  if (disorder) {
    const labelStart = stream.keyed.starts[disorder.match.keyStart];
    notes.push({ kind: 'rows-out-of-order', start: labelStart, end: keyCharEnd(stream.text, stream.keyed, disorder.match.keyEnd - 1), row: disorder.label.id });
  }
  // The rows found, by id: asked only about a group row with leaves (is any of them found?), made once.
  let hitIds: Set<string> | undefined;
  // Items up to this one were taken by the rows before (a row printed apart takes a free row above it).
  let consumed = from - 1;
  for (let m = 0; m < matches.length; m++) {
    const { label, match } = matches[m];
    const unsplit = !label.leaf && label.leafIds !== undefined && isUnsplitGroup(label.leafIds, (hitIds ??= new Set(matches.map((h) => h.label.id))));
    const labelItem = stream.keyItem[match.keyEnd - 1];
    const stop = m + 1 < matches.length ? stream.keyItem[matches[m + 1].match.keyStart] : to;
    if (!label.leaf && !unsplit) {
      const figures = groupRowFigures(stream, labelItem, stop);
      if (figures) notes.push({ kind: 'group-values', start: stream.keyed.starts[match.keyStart], end: figures.end, row: label.id, detail: figures.text });
      continue;
    }
    const apart = detachedValues(stream, labelItem, consumed, stop, k);
    const after = apart ?? collectAfter(stream, labelItem, stop, k, isFurniture);
    const inside = apart || after.slots.some(isFilled) ? null : slotsInsideLabel(stream, stream.keyItem[match.keyStart], labelItem);
    const { slots, lastItem, layouts } = inside ? { ...inside, lastItem: Math.max(after.lastItem, labelItem) } : after;
    consumed = Math.max(consumed, lastItem, labelItem);
    const labelStart = stream.keyed.starts[match.keyStart];
    const labelEnd = keyCharEnd(stream.text, stream.keyed, match.keyEnd - 1);
    const runOn = isRunOn(stream, stream.keyItem[match.keyStart]);
    if (match.quality === 'near') {
      const variant = labelVariant(stream, label, match, labelStart, labelEnd);
      if (variant) notes.push(variant);
    }
    if (unsplit) {
      // A group printed as one row: read when numbers follow its label; its leaves' equations place them.
      if (!slots.some((slot) => slot.kind === 'value')) continue;
      const asLeaf = { ...label, id: label.leafIds![0] };
      groupRows.set(label.id, newRowRead(label, labelStart, labelEnd, align(plan, asLeaf, slots, labelEnd, stream, runOn), layouts, runOn, apart?.side));
    } else {
      rows.set(label.id, newRowRead(label, labelStart, labelEnd, align(plan, label, slots, labelEnd, stream, runOn), layouts, runOn, apart?.side));
    }
    endItem = Math.max(endItem, lastItem + 1);
  }
  return { found, headerEnd, endItem };
}

/** Whether a group row with leaves (`leafIds`) is read as one row: none of its leaves is among the ids of the labels found. */
function isUnsplitGroup(leafIds: readonly string[], hitIds: ReadonlySet<string>): boolean {
  return !leafIds.some((id) => hitIds.has(id));
}

/**
 * The note of a label found with a typo ("2.其他法律行政止公开", a near match): read as the nearest row, and
 * named. Only a label written in one piece: a near miss over several pieces is a label wrapped around other
 * text (the fragments of a vertical group label, numbers in PDF text); one that holds the whole label is a
 * fragment of other text run into it (a header cell before it) or a page footer inside it. Null otherwise.
 */
function labelVariant(stream: CellStream, label: RowLabelPlan, match: LabelMatch, labelStart: number, labelEnd: number): NoteRead | null {
  if (stream.keyItem[match.keyStart] !== stream.keyItem[match.keyEnd - 1] || holdsPattern(stream, match, label)) return null;
  return { kind: 'label-variant', start: labelStart, end: labelEnd, row: label.id, detail: stream.text.slice(labelStart, labelEnd).replace(/\s+/gu, '') };
}

/**
 * The rows read, settled: short rows placed by their columns' horizontal positions, glued rows decided by
 * the table's equations, and the notes of rows with surplus values or glued digits.
 */
function settleRows(stream: CellStream, plan: TablePlan, rows: Map<string, RowRead>, groupRows: Map<string, RowRead>, notes: NoteRead[]): void {
  const k = plan.table.leafColumns.length;
  const read = [...rows.values(), ...groupRows.values()];
  // Placing by position needs the horizontal positions of the lines and two columns (else nothing is placed).
  if (stream.linePosition !== undefined && k >= 2) {
    // A run-on row's numbers have no horizontal position: its line is the whole table.
    const positioned = read.map((row) => ({ alignment: row.alignment, spaced: hasLayout(row.layouts, 'space') && !row.runOn }));
    for (const [index, alignment] of alignByColumnPositions(stream, positioned, k)) {
      read[index].alignment = alignment;
      read[index].positioned = true;
    }
  }
  // Only ambiguous glued rows are decided by the table's equations.
  if (read.some((row) => row.alignment.glued === 'ambiguous')) {
    const entries = [...rows.values()].map((row) => ({ leafIndex: row.plan.leafIndex, alignment: row.alignment }));
    for (const [leafIndex, alignment] of resolveGluedRows(plan, entries)) {
      const row = [...rows.values()].find((r) => r.plan.leafIndex === leafIndex);
      if (row) row.alignment = alignment;
    }
  }
  for (let r = 0; r < read.length; r++) {
    const row = read[r];
    const a = row.alignment;
    if (a.extra || a.glued !== undefined) rowNotes(row, notes);
  }
}

/** The notes of a row read with surplus values or glued digits (see {@link settleRows}). */
function rowNotes(row: RowRead, notes: NoteRead[]): void {
  const a = row.alignment;
  const at = { start: row.labelStart, end: row.alignment.cells.at(-1)?.position ?? row.labelEnd };
  if (a.extra) notes.push({ kind: 'extra-values', ...at, row: row.plan.id });
  if (a.glued === 'split') notes.push({ kind: 'glued-split', ...at, row: row.plan.id });
  if (a.glued === 'ambiguous') notes.push({ kind: 'glued-ambiguous', ...at, row: row.plan.id });
}

interface LabelHit {
  label: RowLabelPlan;
  match: LabelMatch;
}

/**
 * The first displaced leaf row in text order, if the rows are not in template order: the rows outside a
 * longest run of rows in template order are the displaced ones ("四、结转下年度继续办理" written before
 * "三、本年度办理结果" is displaced; the rows after it are not).
 */
function firstOutOfOrder(hits: LabelHit[]): LabelHit | null {
  // Rows in template order (most tables): their longest run in order is all of them, found in one pass.
  let last = -1;
  let ordered = true;
  for (let i = 0; i < hits.length && ordered; i++) {
    if (!hits[i].label.leaf) continue;
    ordered = hits[i].label.leafIndex > last;
    last = hits[i].label.leafIndex;
  }
  if (ordered) return null;
  const leaves = hits.filter((h) => h.label.leaf);
  const n = leaves.length;
  const length = new Array<number>(n).fill(1);
  const previous = new Array<number>(n).fill(-1);
  let best = -1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (leaves[j].label.leafIndex < leaves[i].label.leafIndex && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
    if (best < 0 || length[i] > length[best]) best = i;
  }
  if (best < 0 || length[best] === n) return null;
  const kept = new Set<number>();
  for (let i = best; i >= 0; i = previous[i]) kept.add(i);
  const first = leaves.findIndex((_, i) => !kept.has(i));
  return first >= 0 ? leaves[first] : null;
}

/**
 * An unlabelled row written transposed: one line (or run of one-cell lines) per innermost column group,
 * its label followed by exactly the group's number of values ("行政复议 1 0 0 1 2", "未经复议直接起诉 0 0 0 1 1",
 * "复议后起诉 0 0 0 0 0" for the one row of fifteen). Every group must be found, in order; else null.
 */
function readTransposed(
  stream: CellStream,
  plan: TablePlan,
  from: number,
  to: number,
): { row: RowRead; endItem: number; end: number } | null {
  const groups = plan.leafGroups;
  if (!groups) return null;
  const items = stream.items;
  const key = stream.keyed.key;
  const cells: AlignedCell[] = [];
  let layouts = NO_LAYOUTS;
  let labelStart = -1;
  let labelEnd = -1;
  let next = from;
  for (const group of groups) {
    let taken: { slots: RowSlot[]; lastItem: number; start: number; end: number } | null = null;
    for (let i = next; i < to && !taken; i++) {
      const it = items[i];
      if (it.kind !== 'text') continue;
      for (const pattern of group.patterns) {
        const length = pattern.key.length;
        if (length === 0 || it.keyEnd - it.keyStart < length) continue;
        // The group label ends its text item; the values follow it.
        if (!key.startsWith(pattern.key, it.keyEnd - length)) continue;
        // More than the group's values on the label's line already rule the line out: read no further (on a
        // report of one line, the rest of the report).
        const got = collectAfter(stream, i, to, group.count, () => false, group.count + 1);
        const content = got.slots.filter((s) => s.kind !== 'empty');
        if (content.length !== group.count || content.some((s) => s.kind === 'invalid')) continue;
        layouts |= got.layouts;
        const at = it.keyEnd - length;
        taken = { slots: content, lastItem: got.lastItem, start: stream.keyed.starts[at], end: keyCharEnd(stream.text, stream.keyed, it.keyEnd - 1) };
        break;
      }
    }
    if (!taken) return null;
    if (labelStart < 0) {
      labelStart = taken.start;
      labelEnd = taken.end;
    }
    for (const slot of taken.slots) cells.push(newAlignedCell(slot, undefined, slot.start, false));
    next = taken.lastItem + 1;
  }
  const leaf = plan.leaves[0];
  const alignment = newRowAlignment(cells, false);
  const end = cells.length > 0 ? cells[cells.length - 1].slot!.end : labelEnd;
  return { row: newRowRead(leaf, labelStart, labelEnd, alignment, layouts, false, undefined), endItem: next, end };
}

/**
 * Anchors the row labels in the text items of [from, to), in text order. Labels are expected in
 * template order (the next ones may be found fuzzily, later ones exactly when earlier ones are
 * missing); a label the template puts earlier and that was not found yet is still taken when it occurs
 * exactly (rows written out of template order, e.g. "四、结转下年度继续办理" before "三、本年度办理结果").
 */
function anchorLabels(stream: CellStream, plan: TablePlan, from: number, to: number): LabelHit[] {
  const labels = plan.labels;
  const hits: LabelHit[] = [];
  const matched = new Array<boolean>(labels.length).fill(false);
  let unmatched = labels.length;
  const firstLeaf = labels.findIndex((l) => l.leaf && l.pattern !== null);
  let leavesFound = 0;
  let next = 0;
  let consumed = -1;
  for (let i = from; i < to && unmatched > 0; i++) {
    const it = stream.items[i];
    if (it.kind !== 'text' || consumed >= it.keyEnd) continue;
    // The first row label again after later rows: the table starts over (repeated after a page break).
    if (firstLeaf >= 0 && matched[firstLeaf] && leavesFound >= 2) {
      const again = matchLabelAt(stream, it.keyStart, labels[firstLeaf].pattern!, PLAIN);
      if (again?.quality === 'exact') break;
    }
    let p = Math.max(it.keyStart, consumed);
    while (p < it.keyEnd && unmatched > 0) {
      const hit =
        bestLabelAt(stream, labels, matched, next, p) ??
        labelInside(stream, labels, matched, next, p, it) ??
        earlierLabelAt(stream, labels, matched, next, p);
      if (!hit) break;
      hits.push({ label: labels[hit.index], match: hit.match });
      matched[hit.index] = true;
      unmatched--;
      if (labels[hit.index].leaf) leavesFound++;
      next = hit.index + 1;
      while (next < labels.length && matched[next]) next++;
      consumed = hit.match.keyEnd;
      p = consumed;
    }
  }
  return hits;
}

/** The label search's kinds of match (one object each, not one per call): every kind, or the key alone. */
const FUZZY: MatchOptions = { body: true, truncated: true, near: true };
const PLAIN: MatchOptions = { body: false, truncated: false, near: false };

/** A label at key position `p`: the expected ones fuzzily, later ones exactly; the best score wins. */
function bestLabelAt(
  stream: CellStream,
  labels: RowLabelPlan[],
  matched: boolean[],
  next: number,
  p: number,
): { index: number; match: LabelMatch } | null {
  let best: { index: number; match: LabelMatch } | null = null;
  // The next labels not found yet, fuzzily (the first of them alone when it is there exactly).
  let ahead = 0;
  let t = next;
  for (; t < labels.length && ahead <= LOOKAHEAD_FUZZY; t++) {
    if (matched[t]) continue;
    ahead++;
    const patterns = labels[t].patterns;
    // Index loops over the patterns here and below: see `tokenize` in report-lexer.ts.
    for (let i = 0; i < patterns.length; i++) {
      const match = matchLabelAt(stream, p, patterns[i], FUZZY);
      if (match && (!best || match.score > best.match.score)) best = { index: t, match };
    }
    if (best && best.match.score >= 4 && t === next) return best;
  }
  // The later ones exactly: only those with a pattern starting as the text at `p` does.
  const later = patternsStartingWith(labels, stream.keyed.key.charCodeAt(p));
  for (let i = 0; i < later.length; i++) {
    const { label, pattern } = later[i];
    if (label < t || matched[label]) continue;
    const match = matchLabelAt(stream, p, pattern, PLAIN);
    if (match && (!best || match.score > best.match.score)) best = { index: label, match };
  }
  return best;
}

/** A label the template puts before `next`, not found yet, written exactly at key position `p`. */
function earlierLabelAt(
  stream: CellStream,
  labels: RowLabelPlan[],
  matched: boolean[],
  next: number,
  p: number,
): { index: number; match: LabelMatch } | null {
  const earlier = patternsStartingWith(labels, stream.keyed.key.charCodeAt(p));
  for (let i = 0; i < earlier.length && earlier[i].label < next; i++) {
    const { label, pattern } = earlier[i];
    if (matched[label]) continue;
    const match = matchLabelAt(stream, p, pattern, PLAIN);
    if (match?.quality === 'exact') return { index: label, match };
  }
  return null;
}

/**
 * An expected label that starts inside a longer text item ("三、本年度办理结果 （一）予以公开"; "公开    3.危及“三
 * 安全一" in PDF text, where a fragment of a merged group cell precedes the row label). The label may run on
 * into the following items (a label wrapped onto the next line). A short label must start a word (after
 * whitespace) and end its item, so "其他" is not found inside "其他结果".
 */
function labelInside(
  stream: CellStream,
  labels: RowLabelPlan[],
  matched: boolean[],
  next: number,
  p: number,
  item: StreamItem,
): { index: number; match: LabelMatch } | null {
  const key = stream.keyed.key;
  let best: { index: number; match: LabelMatch } | null = null;
  let ahead = 0;
  for (let t = next; t < labels.length && ahead <= LOOKAHEAD_FUZZY; t++) {
    if (matched[t]) continue;
    ahead++;
    const patterns = labels[t].patterns;
    for (let i = 0; i < patterns.length; i++) {
      const pattern = patterns[i];
      const length = pattern.key.length;
      if (length < 2) continue;
      const window = key.slice(p + 1, Math.min(key.length, item.keyEnd + (length >= SHORT_INSIDE ? length - 1 : 0)));
      const found = window.indexOf(pattern.key);
      if (found < 0) continue;
      const at = p + 1 + found;
      if (length < SHORT_INSIDE && !(startsWord(stream, at) && at + length === item.keyEnd)) continue;
      if (!best || at < best.match.keyStart) {
        best = { index: t, match: { quality: 'exact', score: 3.5, keyStart: at, keyEnd: at + length } };
      }
    }
  }
  return best;
}

/** Labels shorter than this are found inside an item only as a whole word. */
const SHORT_INSIDE = 4;

/** Whether the key character at `at` starts a word of the text (whitespace before it). */
function startsWord(stream: CellStream, at: number): boolean {
  const offset = stream.keyed.starts[at];
  if (offset === undefined || offset === 0) return true;
  return /[\s\u00a0\u3000]/u.test(stream.text[offset - 1]);
}

/**
 * Numbers written on a group's own line ("（三）不予公开 | 2 | 0 | … | 2"): a group has no cells, so they are
 * read nowhere. Only the label's line counts; null when it holds no number.
 */
function groupRowFigures(stream: CellStream, labelItem: number, stop: number): { end: number; text: string } | null {
  const items = stream.items;
  const line = items[labelItem].line;
  const values: StreamItem[] = [];
  for (let i = labelItem + 1; i < stop && items[i].line === line; i++) if (items[i].kind === 'value') values.push(items[i]);
  if (values.length === 0) return null;
  return { end: values[values.length - 1].end, text: values.map((v) => stream.text.slice(v.start, v.end).trim()).join(' ') };
}

function isFilled(slot: RowSlot): boolean {
  return slot.kind === 'value' || slot.kind === 'blank';
}

/**
 * The slots standing between the pieces of a label wrapped over several lines, when the numbers sit on
 * the label's first line ("1.申请人无正当理  0 0 0 0 1 0 1" / "由逾期不补正、行" / …, a PDF of a table whose
 * cells are aligned to the top). Null when the label is on one line or nothing stands inside it.
 */
function slotsInsideLabel(stream: CellStream, firstItem: number, lastItem: number): Omit<Collected, 'lastItem'> | null {
  if (lastItem <= firstItem) return null;
  const slots: RowSlot[] = [];
  let layouts = NO_LAYOUTS;
  for (let i = firstItem + 1; i < lastItem; i++) {
    const it = stream.items[i];
    if (it.kind === 'text') continue;
    slots.push(toSlot(stream, it));
    layouts |= layoutBit(stream.lines[it.line].layout);
  }
  return slots.some(isFilled) ? { slots, layouts } : null;
}

function toSlot(stream: CellStream, it: StreamItem): RowSlot {
  const kind = it.kind === 'text' ? 'invalid' : it.kind;
  return { kind, start: it.start, end: it.end, text: stream.text.slice(it.start, it.end).trim() };
}

interface Collected {
  slots: RowSlot[];
  lastItem: number;
  layouts: LayoutSet;
}

/**
 * Slots after a row label (item `labelItem`) and before item `stop`. On the label's line, at most
 * `contentLimit` slots that are not empty (the line's reading stops there): for a caller to whom that many
 * already says enough.
 */
function collectAfter(
  stream: CellStream,
  labelItem: number,
  stop: number,
  k: number,
  isFurniture: (line: number) => boolean,
  contentLimit = Number.POSITIVE_INFINITY,
): Collected {
  const items = stream.items;
  const line = items[labelItem].line;
  const slots: RowSlot[] = [];
  let layouts = NO_LAYOUTS;
  let i = labelItem + 1;
  let lastItem = labelItem;
  let content = 0;
  while (i < stop && items[i].line === line && content < contentLimit) {
    const slot = toSlot(stream, items[i]);
    slots.push(slot);
    if (slot.kind !== 'empty') content++;
    lastItem = i;
    i++;
  }
  if (slots.length > 0) {
    layouts |= layoutBit(stream.lines[line].layout);
    if (slots.length >= k) return { slots, lastItem, layouts };
    // A short separated row may continue on lines of bare values (a wrapped line).
    const more = collectFrom(stream, i, stop, k - slots.length, false, isFurniture);
    if (more.slots.length > 0) {
      for (const slot of more.slots) slots.push(slot);
      lastItem = more.lastItem;
      layouts |= more.layouts;
    }
    return { slots, lastItem, layouts };
  }
  const rest = collectFrom(stream, i, stop, k, true, isFurniture);
  return { slots: rest.slots, lastItem: rest.lastItem === -1 ? labelItem : rest.lastItem, layouts: rest.layouts };
}

/**
 * Slots from item `from` on, line by line, while lines hold no text, until `k` slots (non-empty ones when
 * `countFilled`, as in one-cell-per-line layouts where empty lines are layout) are collected. Once some
 * values are in, a line of page furniture (a running header or footer, per `isFurniture`) is stepped over.
 */
function collectFrom(
  stream: CellStream,
  from: number,
  stop: number,
  k: number,
  countFilled: boolean,
  isFurniture?: (line: number) => boolean,
): Collected {
  const items = stream.items;
  const slots: RowSlot[] = [];
  let layouts = NO_LAYOUTS;
  let lastItem = -1;
  let count = 0;
  let skipped = 0;
  let i = from;
  while (i < stop && count < k) {
    const lineIndex = items[i].line;
    const line = stream.lines[lineIndex];
    if (line.hasText) {
      const textOnly = line.endItem - line.firstItem === 1;
      if (!(count > 0 && textOnly && skipped < MAX_FURNITURE_LINES && isFurniture?.(lineIndex))) break;
      skipped++;
      i = line.endItem;
      continue;
    }
    const lineEnd = Math.min(stop, line.endItem);
    for (; i < lineEnd; i++) {
      const slot = toSlot(stream, items[i]);
      slots.push(slot);
      lastItem = i;
      if (!countFilled || slot.kind !== 'empty') count++;
    }
    layouts |= layoutBit(line.layout);
    i = Math.max(i, line.endItem);
  }
  return { slots, lastItem, layouts };
}

/**
 * Where the unlabelled row starts: the first line in [from, to) that holds a value or blank and no text,
 * or that starts with a short text (a row caption such as "件数") followed by at least half a row of
 * values. Returns the item of its first slot, or -1.
 */
function findValueLine(stream: CellStream, from: number, to: number, k: number): number {
  for (let i = from; i < to; ) {
    const line = stream.lines[stream.items[i].line];
    let firstSlot = -1;
    let filled = 0;
    let textAfterSlot = false;
    for (let j = Math.max(from, line.firstItem); j < Math.min(to, line.endItem); j++) {
      const kind = stream.items[j].kind;
      if (kind === 'text') {
        if (firstSlot >= 0) textAfterSlot = true;
        continue;
      }
      if (firstSlot < 0 && kind !== 'empty') firstSlot = j;
      if (kind === 'value' || kind === 'blank') filled++;
    }
    if (firstSlot >= 0 && !textAfterSlot && (!line.hasText || filled >= Math.max(2, Math.ceil(k / 2)))) {
      return line.hasText ? firstSlot : Math.max(from, line.firstItem);
    }
    i = Math.max(i + 1, line.endItem);
  }
  return -1;
}

/**
 * Whether a text-only line is page furniture rather than part of the table: it matches none of the
 * table's row labels (exactly, without enumerator, truncated or as a near miss).
 */
function furnitureTest(stream: CellStream, plan: TablePlan): (line: number) => boolean {
  return (lineIndex) => {
    const line = stream.lines[lineIndex];
    const item = stream.items[line.firstItem];
    if (!item || item.kind !== 'text') return false;
    for (const label of plan.labels) {
      for (const pattern of label.patterns) {
        if (matchLabelAt(stream, item.keyStart, pattern, { truncated: true, near: true })) return false;
        if (pattern.key.length >= 4 && stream.keyed.key.slice(item.keyStart, item.keyEnd).includes(pattern.key)) return false;
      }
    }
    return true;
  };
}

/**
 * A unit written in a field of its own after a number ("3414.41", "万元") belongs to the number. `slots`
 * itself when no unit follows a number (most rows): no copy of it.
 */
function mergeUnitFields(stream: CellStream, slots: RowSlot[]): RowSlot[] {
  let merges = false;
  for (let i = 1; i < slots.length && !merges; i++) merges = slots[i].kind === 'invalid' && slots[i - 1].kind === 'value';
  if (!merges) return slots;
  const out: RowSlot[] = [];
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    const previous = out[out.length - 1];
    if (slot.kind === 'invalid' && previous?.kind === 'value' && isUnitWord(slot.text)) {
      out[out.length - 1] = { ...previous, end: slot.end, text: stream.text.slice(previous.start, slot.end) };
    } else out.push(slot);
  }
  return out;
}

/** Whether the row at item `item` was restored from text without line structure and has no cell separators. */
function isRunOn(stream: CellStream, item: number): boolean {
  const line = stream.lines[stream.items[item]?.line ?? -1];
  return line?.runOn === true && (line.layout === 'single' || line.layout === 'space');
}

/**
 * Whether the key of a label's match, page footers left out ("第3页", "-3-"), holds one of the label's
 * patterns whole: a near miss that does is a fragment of other text run into the label, not a typo.
 */
function holdsPattern(stream: CellStream, match: LabelMatch, label: RowLabelPlan): boolean {
  const matched = stream.keyed.key.slice(match.keyStart, match.keyEnd).replace(/第\d{1,4}页|[-—–－~]\d{1,4}[-—–－~]/gu, '');
  return label.patterns.some((p) => p.key !== '' && matched.includes(p.key));
}

function align(plan: TablePlan, row: RowLabelPlan, slots: RowSlot[], at: number, stream: CellStream, runOn = false): RowAlignment {
  slots = mergeUnitFields(stream, slots);
  const options: AlignOptions = { equations: plan.rowEquations.get(row.id) ?? NO_EQUATIONS, at, numberOf: slotNumber };
  if (plan.spans) options.spans = plan.spans;
  if (runOn) options.runOn = runOn;
  return alignRow(slots, plan.table.leafColumns.length, options);
}

const NO_EQUATIONS: RowEquation[] = [];
const DECIMAL: CellType = { kind: 'decimal' };

/** The number a value slot holds, for the row equations (see `AlignOptions.numberOf`). */
function slotNumber(slot: RowSlot): number | null {
  if (slot.kind !== 'value') return null;
  return plainCellNumber(slot.text, DECIMAL) ?? readCellValue(slot.text, DECIMAL).value;
}

/**
 * Checks the column header (the text items between the table start and its first row) against the
 * template's column labels: single scattered characters that match nothing are a garbled header; labels
 * cut short ("结果", "尚未") a truncated one.
 */
function checkHeader(stream: CellStream, plan: TablePlan, from: number, to: number): NoteRead[] {
  // The header's key pieces, joined: most headers spell out every column, and then no piece is kept.
  let header = '';
  let pieceCount = 0;
  for (let i = from; i < to; i++) {
    const k = headerPieceKey(stream, plan, i);
    if (k === null) continue;
    header += k;
    pieceCount++;
  }
  if (pieceCount === 0 || plan.leafColumnKeys.length === 0) return [];
  // Leaf labels that the header does not spell out in full.
  const { needed, total } = headerNeeds(plan);
  let missing = 0;
  const missingKeys: string[] = [];
  for (let n = 0; n < needed.length; n++) {
    const { key: k, alternatives, count } = needed[n];
    let have = -Infinity;
    for (let a = 0; a < alternatives.length; a++) have = Math.max(have, countOccurrences(header, alternatives[a]));
    if (have < count) {
      missing += count - have;
      missingKeys.push(k);
    }
  }
  if (missing === 0) return [];
  const pieces: { key: string; start: number; end: number }[] = [];
  for (let i = from; i < to; i++) {
    const k = headerPieceKey(stream, plan, i);
    if (k !== null) pieces.push({ key: k, start: stream.items[i].start, end: stream.items[i].end });
  }
  const range = { start: pieces[0].start, end: pieces[pieces.length - 1].end };
  const single = pieces.filter((p) => [...p.key].length === 1).length;
  if (pieces.length >= 3 && single / pieces.length >= 0.6 && missing / total > 0.5) {
    return [{ kind: 'header-garbled', ...range, detail: pieces.map((p) => p.key).join(' ').slice(0, 80) }];
  }
  const cut = pieces.filter(
    (p) =>
      !plan.columnKeys.includes(p.key) &&
      p.key.length >= 1 &&
      missingKeys.some((k) => k.length > p.key.length && k.startsWith(p.key)),
  );
  if (cut.length > 0) {
    return [{ kind: 'header-truncated', ...range, detail: cut.map((p) => p.key).join(' ').slice(0, 80) }];
  }
  return [];
}

/** The key of item `i` as a piece of a column header, or null when it is none (not text, empty, the caption, the corner). */
function headerPieceKey(stream: CellStream, plan: TablePlan, i: number): string | null {
  const it = stream.items[i];
  if (it.kind !== 'text') return null;
  const k = stream.keyed.key.slice(it.keyStart, it.keyEnd);
  if (k === '') return null;
  if (plan.caption && k.includes(plan.caption.key)) return null;
  if (plan.corner && k === plan.corner.key) return null;
  return k;
}

/** What a header must spell out: each leaf column label (by its first key), how often, in its alternatives. */
interface HeaderNeeds {
  needed: { key: string; alternatives: string[]; count: number }[];
  /** The number of leaf columns with a label. */
  total: number;
}

const headerNeedsOf = new WeakMap<TablePlan, HeaderNeeds>();

/** The {@link HeaderNeeds} of a plan, worked out once per plan (i.e. per template). */
function headerNeeds(plan: TablePlan): HeaderNeeds {
  let known = headerNeedsOf.get(plan);
  if (known === undefined) {
    const byKey = new Map<string, { key: string; alternatives: string[]; count: number }>();
    for (const keys of plan.leafColumnKeys) {
      if (keys.length === 0) continue;
      const entry = byKey.get(keys[0]) ?? { key: keys[0], alternatives: keys, count: 0 };
      entry.count++;
      byKey.set(keys[0], entry);
    }
    known = { needed: [...byKey.values()], total: plan.leafColumnKeys.filter((k) => k.length > 0).length };
    headerNeedsOf.set(plan, known);
  }
  return known;
}

const COLUMN_UNIT = /[（(]\s*(?:单位\s*[:：]?\s*)?(亿元|万元|千元|元)\s*[)）]/;
const TABLE_UNIT = /^[（(]?\s*(?:金额)?单位\s*[:：]\s*(亿元|万元|千元|元)\s*[)）]?$/;

/**
 * The money unit each money column's header states: "采购总金额（万元）", "本年收费金额（单位：万元）", or a
 * table-wide "（单位：万元）" line. Values written without a unit are read in it.
 */
function findHeaderUnits(stream: CellStream, plan: TablePlan, from: number, to: number): (string | undefined)[] {
  const types = plan.cellGrid[0]?.map((c) => c.type) ?? [];
  if (!types.some((t) => t.kind === 'money')) return [];
  const key = stream.keyed.key;
  const texts: { key: string; text: string }[] = [];
  for (let i = from; i < to; i++) {
    const it = stream.items[i];
    if (it.kind === 'text') texts.push({ key: key.slice(it.keyStart, it.keyEnd), text: stream.text.slice(it.start, it.end) });
  }
  const tableUnit = texts.map((t) => TABLE_UNIT.exec(t.text.trim())?.[1]).find((u) => u !== undefined);
  return plan.leafColumnKeys.map((alternatives, c) => {
    if (types[c]?.kind !== 'money') return undefined;
    const header = texts.find((t) => alternatives.some((a) => a !== '' && t.key.includes(a)));
    return (header && COLUMN_UNIT.exec(header.text)?.[1]) ?? tableUnit;
  });
}

function countOccurrences(text: string, key: string): number {
  let n = 0;
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + key.length)) n++;
  return n;
}
