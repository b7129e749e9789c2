import type { Diagnostic, RelatedLocation, Suggestion } from '../diagnostics/diagnostic.js';
import type { AxisNode, CellIR, LocalizedText, SectionIR, Severity, TableIR, TemplateIR, Term } from '../ir/template-ir.js';
import {
  DEFAULT_LOCALE,
  diagnosticCodes,
  formatLocalized,
  message,
  type DiagnosticCode,
  type Locale,
  type MessageKey,
  type MessageParams,
} from '../messages/index.js';
import { isCertainRow, type OffsetRange, type ParsedReport, type ReportCell, type ReportSection, type ReportTable } from '../model/report.js';
import { newReportCell } from '../model/new-report-cell.js';
import type { TextView } from '../read/text-view.js';
import { snapRange } from '../read/view-range.js';
import { axisNodeLabel, cellDisplayLabel, tableLabels, type TableLabels } from './axis-labels.js';
import { templateIndex, type TemplateIndex } from './template-index.js';
import { lineAt, viewRangeOf, viewRangesOf } from './text-ranges.js';


/** The parts of a diagnostic a check supplies; the context fills code metadata and defaults. */
export interface DiagnosticDraft {
  message: string;
  range: OffsetRange;
  severity?: Severity;
  rule?: string;
  related?: RelatedLocation[];
  expected?: number;
  actual?: number;
  cells?: string[];
  omitted?: { code: string; count: number };
  suggestions?: Suggestion[];
}

/** A section body as the text checks see it: the original range and the normalised text of it. */
export interface SectionText {
  section: SectionIR;
  found: ReportSection;
  /** The body in the original text. */
  range: OffsetRange;
  /** The body's normalised text and where it starts in the view. */
  text: string;
  viewStart: number;
}

/**
 * Everything the checks share: the report, its template, lookups by id, labels, the normalised view,
 * and the message catalogue in the chosen language.
 */
export class ValidationContext {
  readonly locale: Locale;
  readonly text: string;
  private readonly tablesById: ReadonlyMap<string, TableIR>;
  private readonly cellsById: ReadonlyMap<string, CellIR>;
  /** What {@link cell} answers: the template's cells by id, and the cell of a group printed as one row by its id. */
  private readonly cellLookup: ReadonlyMap<string, CellIR | undefined>;
  private readonly cellLabels: TemplateIndex['cellLabels'];
  private readonly reportTables = new Map<string, ReportTable>();
  private readonly cellSlots: ReadonlyMap<string, number>;
  /** The cells the parser listed, at their template cell's slot (see `TemplateIndex.cellSlots`). */
  private readonly slotCells: Array<ReportCell | undefined>;
  /** The cells the parser listed whose id is no template cell's (a group printed as one row), by id. */
  private readonly otherCells = new Map<string, ReportCell>();
  private readonly reportSections = new Map<string, ReportSection>();
  private readonly sectionTexts = new Map<string, SectionText | null>();
  /** View ranges of the table rows read, in order of their start (see `tableRowSpans`), made on first use. */
  private rowSpans: OffsetRange[] | undefined;
  /** Cells of row groups printed as one row, by cell id; and the group cell standing for each leaf cell. */
  private readonly groupCells = new Map<string, { table: string; label: string; column: string; leafCells: string[] }>();
  private readonly groupOfLeafCell = new Map<string, string>();
  /** Cells of rows read without certainty (see `isCertainRow`). */
  private readonly uncertainCells = new Set<string>();
  /**
   * Tables whose failed equations were put down to a misreading (one `arithmetic/table-doubtful` finding
   * each). Filled by `checkArithmetic`, which runs before the checks that compare the text with the tables.
   */
  readonly doubtfulTables = new Set<string>();

