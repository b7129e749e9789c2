import type { TemplateIR } from '../ir/template-ir.js';
import type {
  OffsetRange,
  ParsedReport,
  ReportCell,
  ReportGroupRow,
  ReportSection,
  RowConfidence,
  ReportSource,
  ReportTable,
  TemplateDetection,
} from '../model/report.js';
import { newReportCell } from '../model/new-report-cell.js';
import type { TextView } from '../read/text-view.js';
import { rangeToOriginal, snapRange } from '../read/view-range.js';
import { detectTemplate, readReportInfo } from '../detect/index.js';
import { buildCellStream, type CellStreamOptions } from './cell-stream.js';
import { isUnitWord, readCellValue } from './cell-value.js';
import { plainCellNumber } from './plain-cell-number.js';
import { layoutBit } from './layout-set.js';
import { linePositions } from './line-positions.js';
import { findRunOnBreaks } from './one-line-runs.js';
import { findSectionHeadings, type HeadingMatch } from './section-headings.js';
import { tablePlans, type TablePlan } from './table-plan.js';
import { findCaption, readTable, type RowRead, type TableRead } from './table-reader.js';

/**
 * Parses a report against a template: finds the six sections in order, reads every table of the
 * template from its section (or, when a heading is missing, from where the section should be), and
 * returns every template cell with its value, state and range in the original text. Nothing about any
 * format is built in: headings, captions, labels, columns, cell types and equations all come from `template`.
 *
 * `view` is the normalised view of the document (see `normalizeView`); every range of the result points
 * into `source.text` through it. Linear in the length of the text; never throws.
 */
export function parseReport(
  view: TextView,
  source: ReportSource,
  template: TemplateIR,
  detection?: TemplateDetection,
): ParsedReport {
  const info = readReportInfo(view);
  const found = detection ?? detectTemplate(view.text, [template]);
  try {
    return { source, detection: found, info, templateId: template.id, ...parseBody(view, source, template) };
  } catch (error) {
    // Defensive: a bug must not take the caller down (the language server keeps serving); everything is
    // reported as not found, and `parseFailure` says why, so the validator reports the failure instead.
    return {
      source,
      detection: found,
      info,
      templateId: template.id,
      parseFailure: error instanceof Error ? error.message : String(error),
      sections: template.sections.map((s) => ({ id: s.id, match: 'missing' as const })),
      tables: template.tables.map((t) => emptyTable(tablePlans(template).get(t.id)!)),
    };
  }
}

