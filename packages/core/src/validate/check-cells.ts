import type { Diagnostic, RelatedLocation } from '../diagnostics/diagnostic.js';
import type { CellType, TableIR } from '../ir/template-ir.js';
import type { DiagnosticCode } from '../messages/index.js';
import type { OffsetRange, ReportCell, ReportTable } from '../model/report.js';
import { excerpt, lineAt } from './text-ranges.js';
import type { ValidationContext } from './validation-context.js';

/** Related locations listed for a table-wide finding; the rest are only in `cells`. */
const MAX_RELATED = 30;

/** One finding for a whole table about the cells of one kind (blank, approximate, unit…). */
function tableFinding(
  ctx: ValidationContext,
  code: DiagnosticCode,
  table: TableIR,
  found: ReportTable,
  cells: ReportCell[],
  params: Record<string, string | number> = {},
): Diagnostic | null {
  if (cells.length === 0 || !ctx.enabled(code)) return null;
  const firstRange = cells.find((cell) => cell.range && cell.range.end > cell.range.start)?.range;
  const range: OffsetRange = firstRange ?? (found.range ? lineAt(ctx.text, found.range.start) : cells.find((c) => c.range)?.range ?? { start: 0, end: 0 });
  const ids = cells.map((cell) => cell.id);
  if (ctx.bare(ids)) return ctx.diagnostic(code, { message: '', range, cells: ids });
  const related: RelatedLocation[] = cells
    .filter((cell) => cell.range)
    .slice(0, MAX_RELATED)
    .map((cell) => ({
      message: ctx.msg('related/cell', { cell: ctx.cellLabel(cell.id), raw: cell.raw || '—' }),
      range: cell.range!,
    }));
  return ctx.diagnostic(code, {
    message: ctx.msg(code, {
      table: ctx.tableLabel(table.id),
      count: cells.length,
      values: ctx.list(cells.map((cell) => `${ctx.cellLabel(cell.id)}“${cell.raw}”`), 5),
      ...params,
    }),
    range,
    related,
    cells: ids,
  });
}

function typeOf(ctx: ValidationContext, table: TableIR, cell: ReportCell): CellType {
  return ctx.cell(cell.id)?.type ?? table.cellType;
}

/** A number outside its cell type's domain (a negative or fractional count, a fractional integer). */
function outOfDomain(type: CellType, value: number): 'count' | 'integer' | null {
  if (type.kind === 'count' && (value < 0 || !Number.isInteger(value))) return 'count';
  if (type.kind === 'integer' && !Number.isInteger(value)) return 'integer';
  return null;
}

/** True for the cell types that hold words, not figures. */
function isWordsType(type: CellType): boolean {
  return type.kind === 'text' || type.kind === 'ignored';
}

/**
 * Cell domains from the template's cell types. Per table and kind, one finding: blank cells the
 * arithmetic counts as 0 (a blank no rule uses changes no result and is left alone), approximate numbers, money without a unit / in another accepted unit (converted) /
 * in an unknown unit. Per cell: text that is not a number, a number outside its type (negative counts).
 */
export function checkCells(ctx: ValidationContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const countedAsZero = ctx.blankAsZeroCells;
  for (const table of ctx.template.tables) {
    const found = ctx.reportTable(table.id);
    if (!found?.found) continue;
    // Most tables have no cell to report: their cells are only looked at here, and the findings made
    // apart (in a function of its own, which V8 compiles apart from this loop over every cell).
    const notable = notableCells(ctx, table, found, countedAsZero);
    if (notable !== null) cellFindings(ctx, table, found, notable, countedAsZero, diagnostics);
  }
  return diagnostics;
}

/**
 * The cells of a table that {@link cellFindings} may report, in order (null when none): of the cells
 * holding figures, the blank ones the arithmetic counts as 0, the approximate and invalid ones, and the
 * numbers outside their type's domain or of a money type (whose units are compared).
 */
