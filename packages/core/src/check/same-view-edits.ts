import type { TextEdit } from '../diagnostics/diagnostic.js';
import type { ParsedReport } from '../model/report.js';
import type { TextView } from '../read/text-view.js';
import { offsetWalk } from '../read/text-view-builder.js';
import { editMover, movedReport, type CellEditIndex } from './cell-edits.js';

/**
 * Re-reading a report after edits its normalised text does not see, without parsing it again.
 *
 * Deleting an injected Pinyin reading ("規(guī)定" → "規定") leaves the normalised view as it was: the
 * normaliser removes the readings itself. The parser reads the view, so parsing the edited text finds
 * the same sections, tables, rows and cells at the same view offsets; only where they are in the source
 * text changes, by the edits' change in length. That holds when what the parser takes from the source
 * text itself, besides the view, is the same:
 * - the view's offset map: every offset of the view maps, before the edits, to no offset inside an edited
 *   range (nor its start: a character the edits remove), and, after them, to that offset moved through
 *   the edits (checked offset by offset, both the start and the end map). Moving is then strictly
 *   increasing on what the parse maps, so the parse's comparisons of mapped offsets come out the same;
 * - the snapping of mapped ranges off CRLF pairs and surrogate pairs: no edit starts after a CR or a high
 *   surrogate, nor ends before an LF or a low surrogate, so no snap differs at an edit's ends;
 * - the hard spaces (Word's filler of an empty cell) the cell stream tests the source characters for: the
 *   character behind a view offset is the same one, and no `&` stands in the 8 characters before an edit
 *   (an entity `&nbsp;` is looked for over 9);
 * - horizontal positions on the source lines, which an edit on a line changes after it: the parser places
 *   numbers by position only in rows it cannot place otherwise (guessed cells), which then come out
 *   `guess` or `position`; with no such row in any table, and no table read twice (a `repeated` note) or
 *   with surplus values (an `extra-values` note, placed by the same pass), no position was used.
 * Template detection reads the view's text alone, so it is the same too. When any of these does not hold,
 * {@link reparseSameView} returns null and the caller parses the text.
 * The differential test (test/check/same-view-edits.test.ts) compares this with the parser.
 */

/**
 * The parsed report of `text` (the checked text with `edits` applied, normalised to `after`), made from
 * the report of the check in `index` when `after` reads as its view did (see above); null otherwise.
 */
export function reparseSameView(index: CellEditIndex, edits: readonly TextEdit[], text: string, after: TextView): ParsedReport | null {
  const { report, normalized } = index.base;
  if (report.parseFailure !== undefined || edits.length === 0 || after.text !== normalized.text) return null;
  const sorted = sortedEdits(edits);
  if (!sorted || !inertEnds(report.source.text, sorted) || !placedWithoutPositions(report)) return null;
  if (!mapsMoved(normalized, after, sorted)) return null;
  return movedReport(report, text, editMover(sorted), new Map(), () => false);
}

/** The edits (duplicates once) in text order, when none is empty and none overlaps another; else null. */
export function sortedEdits(edits: readonly TextEdit[]): TextEdit[] | null {
  const unique = new Map<string, TextEdit>();
  for (const edit of edits) unique.set(`${edit.range.start}:${edit.range.end}:${edit.newText}`, edit);
  const sorted = [...unique.values()].sort((a, b) => a.range.start - b.range.start);
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i].range.end <= sorted[i].range.start) return null;
    if (i > 0 && sorted[i].range.start < sorted[i - 1].range.end) return null;
  }
  return sorted;
}

/**
 * Whether no edit of `source` starts after a CR or a high surrogate, or ends before an LF or a low
 * surrogate (where a range's end would be snapped), and no `&` stands in the 8 characters before one.
 */
function inertEnds(source: string, edits: readonly TextEdit[]): boolean {
  for (const { range } of edits) {
    if (range.start > 0) {
      const before = source.charCodeAt(range.start - 1);
      if (before === 0x0d || (before >= 0xd800 && before <= 0xdbff)) return false;
    }
    if (range.end < source.length) {
      const after = source.charCodeAt(range.end);
      if (after === 0x0a || (after >= 0xdc00 && after <= 0xdfff)) return false;
    }
    for (let i = Math.max(0, range.start - 8); i < range.start; i++) if (source.charCodeAt(i) === 0x26) return false;
  }
  return true;
}

const placedByLayout = new WeakMap<ParsedReport, boolean>();

/**
 * Whether the parse of `report` placed no number by its horizontal position: no row of a table read
 * `guess` or `position`, and no table read twice or with surplus values (see the module comment).
 */
export function placedWithoutPositions(report: ParsedReport): boolean {
  let free = placedByLayout.get(report);
  if (free === undefined) {
    free = report.tables.every(
      (table) =>
        !table.found ||
        (table.notes.every((note) => note.kind !== 'repeated' && note.kind !== 'extra-values') &&
          [...table.rows, ...(table.groups ?? [])].every((row) => row.confidence !== 'guess' && row.confidence !== 'position')),
    );
    placedByLayout.set(report, free);
  }
  return free;
}

/**
 * Whether every offset of the view maps, in `after`, to where it mapped in `before` moved through `edits`
 * (both the start and the end map), `before`'s starts never inside an edited range nor at its start, its
 * ends never strictly inside one. The two views have the same text.
 */
function mapsMoved(before: TextView, after: TextView, edits: readonly TextEdit[]): boolean {
  const n = before.text.length;
  // Both views' offsets are mapped in increasing order: walked run by run (see `offsetWalk`).
  const was = offsetWalk(before);
  const is = offsetWalk(after);
  // The maps are monotonic: one pass over the edits for the starts, one for the ends.
  let startEdit = 0;
  let startDelta = 0;
  let lastStart = -1;
  let endEdit = 0;
  let endDelta = 0;
  let lastEnd = -1;
  for (let v = 0; v <= n; v++) {
    const start = was.start(v);
    if (start < lastStart) return false;
    lastStart = start;
    while (startEdit < edits.length && edits[startEdit].range.end <= start) {
      const { range, newText } = edits[startEdit++];
      startDelta += newText.length - (range.end - range.start);
    }
    if (startEdit < edits.length && edits[startEdit].range.start <= start) return false;
    if (is.start(v) !== start + startDelta) return false;
    const end = was.end(v);
    if (end < lastEnd) return false;
    lastEnd = end;
    while (endEdit < edits.length && edits[endEdit].range.end <= end) {
      const { range, newText } = edits[endEdit++];
      endDelta += newText.length - (range.end - range.start);
    }
    if (endEdit < edits.length && edits[endEdit].range.start < end) return false;
    if (is.end(v) !== end + endDelta) return false;
    // The offsets after `v` that both views map on one to one (see `OffsetWalk.span`), with no edit
    // starting among their starts or ends, pass as `v` did: each maps to `start` plus its distance from `v`
    // in both views (increasing), moved by the same change in length. They are passed over at once.
    const span = Math.min(was.span(v), is.span(v), n - v);
    if (span > 1 && startDelta === endDelta && end <= start + 1) {
      const last = start + span;
      if ((startEdit === edits.length || edits[startEdit].range.start > last) && (endEdit === edits.length || edits[endEdit].range.start >= last)) {
        lastStart = last;
        lastEnd = last;
        v += span;
      }
    }
  }
  return true;
}
