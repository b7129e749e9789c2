import type { TextEdit } from '../diagnostics/diagnostic.js';
import type { TemplateIR } from '../ir/template-ir.js';
import type { OffsetRange, ParsedReport, ReportCell, ReportGroupRow, ReportRow, ReportSection, ReportTable, TemplateDetection } from '../model/report.js';
import { buildCellStream, type CellStream, type CellStreamOptions } from '../parse/cell-stream.js';
import { isUnitWord } from '../parse/cell-value.js';
import { charKey, matchKey } from '../parse/match-key.js';
import { findRunOnBreaks, mayRunOn } from '../parse/one-line-runs.js';
import { findSectionHeadings, lineMayHoldHeading, type HeadingMatch } from '../parse/section-headings.js';
import { tablePlans, type TablePlan } from '../parse/table-plan.js';
import type { TextView } from '../read/text-view.js';
import { rangeToOriginal } from '../read/view-range.js';
import { viewRangeOf } from '../validate/text-ranges.js';
import { reportInfoReach } from '../detect/report-info.js';

/**
 * Re-reading a report after a fix that only rewrites numbers in table cells, without parsing it again.
 *
 * Most suggested fixes replace the digits of one or a few cells ("12" → "15"). Parsing the edited text
 * finds the same sections, tables, rows and cells, with the edited cells' new values and every range
 * after an edit moved by the change in length — provided the edit cannot change how the text is cut up:
 * - each edit replaces exactly the text of one cell, a plain run of digits read as a number without a
 *   unit, on a row read `exact` (one field per column: placed by layout alone, never by its values), with
 *   a plain run of digits; the cell's neighbours in the normalised text are separators (TAB, line break,
 *   pipe, spaces) or the text's ends, so the lexer cuts the same tokens with the new digits;
 * - the normalised text after the edit is the normalised text before it with just those digits changed;
 * - the cell's table has no row whose reading used other rows' values (glued digits split by the table's
 *   equations: `split`, `unread`) and, when the edit changes the length, none placed or guessed by
 *   horizontal position (`position`, `guess`), which the columns' measured positions decide;
 * - the one-line runs family cuts the lines of the zones the edited table may be read from at the same
 *   places before and after the edit, moved (it cuts rows at labels found on a key that keeps the digits,
 *   so a cell's last digit can become the next row's enumerator; the places are computed after the edit
 *   and compared): a section's zone runs from its heading to the next heading, or, for a section whose
 *   heading is missing, from somewhere after the last heading before it, so there no line of the widest
 *   such zone may run on; an appendix table (of a template whose sections read no table) is read from the
 *   end of the last heading line to the end of the text, else from its start: both are compared; no
 *   other row of any table shares the edited line;
 * - neither the edited line before nor after the edit could be a section heading (the heading finder
 *   judges lines one by one), and the cell stream cuts the edited line and the next one into the same
 *   items before and after it, as each zone's stream cuts them (its unit-word cells and virtual line
 *   breaks; page numbers, a label broken after its enumerator and converter layout lines are told by
 *   their digits);
 * - no range of a section heading or table note with text of its own overlaps the edit.
 * When any of these does not hold, {@link reparseCellEdits} returns null and the caller parses the text.
 * The differential test (test/check/cell-edits.test.ts) compares this with the parser on real reports.
 */

/** A plain number as the cell reader reads it directly (see `readCellValue`). */
const PLAIN = /^[0-9]{1,15}$/;

/** Characters the report lexer cuts a number off at without joining anything to it. */
function isSeparator(c: number): boolean {
  return (
    c === 0x09 || // TAB
    c === 0x0a ||
    c === 0x0d ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x7c || // |
    c === 0xff5c || // ｜
    c === 0x2502 || // │
    c === 0x2503 || // ┃
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0x0c ||
    c === 0x0b ||
    c === 0x2002 ||
    c === 0x2003 ||
    c === 0x2009 ||
    c === 0x200b ||
    c === 0xfeff
  );
}

/** How many look-ups of {@link CellEditIndex.cellAt} go through the cells before it indexes them. */
const DIRECT_LOOKUPS = 8;

/** A cell of the report and where it sits. */
interface CellPlace {
  table: ReportTable;
  row: ReportRow;
  index: number;
}