function parseBody(
  view: TextView,
  source: ReportSource,
  template: TemplateIR,
): Pick<ParsedReport, 'sections' | 'tables'> {
  const text = view.text;
  const plans = tablePlans(template);
  const headings = findSectionHeadings(text, template.sections);
  const headingOf = new Map<number, HeadingMatch>(headings.map((h) => [h.section, h]));
  const streamOptions: CellStreamOptions = { isHardSpace: hardSpaceTest(view, source), linePosition: linePositions(view, source) };
  // The range asked about is written into one object, not made per call: `rangeToOriginal` returns a new
  // range, never the one it is given (a range per cell, note, label and table of every report).
  const asked: OffsetRange = { start: 0, end: 0 };
  const map = (start: number, end: number): OffsetRange => {
    asked.start = start;
    asked.end = end;
    return snapRange(source.text, rangeToOriginal(view, asked));
  };
  const reads = new Map<string, TableRead>();
  const sections: ReportSection[] = [];
  const inferredStart = new Map<number, number>();
  let cursor = 0;
  template.sections.forEach((section, s) => {
    const heading = headingOf.get(s);
    const nextHeading = headings.find((h) => h.section > s);
    // The zone ends where the next heading's line begins: its markup ("## ") is no text of this section.
    const zoneEnd = nextHeading ? nextHeading.lineStart : text.length;
    const zoneStart = heading ? heading.lineEnd : Math.min(cursor, zoneEnd);
    const sectionPlans = sectionPlansOf(template)[s];
    let tablesStart = -1;
    let tablesEnd = -1;
    if (sectionPlans.length > 0 && zoneStart < zoneEnd) {
      const breaks = findRunOnBreaks(text, zoneStart, zoneEnd, sectionPlans);
      const options = withWordCells(streamOptions, sectionPlans);
      const stream = buildCellStream(text, zoneStart, zoneEnd, breaks ? { ...options, breaks } : options);
      let item = 0;
      sectionPlans.forEach((plan, p) => {
        const captionAt = plan.caption ? findCaption(stream, plan.caption, item, stream.items.length) : -1;
        const from = captionAt >= 0 ? captionAt : item;
        let to = stream.items.length;
        for (let q = p + 1; q < sectionPlans.length; q++) {
          const later = sectionPlans[q];
          if (!later.caption) continue;
          const at = findCaption(stream, later.caption, from + 1, to);
          if (at >= 0) to = at;
        }
        const read = readTable(stream, plan, from, to);
        reads.set(plan.table.id, read);
        if (read.found) {
          item = read.endItem;
          if (tablesStart < 0) tablesStart = read.start;
          tablesEnd = Math.max(tablesEnd, read.end);
          cursor = Math.max(cursor, read.end);
        }
      });
    }
    if (heading) {
      cursor = Math.max(cursor, heading.lineEnd);
      sections.push({
        id: section.id,
        heading: { text: heading.text, range: map(heading.start, heading.end) },
        match: heading.match,
        range: map(heading.start, zoneEnd),
        bodyRange: map(heading.lineEnd, zoneEnd),
      });
    } else if (tablesStart >= 0) {
      inferredStart.set(s, tablesStart);
      sections.push({ id: section.id, match: 'missing', range: map(tablesStart, tablesEnd), bodyRange: map(tablesStart, tablesEnd) });
    } else {
      sections.push({ id: section.id, match: 'missing' });
    }
  });
  // A found section ends where the next section's inferred body (heading missing, table found) begins.
  sections.forEach((section, s) => {
    if (!section.heading || !section.range || !section.bodyRange) return;
    for (let n = s + 1; n < sections.length; n++) {
      if (sections[n].heading) break;
      const start = inferredStart.get(n);
      if (start === undefined) continue;
      const end = rangeToOriginal(view, { start, end: start }).start;
      if (end > section.range.start) section.range = { start: section.range.start, end: Math.min(section.range.end, end) };
      if (end >= section.bodyRange.start) section.bodyRange = { start: section.bodyRange.start, end: Math.min(section.bodyRange.end, end) };
      break;
    }
  });
  // Appendix tables (附件：…统计表) belong to no section: read after the last section, else anywhere.
  for (const table of template.tables) {
    if (!table.appendix) continue;
    const plan = plans.get(table.id);
    if (!plan) continue;
    for (const start of cursor > 0 ? [cursor, 0] : [0]) {
      // A page that lost its line structure: the appendix table's rows restored as in a section.
      const breaks = findRunOnBreaks(text, start, text.length, [plan]);
      const options = withWordCells(streamOptions, [plan]);
      const stream = buildCellStream(text, start, text.length, breaks ? { ...options, breaks } : options);
      const captionAt = plan.caption ? findCaption(stream, plan.caption, 0, stream.items.length) : -1;
      const read = readTable(stream, plan, Math.max(0, captionAt), stream.items.length);
      if (!read.found) continue;
      reads.set(table.id, read);
      break;
    }
  }
  const tables = template.tables.map((t) => {
    const plan = plans.get(t.id)!;
    const read = reads.get(t.id);
    return read && read.found ? toReportTable(read, source, map) : emptyTable(plan);
  });
  return { sections, tables };
}

const sectionPlanLists = new WeakMap<TemplateIR, TablePlan[][]>();

/**
 * The plans of each section's tables (the section's own list, else the tables that name the section), by
 * section index: made once per template, not per section of every report.
 */
function sectionPlansOf(template: TemplateIR): TablePlan[][] {
  let lists = sectionPlanLists.get(template);
  if (!lists) {
    const plans = tablePlans(template);
    lists = template.sections.map((section) => {
      const tableIds = section.tables.length > 0 ? section.tables : template.tables.filter((t) => t.section === section.id).map((t) => t.id);
      return tableIds.map((id) => plans.get(id)).filter((p): p is TablePlan => p !== undefined);
    });
    sectionPlanLists.set(template, lists);
  }
  return lists;
}

/** The stream options for some tables: when one has a text column (计量单位), its unit words are cells. */
function withWordCells(options: CellStreamOptions, plans: readonly TablePlan[]): CellStreamOptions {
  let hasTextColumn = false;
  for (let p = 0; p < plans.length && !hasTextColumn; p++) hasTextColumn = hasTextCells(plans[p]);
  return hasTextColumn ? { ...options, isWordCell: isUnitWord } : options;
}

const textCellPlans = new WeakMap<TablePlan, boolean>();

/** Whether a plan has a cell of a text column: worked out once per plan (i.e. per template). */
function hasTextCells(plan: TablePlan): boolean {
  let has = textCellPlans.get(plan);
  if (has === undefined) {
    has = plan.cellGrid.some((row) => row.some((cell) => cell.type.kind === 'text'));
    textCellPlans.set(plan, has);
  }
  return has;
}