  /**
   * @param findingsOnly build of each finding only what a fix's re-check judges it by (see
   * `ValidateOptions.findingsOnly`): the checks ask {@link bare} whether to leave out the rest.
   */
  constructor(
    readonly report: ParsedReport,
    readonly template: TemplateIR,
    readonly view: TextView,
    readonly templates: readonly TemplateIR[],
    locale: Locale = DEFAULT_LOCALE,
    readonly findingsOnly = false,
  ) {
    this.locale = locale;
    this.text = report.source.text;
    const index = templateIndex(template);
    this.tablesById = index.tablesById;
    this.cellsById = index.cellsById;
    this.cellLabels = index.cellLabels;
    this.cellSlots = index.cellSlots;
    this.slotCells = new Array<ReportCell | undefined>(template.cells.length).fill(undefined);
    for (const table of report.tables) {
      this.reportTables.set(table.id, table);
      // Index loops over every cell of every report (no array iterators: they cost here).
      const rows = table.rows;
      for (let r = 0; r < rows.length; r++) {
        const certain = isCertainRow(rows[r].confidence);
        const cells = rows[r].cells;
        for (let c = 0; c < cells.length; c++) {
          const cell = cells[c];
          this.addListed(cell);
          if (!certain || cell.guessed) this.uncertainCells.add(cell.id);
        }
      }
      for (const group of table.groups ?? []) {
        const certain = isCertainRow(group.confidence);
        for (const cell of group.cells) {
          if (!certain || cell.guessed) this.uncertainCells.add(cell.id);
          this.addListed(cell);
          const leafCells = group.leafRows.map((row) => `${table.id}.${row}.${cell.column}`);
          this.groupCells.set(cell.id, { table: table.id, label: group.label, column: cell.column, leafCells });
          for (const leaf of leafCells) this.groupOfLeafCell.set(leaf, cell.id);
        }
      }
    }
    for (const section of report.sections) this.reportSections.set(section.id, section);
    // Most reports print no group as one row: the template's map as it is (a look-up in `cell` that
    // branches on a group only some reports have made V8 drop the code of its callers when one came).
    this.cellLookup = this.groupCells.size === 0 ? this.cellsById : groupCellLookup(this.cellsById, this.groupCells);
  }

  /** Keeps a listed cell, at its slot (a later cell of the same id replaces an earlier one, as in a map). */
  private addListed(cell: ReportCell): void {
    const slot = this.cellSlots.get(cell.id);
    if (slot !== undefined) this.slotCells[slot] = cell;
    else this.otherCells.set(cell.id, cell);
  }

  /** A catalogue message in the context's language. */
  msg(key: MessageKey, params: MessageParams = {}): string {
    return message(key, params, this.locale);
  }

  /** A template-supplied message (rule messages) in the context's language. */
  localized(text: LocalizedText, params: MessageParams = {}): string {
    return formatLocalized(text, this.locale, params);
  }

  /** Items joined with the language's list separator, the tail summarised after `max` items. */
  list(items: readonly string[], max = 5): string {
    const shown = items.slice(0, max).join(this.msg('list/separator'));
    return items.length > max ? shown + this.msg('list/more', { count: items.length }) : shown;
  }

  /** The effective severity of a code: rule or section severity, the template's check switch, or the default. */
  severityOf(code: DiagnosticCode, own?: Severity): Severity {
    const info = diagnosticCodes[code];
    if (own) return own;
    if (typeof info.severityFrom === 'object') {
      const check = this.template.checks[info.severityFrom.check as keyof TemplateIR['checks']];
      if (check) return check.severity;
    }
    return info.severity;
  }

  /** False when the template switched off the check behind `code`. */
  enabled(code: DiagnosticCode): boolean {
    const info = diagnosticCodes[code];
    if (typeof info.severityFrom !== 'object') return true;
    return this.template.checks[info.severityFrom.check as keyof TemplateIR['checks']]?.enabled ?? true;
  }

  /**
   * Whether a finding about `cells` is judged by its code, rule and cells alone (see {@link findingsOnly}):
   * its check may then leave out its message and related locations.
   */
  bare(cells: readonly string[]): boolean {
    return this.findingsOnly && cells.length > 0;
  }