/** What {@link reparseCellEdits} needs of the report as checked: its parse and normalised view. */
export interface CellEditBase {
  report: ParsedReport;
  /** The normalised view the report was parsed from (made from the source text as a re-check makes it). */
  normalized: TextView;
  template: TemplateIR;
  /** The templates detection chose among. */
  templates: readonly TemplateIR[];
}

/** A zone of the view the parser reads a section's tables from. */
interface ReadZone {
  start: number;
  end: number;
  plans: TablePlan[];
  /** The zone as the parser cuts it (its heading found); else one that contains it. */
  exact: boolean;
  /** Some line of the zone could run rows together (`mayRunOn`); made when first asked. */
  mayRunOn?: boolean;
  /**
   * Where the one-line runs family cuts the lines of an exact zone (`findRunOnBreaks`: null when it restores
   * no rows); made when first asked.
   */
  breaks?: readonly number[] | null;
}

/** One planned edit: the cell, its place in the normalised view and zone, and the change in length. */
interface PlannedEdit {
  edit: TextEdit;
  place: CellPlace;
  viewStart: number;
  viewEnd: number;
  delta: number;
  /** The zones the cell's table may be read from. */
  zones?: ReadZone[];
}

/**
 * Looks up the cells of a report by their range (made once per report, for all its fixes).
 */
export class CellEditIndex {
  /**
   * Cells by the start of their range (not empty), in reading order; made on the first look-up (most
   * fixes' re-checks ask for none, or one).
   */
  private cells: Map<number, CellPlace[]> | undefined;
  /** How many look-ups went through the cells (see {@link cellAt}). */
  private scans = 0;
  private zones: ReadZone[] | null | undefined;
  private found: readonly HeadingMatch[] | undefined;
  private detection: TemplateDetection | null | undefined;
  private reach: number | undefined;

  constructor(readonly base: CellEditBase) {}

  /** The one cell whose text is exactly `range`, if any (none when two cells share it: two readings of the same text). */
  cellAt(range: OffsetRange): CellPlace | undefined {
    // The first look-ups go through the cells (most reports' fixes ask one or two): no index made for them.
    if (this.cells === undefined && this.scans++ < DIRECT_LOOKUPS) return this.cellScan(range);
    this.cells ??= this.cellsByStart();
    const starting = this.cells.get(range.start);
    if (starting === undefined) return undefined;
    let found: CellPlace | undefined;
    for (let i = 0; i < starting.length; i++) {
      const place = starting[i];
      if (place.row.cells[place.index].range!.end !== range.end) continue;
      if (found !== undefined) return undefined;
      found = place;
    }
    return found;
  }

  /** {@link cellAt} by a pass over the cells (no index). */
  private cellScan(range: OffsetRange): CellPlace | undefined {
    if (range.end <= range.start) return undefined;
    let found: CellPlace | undefined;
    const scan = (table: ReportTable, rows: readonly ReportRow[]): boolean => {
      for (let r = 0; r < rows.length; r++) {
        const cells = rows[r].cells;
        for (let index = 0; index < cells.length; index++) {
          const at = cells[index].range;
          if (at === undefined || at.start !== range.start || at.end !== range.end) continue;
          if (found !== undefined) return false;
          found = { table, row: rows[r], index };
        }
      }
      return true;
    };
    for (const table of this.base.report.tables) {
      if (!scan(table, table.rows) || (table.groups && !scan(table, table.groups))) return undefined;
    }
    return found;
  }