/** A hard space (NBSP, U+3000) in the original behind a view offset: Word's filler of an empty cell. */
function hardSpaceTest(view: TextView, source: ReportSource): (offset: number) => boolean {
  const original = source.text;
  return (offset) => {
    const at = view.toOriginal(offset);
    const c = original.charCodeAt(at);
    if (c === 0xa0 || c === 0x3000 || c === 0x2007 || c === 0x202f) return true;
    if (c === 0x26 /* & */) return /^&(?:nbsp|#160|#xa0|#x3000|#12288);/i.test(original.slice(at, at + 9));
    return false;
  };
}

function emptyTable(plan: TablePlan): ReportTable {
  const t = plan.table;
  return {
    id: t.id,
    label: t.label,
    found: false,
    rows: plan.leaves.map((leaf) => ({
      id: leaf.id,
      label: leaf.label,
      cells: t.leafColumns.map((column, c) => naCell(cellIdsOf(plan, leaf.id)[c], leaf.id, column)),
    })),
    missingRows: plan.leaves.map((l) => l.id),
    truncated: false,
    notes: [],
  };
}

function naCell(id: string, row: string, column: string): ReportCell {
  return newReportCell(id, row, column, 'na');
}

const rowCellIds = new WeakMap<TablePlan, Map<string, string[]>>();

/**
 * The ids of the cells of a row of the plan (`table.row.column`), one per leaf column: made once per
 * template, so that the cells of every report share these strings, which the checks look up in maps.
 */
function cellIdsOf(plan: TablePlan, rowId: string): string[] {
  let byRow = rowCellIds.get(plan);
  if (!byRow) {
    byRow = new Map();
    rowCellIds.set(plan, byRow);
  }
  let ids = byRow.get(rowId);
  if (!ids) {
    const t = plan.table;
    ids = t.leafColumns.map((column) => `${t.id}.${rowId}.${column}`);
    byRow.set(rowId, ids);
  }
  return ids;
}

function toReportTable(read: TableRead, source: ReportSource, map: (s: number, e: number) => OffsetRange): ReportTable {
  const plan = read.plan;
  const t = plan.table;
  const layouts = new Set<string>();
  let lastFound = -1;
  // Index loops here and below: see `tokenize` in report-lexer.ts.
  const rows: ReportTable['rows'] = [];
  for (let r = 0; r < plan.leaves.length; r++) {
    const leaf = plan.leaves[r];
    const row = read.rows.get(leaf.id);
    if (!row) {
      const ids = cellIdsOf(plan, leaf.id);
      const cells: ReportCell[] = [];
      for (let c = 0; c < t.leafColumns.length; c++) cells.push(naCell(ids[c], leaf.id, t.leafColumns[c]));
      rows.push({ id: leaf.id, label: leaf.label, cells });
      continue;
    }
    lastFound = Math.max(lastFound, leaf.leafIndex);
    const a = row.alignment;
    if (a.glued) layouts.add('glued');
    else addLayouts(layouts, row, source);
    // The fields in the order of the result (its JSON): labelRange only when the row has a label.
    const labelRange = row.labelEnd > row.labelStart ? map(row.labelStart, row.labelEnd) : undefined;
    const confidence = rowConfidence(row);
    const cells = rowCells(read, row, leaf.id, leaf.leafIndex, map);
    rows.push(labelRange ? { id: leaf.id, label: leaf.label, labelRange, confidence, cells } : { id: leaf.id, label: leaf.label, confidence, cells });
  }
  const covered = new Set<string>();
  const groups: ReportGroupRow[] = [];
  for (const [id, row] of read.groupRows) {
    const leafRows = row.plan.leafIds ?? [];
    if (leafRows.some((leafId) => read.rows.has(leafId))) continue;
    for (const leafId of leafRows) covered.add(leafId);
    addLayouts(layouts, row, source);
    const first = plan.leaves.find((l) => l.id === leafRows[0]);
    if (first) lastFound = Math.max(lastFound, plan.leaves.find((l) => l.id === leafRows.at(-1))?.leafIndex ?? first.leafIndex);
    groups.push({
      id,
      label: row.plan.label,
      leafRows,
      labelRange: row.labelEnd > row.labelStart ? map(row.labelStart, row.labelEnd) : undefined,
      confidence: rowConfidence(row),
      cells: rowCells(read, row, id, first?.leafIndex ?? 0, map),
    });
  }
  const missingRows = plan.leaves.filter((l) => !read.rows.has(l.id) && !covered.has(l.id)).map((l) => l.id);
  const truncated =
    missingRows.length > 0 &&
    lastFound >= 0 &&
    plan.leaves.every((l) => read.rows.has(l.id) || covered.has(l.id) || l.leafIndex > lastFound);
  const layout = layouts.size === 0 ? undefined : layouts.size === 1 ? ([...layouts][0] as ReportTable['layout']) : 'mixed';
  // Every field written, the absent ones undefined (left out of JSON as when absent), in the order of the
  // result: no object spread of an optional field (a copy of a temporary object) per table and note.
  return {
    id: t.id,
    label: t.label,
    found: true,
    range: map(read.start, read.end),
    layout,
    rows,
    groups: groups.length > 0 ? groups : undefined,
    missingRows,
    truncated,
    notes: read.notes.map((n) => ({ kind: n.kind, range: map(n.start, Math.max(n.start, n.end)), row: n.row, detail: n.detail })),
  };
}

/** Adds the names of the layouts of a row's lines to `layouts`. */
function addLayouts(layouts: Set<string>, row: RowRead, source: ReportSource): void {
  // Bits of the row's layouts (see layout-set.ts), named in turn: the table's names are a set, in no order.
  const set = row.layouts;
  if ((set & layoutBit('single')) !== 0) layouts.add(layoutName('single', source));
  if ((set & layoutBit('tab')) !== 0) layouts.add(layoutName('tab', source));
  if ((set & layoutBit('pipe')) !== 0) layouts.add(layoutName('pipe', source));
  if ((set & layoutBit('space')) !== 0) layouts.add(layoutName('space', source));
}

/** How surely a row was read, from how its cells were placed (see {@link RowConfidence}). */
function rowConfidence(row: RowRead): RowConfidence {
  const a = row.alignment;
  if (a.glued === 'ambiguous') return 'unread';
  const cells = a.cells;
  let guessed = a.extra;
  let split = false;
  for (let c = 0; c < cells.length; c++) {
    if (cells[c].guessed) guessed = true;
    if (cells[c].part !== undefined) split = true;
  }
  if (guessed) return 'guess';
  if (split) return 'split';
  if (row.positioned) return 'position';
  if (row.apart) return 'apart';
  return a.repaired ? 'repaired' : 'exact';
}

/**
 * The cells of a row as read: one per leaf column, with value, state and range (`rowId` names the cells;
 * `typeRow` is the leaf row whose cell types apply).
 */
function rowCells(
  read: TableRead,
  row: RowRead,
  rowId: string,
  typeRow: number,
  map: (s: number, e: number) => OffsetRange,
): ReportCell[] {
  const plan = read.plan;
  const t = plan.table;
  const a = row.alignment;
  const ids = cellIdsOf(plan, rowId);
  const cells: ReportCell[] = [];
  for (let c = 0; c < t.leafColumns.length; c++) cells.push(rowCell(read, a, ids[c], rowId, t.leafColumns[c], typeRow, c, map));
  return cells;
}

/** The cell of column `c` of a row (see {@link rowCells}). */
function rowCell(
  read: TableRead,
  a: RowRead['alignment'],
  id: string,
  rowId: string,
  column: string,
  typeRow: number,
  c: number,
  map: (s: number, e: number) => OffsetRange,
): ReportCell {
  const aligned = a.cells[c];
  if (!aligned || a.glued === 'ambiguous') {
    const na = naCell(id, rowId, column);
    if (a.glued) na.guessed = true;
    return na;
  }
  const { type } = read.plan.cellGrid[typeRow][c];
  const cell = newReportCell(id, rowId, column, 'blank');
  const piece = aligned.part ?? (aligned.slot && aligned.slot.kind !== 'empty' ? aligned.slot : undefined);
  if (piece) {
    const headerUnit = read.headerUnits[c];
    const plain = plainCellNumber(piece.text, type, headerUnit);
    cell.raw = piece.text;
    if (plain !== undefined) {
      // A plain count (most cells): read without a `CellValue` object.
      cell.value = plain;
      cell.state = 'number';
    } else {
      const v = readCellValue(piece.text, type, headerUnit);
      cell.value = v.value;
      cell.state = v.state;
      if (v.unit !== undefined) cell.unit = v.unit;
    }
    cell.range = map(piece.start, piece.end);
  } else {
    const at = aligned.slot ? aligned.slot.start : aligned.position;
    cell.range = map(at, at);
  }
  if (aligned.guessed) cell.guessed = true;
  return cell;
}

function layoutName(layout: string, source: ReportSource): string {
  switch (layout) {
    case 'single':
      return 'cell-per-line';
    case 'pipe':
      return 'pipe';
    case 'tab':
      return source.format === 'html' || source.format === 'docx' ? 'grid' : 'separated';
    default:
      return 'separated';
  }
}