  /** Builds a diagnostic of `code` (without related locations or suggestions when {@link findingsOnly}). */
  diagnostic(code: DiagnosticCode, draft: DiagnosticDraft): Diagnostic {
    const info = diagnosticCodes[code];
    const diagnostic: Diagnostic = {
      code,
      category: info.category,
      severity: this.severityOf(code, draft.severity),
      message: draft.message,
      range: snapRange(this.text, draft.range),
      related: this.findingsOnly ? [] : (draft.related ?? []).map((r) => ({ ...r, range: snapRange(this.text, r.range) })),
      suggestions: this.findingsOnly ? [] : (draft.suggestions ?? []).map((suggestion) => snapSuggestion(this.text, suggestion)),
    };
    if (draft.rule !== undefined) diagnostic.rule = draft.rule;
    if (draft.expected !== undefined) diagnostic.expected = draft.expected;
    if (draft.actual !== undefined) diagnostic.actual = draft.actual;
    if (draft.cells !== undefined) diagnostic.cells = draft.cells;
    if (draft.omitted !== undefined) diagnostic.omitted = draft.omitted;
    return diagnostic;
  }

  /** The template table `id`. */
  table(id: string): TableIR | undefined {
    return this.tablesById.get(id);
  }

  /** The template cell `id` (for the cell of a group printed as one row: the cell of its first leaf row). */
  cell(id: string): CellIR | undefined {
    return this.cellLookup.get(id);
  }

  /** Whether the report prints some group of rows as one row (see {@link collapseGroups}). */
  get hasGroupRows(): boolean {
    return this.groupOfLeafCell.size > 0;
  }

  /**
   * Terms with the leaf cells of a group printed as one row replaced by the group's cell, when the terms
   * hold every leaf cell of it with one coefficient (Σ（六）1–3 becomes （六）): the equations of the
   * template then apply to the report as printed. Other terms are returned as they are.
   */
  collapseGroups(terms: readonly Term[]): Term[] {
    if (this.groupOfLeafCell.size === 0 || !terms.some((t) => this.groupOfLeafCell.has(t.cell))) return [...terms];
    const out: Term[] = [];
    const done = new Set<string>();
    for (const term of terms) {
      const groupCell = this.groupOfLeafCell.get(term.cell);
      if (groupCell === undefined) {
        out.push(term);
        continue;
      }
      const leaves = this.groupCells.get(groupCell)!.leafCells;
      const whole = leaves.every((leaf) => terms.some((t) => t.cell === leaf && t.coef === term.coef));
      if (!whole) out.push(term);
      else if (!done.has(groupCell)) {
        done.add(groupCell);
        out.push({ cell: groupCell, coef: term.coef });
      }
    }
    return out;
  }

  /** The report table `id` (absent when the parser did not list it). */
  reportTable(id: string): ReportTable | undefined {
    return this.reportTables.get(id);
  }

  /** The report cell `id`; a cell the parser did not list counts as absent (`na`). */
  reportCell(id: string): ReportCell {
    const found = this.listedCell(id);
    if (found) return found;
    const ir = this.cellsById.get(id);
    return newReportCell(id, ir?.row ?? '', ir?.column ?? '', 'na');
  }

  /** The cell `id` as the parser listed it (tables' rows and groups printed as one row); undefined when it did not. */
  listedCell(id: string): ReportCell | undefined {
    const slot = this.cellSlots.get(id);
    return slot !== undefined ? this.slotCells[slot] : this.otherCells.get(id);
  }

  /** {@link listedCell} of the template cell at `slot` (see `TemplateIndex.cellSlots`), without looking its id up. */
  listedCellAt(slot: number): ReportCell | undefined {
    return this.slotCells[slot];
  }

  /** Whether the cell `id` was read with certainty (its row's placement sure, its column not guessed). */
  isCertain(id: string): boolean {
    return !this.uncertainCells.has(id);
  }

  /** The report section `id`. */
  reportSection(id: string): ReportSection | undefined {
    return this.reportSections.get(id);
  }

  /** Human label of a table. */
  tableLabel(id: string): string {
    const table = this.tablesById.get(id);
    return (this.locale === 'en' ? table?.en : undefined) ?? table?.label ?? id;
  }