  private cellsByStart(): Map<number, CellPlace[]> {
    const cells = new Map<number, CellPlace[]>();
    const add = (table: ReportTable, rows: readonly ReportRow[]): void => {
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        for (let index = 0; index < row.cells.length; index++) {
          const range = row.cells[index].range;
          if (!range || range.end <= range.start) continue;
          const place = { table, row, index };
          const starting = cells.get(range.start);
          if (starting === undefined) cells.set(range.start, [place]);
          else starting.push(place);
        }
      }
    };
    for (const table of this.base.report.tables) {
      add(table, table.rows);
      if (table.groups) add(table, table.groups);
    }
    return cells;
  }

  /**
   * The zones the parser reads tables from, as `parseReport` cuts them (from a section's heading line to
   * the next heading; an appendix table's, see {@link appendixZones}), or containing them (a section
   * without its heading); null for a template with an appendix table whose sections read tables too.
   */
  readZones(): ReadZone[] | null {
    if (this.zones !== undefined) return this.zones;
    const { template, normalized } = this.base;
    const text = normalized.text;
    const plans = tablePlans(template);
    const headings = this.headings();
    const zones: ReadZone[] = [];
    const appendix = template.tables.filter((t) => t.appendix);
    if (appendix.length > 0) {
      const found = appendixZones(template, plans, headings, text.length);
      if (!found) return (this.zones = null);
      zones.push(...found);
    }
    template.sections.forEach((section, s) => {
      const ids = section.tables.length > 0 ? section.tables : template.tables.filter((t) => t.section === section.id).map((t) => t.id);
      const sectionPlans = ids.map((id) => plans.get(id)).filter((p): p is TablePlan => p !== undefined);
      if (sectionPlans.length === 0) return;
      const heading = headings.find((h) => h.section === s);
      const next = headings.find((h) => h.section > s);
      const end = next ? next.lineStart : text.length;
      // Without its heading, a section is read from where the reading before it stopped: after the last
      // heading found before it, which is where this zone starts (it may start later, never earlier).
      const start = heading ? heading.lineEnd : (headings.filter((h) => h.section < s).at(-1)?.lineEnd ?? 0);
      if (start < end) zones.push({ start, end, plans: sectionPlans, exact: heading !== undefined });
    });
    this.zones = zones;
    return zones;
  }

  /** The section headings the parser found in the report (`findSectionHeadings` of its normalised text). */
  headings(): readonly HeadingMatch[] {
    this.found ??= findSectionHeadings(this.base.normalized.text, this.base.template.sections);
    return this.found;
  }

  /**
   * Whether the parser may restore rows in `zone` (text without line structure) at places not known: in a
   * zone known only to contain the real one, whenever a line of it may run on. (In an exact zone, the
   * places are {@link zoneBreaks}.)
   */
  restoresRows(zone: ReadZone): boolean {
    zone.mayRunOn ??= mayRunOn(this.base.normalized.text, zone.start, zone.end, zone.plans);
    return zone.mayRunOn && !zone.exact;
  }

  /** The virtual line breaks the parser cuts the lines of the exact `zone` at (null: it restores no rows). */
  zoneBreaks(zone: ReadZone): readonly number[] | null {
    if (zone.breaks === undefined) {
      const text = this.base.normalized.text;
      zone.mayRunOn ??= mayRunOn(text, zone.start, zone.end, zone.plans);
      zone.breaks = zone.mayRunOn ? findRunOnBreaks(text, zone.start, zone.end, zone.plans) : null;
    }
    return zone.breaks;
  }

  /** How far `readReportInfo` reads the check's normalised text (`reportInfoReach`), worked out once per report. */
  infoReach(): number {
    this.reach ??= reportInfoReach(this.base.normalized.text);
    return this.reach;
  }

  /**
   * The template detection of the text after cell edits, when it is the one before: the templates'
   * marker phrases hold no digit (the match key the detector searches keeps digits and drops separators,
   * so only a marker with digits could appear or vanish with a cell's digits), and the report year did
   * not decide (the year is read from the title, which may hold digits). Null otherwise.
   */
  detectionAfterEdits(): TemplateDetection | null {
    if (this.detection !== undefined) return this.detection;
    const { report, templates } = this.base;
    const detection = report.detection;
    const digitFree = templates.every(markersWithoutDigits);
    const scores = templates.map((t) => detection.scores[t.id]);
    const best = Math.max(0, ...scores.map((x) => x ?? 0));
    const decidedByMarkers = scores.every((x) => x !== undefined) && best > 0 && scores.filter((x) => x === best).length === 1;
    this.detection = digitFree && decidedByMarkers ? detection : null;
    return this.detection;
  }
}

/**
 * The zones the parser reads the appendix tables of `template` from (`parseBody`): from where the reading
 * of the sections stopped to the end of the text, and, when the table is not found there, from the start
 * of the text to its end; both are cut as the parser cuts them, whether or not it reads the second.
 * `headings` are the section headings found. Only for a template whose sections read no table (the
 * reading then stops at the end of the last heading line found); null otherwise.
 */
