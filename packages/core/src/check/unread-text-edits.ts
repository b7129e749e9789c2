import type { TextEdit } from '../diagnostics/diagnostic.js';
import type { ParsedReport, ReportSection } from '../model/report.js';
import { findSectionHeadings, type HeadingMatch } from '../parse/section-headings.js';
import { mapsOneToOne } from '../read/text-view-builder.js';
import type { TextView } from '../read/text-view.js';
import { rangeToOriginal, snapRange } from '../read/view-range.js';
import { editMover, movedReport, type CellEditIndex } from './cell-edits.js';
import { placedWithoutPositions, sortedEdits } from './same-view-edits.js';

/**
 * Re-reading a report after edits in text the parser reads no table from, without parsing it again.
 *
 * Deleting a converter's leftover in prose ("[bookmark: _GoBack]") or rewording a section heading changes
 * text that no table is read from. The parser reads tables only in the zones between section headings
 * (see `parseReport`), so parsing the edited text finds the same tables, rows and cells, moved by the
 * edits' change in length, and the same headings (their wording and ranges maybe changed) — provided:
 * - the normalised view maps every offset to itself, before and after the edits (`mapsOneToOne`: only
 *   replacements of the same length, such as width folds), so the view and the source text change in the
 *   same stretch (the edits, and the characters the view has otherwise, found by comparing the two views)
 *   and a view offset outside it is the same source offset, moved by the change in length after it;
 * - every zone a table may be read from (`CellEditIndex.readZones`: the parser's zones, or zones that
 *   contain them) lies apart from that stretch (at least one character away, so no range end snapped
 *   off a character pair reads into it); no `&` stands in the 8 characters before it (a hard space
 *   written as an entity is looked for over 9 characters); and a zone after the stretch starts on a
 *   later source line, so the horizontal positions of its offsets on their lines are the same, or the
 *   parse placed no number by its horizontal position (a text without line breaks, where every zone
 *   shares the stretch's line: see `placedWithoutPositions` in same-view-edits.ts);
 * - the section headings found in the edited text are those before, on the same lines, moved (found
 *   again and compared): the zones are then the same, moved;
 * - each section with a heading was cut as `parseBody` cuts it without a later section's inferred start
 *   (its heading and ranges made again from the headings before equal the parse's): it is then made from
 *   the headings after the edits the same way (the wording and match of a reworded heading are new).
 * The template detection is not carried over (a heading's wording may count as a marker). When any of
 * these does not hold, {@link reparseUnreadEdits} returns null and the caller parses the text.
 * The differential test (test/check/unread-text-edits.test.ts) compares this with the parser.
 */

/**
 * The parsed report of `text` (the checked text with `edits` applied, normalised to `after`), made from
 * the report of the check in `index` when the edits lie in text no table is read from (see above); null
 * otherwise.
 */