  /** A row or column's own label in the report's message language. */
  nodeLabel(node: AxisNode): string {
    return axisNodeLabel(node, this.locale);
  }

  private labelsOf(tableId: string): TableLabels | undefined {
    const table = this.tablesById.get(tableId);
    return table && tableLabels(table, this.locale);
  }

  /** Display label of a leaf row. */
  rowLabel(tableId: string, rowId: string): string {
    return this.labelsOf(tableId)?.rows.get(rowId) ?? rowId;
  }

  /** Display label of a leaf column. */
  columnLabel(tableId: string, columnId: string): string {
    return this.labelsOf(tableId)?.columns.get(columnId) ?? columnId;
  }

  /**
   * Display label of a cell: row · column; `omit` drops the part an equation's context already gives
   * (`column` when every operand is in one column, `row` when in one row).
   */
  cellLabel(cellId: string, omit?: 'row' | 'column'): string {
    const labels = this.cellLabels[omit ?? ''];
    let label = labels.get(cellId);
    if (label === undefined) {
      label = this.composeCellLabel(cellId, omit);
      labels.set(cellId, label);
    }
    return label;
  }

  private composeCellLabel(cellId: string, omit?: 'row' | 'column'): string {
    const group = this.groupCells.get(cellId);
    if (group) {
      const column = omit === 'column' ? '' : this.columnLabel(group.table, group.column);
      return [omit === 'row' ? '' : group.label, column].filter((part) => part !== '').join(' · ') || group.label;
    }
    return cellDisplayLabel(this.tablesById, this.cellsById.get(cellId), cellId, omit);
  }

  /** Cells that some arithmetic rule counts as 0 when blank. */
  get blankAsZeroCells(): ReadonlySet<string> {
    return templateIndex(this.template).blankAsZero;
  }

  /** Display label of an axis id used in a binding (a row or column of `tableId`), or the value itself. */
  bindingLabel(tableId: string, value: string): string {
    const labels = this.labelsOf(tableId);
    return labels?.columns.get(value) || labels?.rows.get(value) || value;
  }

  /** A visible range for a section: its heading, else the first line of its text, else null. */
  sectionAnchor(section: ReportSection): OffsetRange | null {
    if (section.heading) return section.heading.range;
    if (section.range) return lineAt(this.text, section.range.start);
    return null;
  }

  /**
   * The body of a found section with its normalised text, or null when the section is absent. The rows
   * of the tables read in it are blanked out (spaces, offsets kept): the text checks read the prose, and
   * a table row such as "（一）予以公开 6件 1件 …" is no sentence of it.
   */
  sectionText(sectionId: string): SectionText | null {
    if (this.sectionTexts.has(sectionId)) return this.sectionTexts.get(sectionId)!;
    const section = this.template.sections.find((s) => s.id === sectionId);
    const found = this.reportSections.get(sectionId);
    const range = found?.bodyRange ?? found?.range;
    let result: SectionText | null = null;
    if (section && found && range) {
      const viewRange = viewRangeOf(this.view, range);
      result = {
        section,
        found,
        range,
        text: this.withoutTableRows(viewRange),
        viewStart: viewRange.start,
      };
    }
    this.sectionTexts.set(sectionId, result);
    return result;
  }