function appendixZones(template: TemplateIR, plans: ReadonlyMap<string, TablePlan>, headings: readonly HeadingMatch[], length: number): ReadZone[] | null {
  const readsTables = template.sections.some((section) =>
    (section.tables.length > 0 ? section.tables : template.tables.filter((t) => t.section === section.id).map((t) => t.id)).some((id) => plans.has(id)),
  );
  if (readsTables) return null;
  let cursor = 0;
  for (const heading of headings) cursor = Math.max(cursor, heading.lineEnd);
  const zones: ReadZone[] = [];
  for (const table of template.tables) {
    const plan = table.appendix ? plans.get(table.id) : undefined;
    if (!plan) continue;
    for (const start of cursor > 0 ? [cursor, 0] : [0]) if (start < length) zones.push({ start, end: length, plans: [plan], exact: true });
  }
  return zones;
}

/**
 * The edits, when they only rewrite plain numbers of certain cells (the preconditions that need no
 * edited text); null otherwise. Cheap: the caller tries this before making the edited text's view.
 */
export function planCellEdits(index: CellEditIndex, edits: readonly TextEdit[]): PlannedEdit[] | null {
  const { report, normalized } = index.base;
  if (report.parseFailure !== undefined || edits.length === 0) return null;
  // Every edit must write a plain number (checked below too): the others (a batch of deleted spots, a
  // reworded phrase) are refused before their edits are keyed and sorted.
  for (let i = 0; i < edits.length; i++) if (!PLAIN.test(edits[i].newText)) return null;
  const unique = new Map<string, TextEdit>();
  for (const edit of edits) unique.set(`${edit.range.start}:${edit.range.end}:${edit.newText}`, edit);
  const sorted = [...unique.values()].sort((a, b) => a.range.start - b.range.start);
  const planned: PlannedEdit[] = [];
  const source = report.source.text;
  for (const edit of sorted) {
    const previous = planned.at(-1);
    if (previous && edit.range.start < previous.edit.range.end) return null;
    const place = index.cellAt(edit.range);
    if (!place || !PLAIN.test(edit.newText)) return null;
    const cell = place.row.cells[place.index];
    if (place.row.confidence !== 'exact' || cell.guessed || cell.state !== 'number' || cell.unit !== undefined || !PLAIN.test(cell.raw)) return null;
    if (source.slice(edit.range.start, edit.range.end) !== cell.raw) return null;
    const viewStart = viewRangeOf(normalized, edit.range).start;
    const viewEnd = viewStart + cell.raw.length;
    const text = normalized.text;
    // The cell's view range maps to the edited range as the parser maps it.
    const mapped = rangeToOriginal(normalized, { start: viewStart, end: viewEnd });
    if (mapped.start !== edit.range.start || mapped.end !== edit.range.end) return null;
    if (text.slice(viewStart, viewEnd) !== cell.raw) return null;
    if ((viewStart > 0 && !isSeparator(text.charCodeAt(viewStart - 1))) || (viewEnd < text.length && !isSeparator(text.charCodeAt(viewEnd)))) return null;
    planned.push({ edit, place, viewStart, viewEnd, delta: edit.newText.length - cell.raw.length });
  }
  const zones = index.readZones();
  if (!zones) return null;
  for (const p of planned) {
    p.zones = zones.filter((z) => z.start <= p.viewStart && p.viewEnd <= z.end);
    if (p.zones.length === 0 || p.zones.some((zone) => index.restoresRows(zone))) return null;
  }
  const resized = planned.some((p) => p.delta !== 0);
  for (const table of new Set(planned.map((p) => p.place.table))) {
    for (const row of [...table.rows, ...(table.groups ?? [])]) {
      const c = row.confidence;
      if (c === 'split' || c === 'unread' || (resized && (c === 'guess' || c === 'position'))) return null;
    }
  }
  return sharesLine(index, planned) ? null : planned;
}

/**
 * The parsed report of the edited text, made from the report before the edits, or null when the edited
 * text's normalised view (`after`) is not the one before with just the cells' digits changed, or an
 * edited line could hold a section heading. `text` is the edited source text.
 */