export function reparseUnreadEdits(index: CellEditIndex, edits: readonly TextEdit[], text: string, after: TextView): ParsedReport | null {
  const { report, normalized, template } = index.base;
  const source = report.source.text;
  if (report.parseFailure !== undefined || edits.length === 0) return null;
  if (normalized.text.length !== source.length || after.text.length !== text.length) return null;
  if (!mapsOneToOne(normalized) || !mapsOneToOne(after)) return null;
  const sorted = sortedEdits(edits);
  if (!sorted || !appliedTo(source, sorted, text)) return null;
  const delta = text.length - source.length;
  // The stretch [lo, hi) of the text before the edits where the source or the view changes (after the
  // edits: [lo, hi + delta)); outside it both are the same, moved by `delta` after it.
  const before = normalized.text;
  const now = after.text;
  const shortest = Math.min(before.length, now.length);
  // The texts agree before the first edit and after the last, mostly: compared there as wholes first.
  let lo = commonPrefixLength(before, now, sorted[0].range.start);
  const tail = commonSuffixLength(before, now, shortest - lo, before.length - sorted[sorted.length - 1].range.end);
  lo = Math.min(lo, sorted[0].range.start);
  const hi = Math.max(before.length - tail, sorted[sorted.length - 1].range.end);
  if (hi + delta < lo) return null;
  const zones = index.readZones();
  if (!zones) return null;
  // A zone after the stretch on the stretch's line (a text without line breaks): its offsets' horizontal
  // positions on the line moved, which matters only to a parse that placed numbers by position.
  let positionsMoved = false;
  for (const zone of zones) {
    if (zone.end < lo) continue;
    if (zone.start <= hi) return null;
    if (text.lastIndexOf('\n', zone.start + delta - 1) < hi + delta) positionsMoved = true;
  }
  if (positionsMoved && !placedWithoutPositions(report)) return null;
  for (let i = Math.max(0, lo - 8); i < lo; i++) if (source.charCodeAt(i) === 0x26) return null;
  const headings = index.headings();
  const found = findSectionHeadings(now, template.sections);
  const move = (offset: number): number => (offset <= lo ? offset : offset >= hi ? offset + delta : -1);
  if (found.length !== headings.length) return null;
  for (let i = 0; i < found.length; i++) {
    const [was, is] = [headings[i], found[i]];
    if (is.section !== was.section || is.lineStart !== move(was.lineStart) || is.lineEnd !== move(was.lineEnd)) return null;
  }
  const moved = movedReport(report, text, editMover(sorted), new Map(), () => false);
  if (!moved) return null;
  const sections: ReportSection[] = [];
  for (let s = 0; s < template.sections.length; s++) {
    const was = headings.find((h) => h.section === s);
    if (!was) {
      sections.push(moved.sections[s]);
      continue;
    }
    const id = template.sections[s].id;
    if (JSON.stringify(headedSection(normalized, source, id, was, headings)) !== JSON.stringify(report.sections[s])) return null;
    sections.push(headedSection(after, text, id, found.find((h) => h.section === s)!, found));
  }
  return { ...moved, sections };
}

/**
 * How many units `a` and `b` begin with alike: their first `hint` units compared as a whole (one native
 * comparison, where they mostly agree), then unit by unit.
 */
function commonPrefixLength(a: string, b: string, hint: number): number {
  const shortest = Math.min(a.length, b.length);
  let n = 0;
  if (hint > 0 && hint <= shortest && a.slice(0, hint) === b.slice(0, hint)) n = hint;
  while (n < shortest && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** How many units, at most `max`, `a` and `b` end with alike: their last `hint` compared as a whole first. */
function commonSuffixLength(a: string, b: string, max: number, hint: number): number {
  let n = 0;
  const whole = Math.min(hint, max);
  if (whole > 0 && a.slice(a.length - whole) === b.slice(b.length - whole)) n = whole;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** Whether `text` is `source` with the `edits` (sorted, not overlapping) applied. */
function appliedTo(source: string, edits: readonly TextEdit[], text: string): boolean {
  let from = 0;
  let at = 0;
  for (const { range, newText } of edits) {
    const kept = range.start - from;
    if (!text.startsWith(source.slice(from, range.start), at) || !text.startsWith(newText, at + kept)) return false;
    at += kept + newText.length;
    from = range.end;
  }
  return text.length - at === source.length - from && text.endsWith(source.slice(from));
}

/**
 * The section `id` with heading `heading` as `parseBody` makes it from the headings of `view` (of the
 * source text `source`), before a later section's inferred start may shorten it.
 */
function headedSection(view: TextView, source: string, id: string, heading: HeadingMatch, headings: readonly HeadingMatch[]): ReportSection {
  const map = (start: number, end: number) => snapRange(source, rangeToOriginal(view, { start, end }));
  const next = headings.find((h) => h.section > heading.section);
  const zoneEnd = next ? next.lineStart : view.text.length;
  return {
    id,
    heading: { text: heading.text, range: map(heading.start, heading.end) },
    match: heading.match,
    range: map(heading.start, zoneEnd),
    bodyRange: map(heading.lineEnd, zoneEnd),
  };
}