function notableCells(ctx: ValidationContext, table: TableIR, found: ReportTable, countedAsZero: ReadonlySet<string>): ReportCell[] | null {
  let notable: ReportCell[] | null = null;
  const money = mayHoldMoney(ctx, table);
  // Index loops: this runs over every cell of every report.
  const rows = found.rows;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r].cells;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      const state = cell.state;
      let type: CellType;
      if (state === 'number') {
        const value = cell.value;
        if (value === null || !Number.isFinite(value)) continue;
        // A whole number from 0 up is in every type's domain: in a table without money cells (whose units
        // are compared) it is not notable, and its type need not be looked up (most cells of most tables).
        if (!money && value >= 0 && Number.isInteger(value)) continue;
        type = typeOf(ctx, table, cell);
        if (type.kind !== 'money' && outOfDomain(type, value) === null) continue;
      } else if (state === 'blank' ? countedAsZero.has(cell.id) : state === 'approximate' || state === 'invalid') {
        type = typeOf(ctx, table, cell);
      } else continue;
      if (isWordsType(type)) continue;
      (notable ??= []).push(cell);
    }
  }
  return notable;
}

const moneyTables = new WeakMap<TableIR, boolean>();

/**
 * Whether a cell of `table` may be of a money type (see {@link typeOf}): the table's own cell type or the
 * type of one of its template cells is; found once per template table.
 */
function mayHoldMoney(ctx: ValidationContext, table: TableIR): boolean {
  let money = moneyTables.get(table);
  if (money === undefined) {
    money = table.cellType.kind === 'money' || ctx.template.cells.some((cell) => cell.table === table.id && cell.type.kind === 'money');
    moneyTables.set(table, money);
  }
  return money;
}

/** The findings of the {@link notableCells} of a table (see {@link checkCells}), added to `diagnostics`. */
function cellFindings(
  ctx: ValidationContext,
  table: TableIR,
  found: ReportTable,
  cells: readonly ReportCell[],
  countedAsZero: ReadonlySet<string>,
  diagnostics: Diagnostic[],
): void {
  const blank = cells.filter((cell) => cell.state === 'blank' && countedAsZero.has(cell.id));
  const approximate = cells.filter((cell) => cell.state === 'approximate');
  const unitMissing: ReportCell[] = [];
  const unitConverted: ReportCell[] = [];
  const unitUnknown: ReportCell[] = [];
  let money: Extract<CellType, { kind: 'money' }> | undefined;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const type = typeOf(ctx, table, cell);
    if (cell.state === 'invalid') {
      diagnostics.push(
        ctx.diagnostic('cell/invalid', {
          message: ctx.findingsOnly ? '' : ctx.msg('cell/invalid', { cell: ctx.cellLabel(cell.id), raw: excerpt(cell.raw) }),
          range: cell.range ?? (found.range ? lineAt(ctx.text, found.range.start) : { start: 0, end: 0 }),
          cells: [cell.id],
        }),
      );
      continue;
    }
    if (cell.state !== 'number' || cell.value === null || !Number.isFinite(cell.value)) continue;
    const domain = outOfDomain(type, cell.value);
    if (domain) {
      diagnostics.push(
        ctx.diagnostic('cell/out-of-domain', {
          message: ctx.findingsOnly
            ? ''
            : ctx.msg('cell/out-of-domain', {
                cell: ctx.cellLabel(cell.id),
                domain: ctx.msg(`domain/${domain}`),
                raw: cell.raw,
              }),
          range: cell.range ?? { start: 0, end: 0 },
          cells: [cell.id],
        }),
      );
    }
    if (type.kind !== 'money') continue;
    money = type;
    if (!cell.unit) {
      if (type.unitRequired) unitMissing.push(cell);
    } else if (cell.unit !== type.unit) {
      (type.accepted.some((accepted) => accepted.unit === cell.unit) ? unitConverted : unitUnknown).push(cell);
    }
  }
  const unit = money?.unit ?? '';
  // The list of accepted units is a message of its own: formatted only when a unit is unknown.
  const accepted = () => [unit, ...(money?.accepted.map((a) => a.unit) ?? [])].filter((u, i, all) => u && all.indexOf(u) === i);
  for (const finding of [
    tableFinding(ctx, 'cell/blank', table, found, blank),
    tableFinding(ctx, 'cell/approximate', table, found, approximate),
    tableFinding(ctx, 'cell/unit-missing', table, found, unitMissing, { unit }),
    tableFinding(ctx, 'cell/unit-converted', table, found, unitConverted, { unit }),
    tableFinding(ctx, 'cell/unit-unknown', table, found, unitUnknown, unitUnknown.length > 0 ? { accepted: ctx.list(accepted(), 10) } : {}),
  ]) {
    if (finding) diagnostics.push(finding);
  }
}