export function reparseCellEdits(index: CellEditIndex, planned: readonly PlannedEdit[], text: string, after: TextView): ParsedReport | null {
  const { report, normalized, template } = index.base;
  const before = normalized.text;
  let expected = '';
  let from = 0;
  for (const p of planned) {
    expected += before.slice(from, p.viewStart) + p.edit.newText;
    from = p.viewEnd;
  }
  expected += before.slice(from);
  if (after.text !== expected) return null;
  // An offset of the view before the edits, where it is after them (not inside an edited cell).
  const shiftAt = (offset: number): number => {
    let sum = 0;
    for (const q of planned) if (q.viewEnd <= offset) sum += q.delta;
    return sum;
  };
  // The edited zones, where they are after the edits, restore the same rows: in a zone where no line could
  // run on, only the edited lines are new (`mayRunOn` judges lines one by one), and none may; in another
  // (exact: a zone that only contains the real one was refused), the one-line runs family cuts its lines
  // at the places it cut them before, moved.
  const breaksAfter = new Map<ReadZone, readonly number[] | null>();
  let shift = 0;
  for (const p of planned) {
    const start = p.viewStart + shift;
    shift += p.delta;
    for (const zone of p.zones!) {
      const breaks = index.zoneBreaks(zone);
      if (!zone.mayRunOn) {
        const line = lineAt(after.text, start, start + p.edit.newText.length);
        if (mayRunOn(after.text, line.start, line.end, zone.plans)) return null;
        continue;
      }
      if (breaksAfter.has(zone)) continue;
      const moved = findRunOnBreaks(after.text, zone.start + shiftAt(zone.start), zone.end + shiftAt(zone.end), zone.plans);
      if (!movedBreaks(breaks, moved, shiftAt)) return null;
      breaksAfter.set(zone, moved);
    }
  }
  shift = 0;
  for (const p of planned) {
    const start = p.viewStart + shift;
    const end = start + p.edit.newText.length;
    const old = lineAt(before, p.viewStart, p.viewEnd);
    const now = lineAt(after.text, start, end);
    if (lineMayHoldHeading(before.slice(old.start, old.end), template.sections)) return null;
    if (lineMayHoldHeading(after.text.slice(now.start, now.end), template.sections)) return null;
    // Cut as the zones' streams cut it: with the unit words of a text column as cells, or without, and at
    // the zone's virtual line breaks.
    for (const zone of p.zones!) {
      const words = readsWordCells(zone);
      const oldItems = lineItems(before, old.start, p.viewStart, p.viewEnd, words, index.zoneBreaks(zone));
      const newItems = lineItems(after.text, now.start, start, end, words, breaksAfter.get(zone) ?? null);
      if (oldItems === null || oldItems !== newItems) return null;
    }
    shift += p.delta;
  }
  const edited = new Map(planned.map((p) => [p.place.row.cells[p.place.index], p.edit.newText]));
  const overlaps = (range: OffsetRange): boolean => planned.some((p) => range.start < p.edit.range.end && range.end > p.edit.range.start);
  return movedReport(report, text, editMover(planned.map((p) => p.edit)), edited, overlaps);
}

/**
 * `report` as parsed from `text`, an edited version of its text: every range moved by `move` (an offset
 * of the text before the edits to the text after them; null where nothing of the parse may point), the
 * cells in `edited` given their new text as a plain number. Null when a range cannot be moved, or a
 * section heading or a table note with text of its own `overlaps` an edit. What no edit moves or changes
 * is kept as it is (the same object).
 */
export function movedReport(
  report: ParsedReport,
  text: string,
  move: (offset: number) => number | null,
  edited: ReadonlyMap<ReportCell, string>,
  overlaps: (range: OffsetRange) => boolean,
): ParsedReport | null {
  const moveRange = (range: OffsetRange): OffsetRange | null => {
    const start = move(range.start);
    const end = move(range.end);
    return start === null || end === null ? null : start === range.start && end === range.end ? range : { start, end };
  };
  let failed = false;
  const must = (range: OffsetRange): OffsetRange => {
    const moved = moveRange(range);
    if (moved === null) {
      failed = true;
      return range;
    }
    return moved;
  };
  const cellOf = (cell: ReportCell): ReportCell => {
    const newText = edited.get(cell);
    if (newText !== undefined) return { ...cell, raw: newText, value: Number(newText), range: must(cell.range!) };
    if (!cell.range) return cell;
    const range = must(cell.range);
    return range === cell.range ? cell : { ...cell, range };
  };
  const rowOf = <R extends ReportRow>(row: R): R => {
    const cells = sameOrMapped(row.cells, cellOf);
    const labelRange = row.labelRange && must(row.labelRange);
    if (cells === row.cells && labelRange === row.labelRange) return row;
    return movedRow(row, cells, labelRange);
  };
  const sections = sameOrMapped(report.sections, (section): ReportSection => {
    const heading = section.heading && must(section.heading.range);
    if (section.heading && overlaps(section.heading.range)) failed = true;
    const range = section.range && must(section.range);
    const bodyRange = section.bodyRange && must(section.bodyRange);
    if (heading === section.heading?.range && range === section.range && bodyRange === section.bodyRange) return section;
    return movedSection(section, heading, range, bodyRange);
  });
  const tables = sameOrMapped(report.tables, (table): ReportTable => {
    if (!table.found) return table;
    const rows = sameOrMapped(table.rows, rowOf);
    const notes = sameOrMapped(table.notes, (note) => {
      if (note.detail !== undefined && overlaps(note.range)) failed = true;
      const range = must(note.range);
      return range === note.range ? note : { ...note, range };
    });
    const range = table.range && must(table.range);
    const groups = table.groups && sameOrMapped(table.groups, rowOf);
    if (rows === table.rows && notes === table.notes && range === table.range && groups === table.groups) return table;
    const moved: ReportTable = { ...table, rows, notes };
    if (range) moved.range = range;
    if (groups) moved.groups = groups;
    return moved;
  });
  if (failed) return null;
  return { ...report, source: { ...report.source, text }, sections, tables };
}