  /**
   * The view text of `range` with the rows of every table read there replaced by spaces (line breaks
   * kept). Only the range asked for is copied, and a range with no row in it is the view's own slice: the
   * sections without tables (the overview, most of the text) and those no check asks for cost no copy.
   */
  private withoutTableRows(range: OffsetRange): string {
    const view = this.view.text;
    const rows = (this.rowSpans ??= this.tableRowSpans());
    const to = range.end;
    // The text between the rows as it is, the rows' UTF-16 units blanked. Rows may overlap: `at` is the
    // furthest end blanked so far, so what is blanked is the union of the rows, cut to the range.
    let parts: string[] | null = null;
    let at = range.start;
    let lineFeed = -1;
    let carriageReturn = -1;
    // The spans come in order of their start (see `tableRowSpans`): the rows from `to` on are past the range.
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (row.start >= to) break;
      const start = Math.max(row.start, at);
      const end = Math.min(row.end, to);
      if (end <= start) continue;
      parts ??= [];
      parts.push(view.slice(at, start));
      at = end;
      // Most rows are one line: blanked whole, found so by the string search rather than unit by unit (the
      // next line break of each kind looked up again only once passed; -2: there is none).
      if (lineFeed !== -2 && lineFeed < start) lineFeed = nextIndex(view, '\n', start);
      if (carriageReturn !== -2 && carriageReturn < start) carriageReturn = nextIndex(view, '\r', start);
      if ((lineFeed === -2 || lineFeed >= end) && (carriageReturn === -2 || carriageReturn >= end)) {
        parts.push(spaces(end - start));
        continue;
      }
      // The row's line breaks stay; every other unit becomes a space.
      let from = start;
      for (let i = start; i < end; i++) {
        const c = view.charCodeAt(i);
        if (c !== 0x0a && c !== 0x0d) continue;
        parts.push(spaces(i - from), view[i]);
        from = i + 1;
      }
      parts.push(spaces(end - from));
    }
    if (parts === null) return view.slice(range.start, to);
    parts.push(view.slice(at, to));
    return parts.join('');
  }

  /** View ranges of the table rows read (label to last cell), in order of their start. */
  private tableRowSpans(): OffsetRange[] {
    const spans: OffsetRange[] = [];
    for (const table of this.report.tables) {
      if (!table.found) continue;
      const rows = table.rows;
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        let start = row.labelRange?.start ?? Infinity;
        let end = row.labelRange?.end ?? -Infinity;
        const cells = row.cells;
        for (let c = 0; c < cells.length; c++) {
          const range = cells[c].range;
          if (!range) continue;
          start = Math.min(start, range.start);
          end = Math.max(end, range.end);
        }
        if (end > start) spans.push({ start, end });
      }
    }
    // Mapped to the view in order, each search going on from the one before (see `viewRangesOf`).
    return viewRangesOf(this.view, spans.sort((a, b) => a.start - b.start));
  }

  /** A section's name in the message language: its English heading in English when it has one, else the full heading. */
  sectionName(section: SectionIR): string {
    return this.locale === 'en' && section.en ? section.en : this.sectionHeading(section);
  }

  /** A template section's full heading, e.g. 五、存在的主要问题及改进情况. */
  sectionHeading(section: SectionIR): string {
    return `${section.numeral}、${section.heading}`;
  }
}

/**
 * The template's cells by id with the cell of each group printed as one row added under the group cell's
 * id: the cell of its first leaf row (undefined when the template has none).
 */
export function groupCellLookup(
  cellsById: ReadonlyMap<string, CellIR>,
  groupCells: ReadonlyMap<string, { leafCells: readonly string[] }>,
): ReadonlyMap<string, CellIR | undefined> {
  const lookup = new Map<string, CellIR | undefined>(cellsById);
  for (const [id, group] of groupCells) lookup.set(id, cellsById.get(group.leafCells[0]));
  return lookup;
}

/** Where `unit` next stands in `text` from `from` on; -2 when nowhere. */
function nextIndex(text: string, unit: string, from: number): number {
  const found = text.indexOf(unit, from);
  return found >= 0 ? found : -2;
}

/** Spaces enough for most table rows, cut to length (one flat string, not a repeat per row). */
const SPACES = ' '.repeat(1024);

/** `count` spaces. */
function spaces(count: number): string {
  return count <= SPACES.length ? SPACES.slice(0, count) : ' '.repeat(count);
}

/** A suggestion whose edits start and end on character boundaries (never inside a CRLF or a surrogate pair). */
function snapSuggestion(text: string, suggestion: Suggestion): Suggestion {
  let moved = false;
  const edits = suggestion.edits.map((edit) => {
    const range = snapRange(text, edit.range);
    if (range === edit.range) return edit;
    moved = true;
    return { ...edit, range };
  });
  return moved ? { ...suggestion, edits } : suggestion;
}