/*
 * The moved rows and sections are made as the parser makes them (see `toReportTable` and `parseBody`): an
 * object literal of the same fields in the same order, which V8 gives the parser's map. A copy with a field
 * stored again (`{ ...row, cells }`) has that map too, but the second store makes the field mutable for
 * every object of the map, and V8 then drops the optimised code of every function that relied on it
 * being constant (the validator's loops over rows and sections, the parser's), once per run.
 */

/** `row` with `cells` and its label at `labelRange` (undefined: it has none). */
function movedRow<R extends ReportRow>(row: R, cells: ReportCell[], labelRange: OffsetRange | undefined): R {
  const { id, label, confidence } = row;
  if ('leafRows' in row) {
    const leafRows = (row as ReportRow as ReportGroupRow).leafRows;
    const group: ReportGroupRow = labelRange ? { id, label, leafRows, labelRange, confidence, cells } : { id, label, leafRows, confidence, cells };
    return group as ReportRow as R;
  }
  const moved: ReportRow = labelRange
    ? { id, label, labelRange, confidence, cells }
    : confidence !== undefined
      ? { id, label, confidence, cells }
      : { id, label, cells };
  return moved as R;
}

/** `section` with its heading at `heading`, its range and body range moved (undefined: it has none). */
function movedSection(
  section: ReportSection,
  heading: OffsetRange | undefined,
  range: OffsetRange | undefined,
  bodyRange: OffsetRange | undefined,
): ReportSection {
  const { id, match } = section;
  if (section.heading) return { id, heading: { text: section.heading.text, range: heading! }, match, range, bodyRange };
  return range || bodyRange ? { id, match, range, bodyRange } : { id, match };
}

/** `items` mapped by `f`; `items` itself when `f` gives back every item unchanged (the same object). */
function sameOrMapped<T>(items: readonly T[], f: (item: T) => T): T[] {
  let mapped: T[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = f(items[i]);
    if (mapped === undefined && item !== items[i]) mapped = items.slice(0, i);
    mapped?.push(item);
  }
  return mapped ?? (items as T[]);
}

const markerDigits = new WeakMap<TemplateIR, boolean>();

/** Whether no marker phrase of `template` (legacy ones included) has a digit in its match key. */
function markersWithoutDigits(template: TemplateIR): boolean {
  let free = markerDigits.get(template);
  if (free === undefined) {
    const digitKeys = [...'0123456789'].map(charKey).filter((k) => k !== '');
    const phrases = [...template.markers.map((m) => m.text), ...template.legacyMarkers].map(matchKey);
    free = phrases.every((phrase) => !digitKeys.some((d) => phrase.includes(d)));
    markerDigits.set(template, free);
  }
  return free;
}

/**
 * Maps an offset of the text before `edits` (sorted, not overlapping) to the text after them: unchanged
 * before an edit, moved by its change in length after it; null strictly inside an edited range (nothing of
 * the parse points there).
 */
export function editMover(edits: readonly TextEdit[]): (offset: number) => number | null {
  // The change in length of the edits before each (a report's ranges are many, its edits may be too).
  const before = [0];
  for (const e of edits) before.push(before[before.length - 1] + e.newText.length - (e.range.end - e.range.start));
  return (offset) => {
    // The edits ending at or before `offset` come first (sorted, not overlapping): how many.
    let lo = 0;
    let hi = edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (edits[mid].range.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo < edits.length && edits[lo].range.start < offset) return null;
    return offset + before[lo];
  };
}

/** Whether `after` are the breaks `before` moved by `shiftAt` (an offset before the edits to its shift). */
function movedBreaks(before: readonly number[] | null, after: readonly number[] | null, shiftAt: (offset: number) => number): boolean {
  if (before === null || after === null) return before === after;
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) if (after[i] !== before[i] + shiftAt(before[i])) return false;
  return true;
}

const wordCellPlans = new WeakMap<TablePlan, boolean>();

/** Whether the parser's stream of `zone` reads unit words as cells: a table of it has a text column. */
function readsWordCells(zone: ReadZone): boolean {
  return zone.plans.some((plan) => {
    let has = wordCellPlans.get(plan);
    if (has === undefined) {
      has = plan.cellGrid.some((row) => row.some((cell) => cell.type.kind === 'text'));
      wordCellPlans.set(plan, has);
    }
    return has;
  });
}

/** The line (between `\n`s, as the heading finder cuts lines) around [start, end) of `text`. */
function lineAt(text: string, start: number, end: number): { start: number; end: number } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  return { start: lineStart, end: lineEnd };
}

/**
 * How the cell stream cuts the line from `lineStart` and the line after it (which decides some of its
 * items): the items' kinds and ranges relative to the cell [cellStart, cellEnd), which must be one value
 * item; null when it is not. `wordCells`: unit words are cells, as in a zone of a table with a text
 * column (see `withWordCells` in parse-report.ts); `zoneBreaks`: the zone's virtual line breaks (see
 * `findRunOnBreaks`). Equal strings before and after an edit mean the same items.
 */
function lineItems(
  text: string,
  lineStart: number,
  cellStart: number,
  cellEnd: number,
  wordCells: boolean,
  zoneBreaks: readonly number[] | null,
): string | null {
  let end = text.indexOf('\n', cellEnd);
  end = end < 0 ? text.length : text.indexOf('\n', end + 1);
  if (end < 0) end = text.length;
  const options: CellStreamOptions = wordCells ? { isWordCell: isUnitWord } : {};
  const breaks = zoneBreaks?.filter((b) => b >= lineStart && b <= end);
  if (breaks && breaks.length > 0) options.breaks = breaks;
  const stream: CellStream = buildCellStream(text, lineStart, end, options);
  let cell = false;
  const parts: string[] = [];
  for (const item of stream.items) {
    if (item.start === cellStart && item.end === cellEnd) {
      if (item.kind !== 'value') return null;
      cell = true;
      parts.push('cell');
      continue;
    }
    const at = (offset: number): string => (offset <= cellStart ? `${offset - lineStart}` : offset >= cellEnd ? `+${offset - cellEnd}` : '?');
    parts.push(`${item.kind}:${at(item.start)}:${at(item.end)}:${item.line}`);
  }
  for (const line of stream.lines) parts.push(`${line.layout}:${line.hasText}:${line.runOn === true}`);
  return cell ? parts.join(' ') : null;
}

/**
 * Whether another row (of any table) has a label or cell on the line of an edited cell: a text read
 * with its line breaks lost, where labels and digits decide where rows begin.
 */
function sharesLine(index: CellEditIndex, planned: readonly PlannedEdit[]): boolean {
  const { report, normalized } = index.base;
  const text = normalized.text;
  const lines = planned.map((p) => {
    const lineStart = text.lastIndexOf('\n', p.viewStart - 1) + 1;
    let lineEnd = text.indexOf('\n', p.viewEnd);
    if (lineEnd < 0) lineEnd = text.length;
    return { row: p.place.row, start: normalized.toOriginal(lineStart), end: normalized.toOriginal(lineEnd) };
  });
  const on = (range: OffsetRange | undefined, line: { start: number; end: number }): boolean =>
    range !== undefined && range.start <= line.end && range.end >= line.start;
  for (const table of report.tables) {
    for (const row of [...table.rows, ...(table.groups ?? [])]) {
      for (const line of lines) {
        if (row === line.row) continue;
        if (on(row.labelRange, line) || row.cells.some((cell) => on(cell.range, line))) return true;
      }
    }
  }
  return false;
}
