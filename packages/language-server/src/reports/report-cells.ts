import type { ReportCell, ReportRow, ReportTable } from '@nianbao/core';
import type { CheckedReport } from './report-service.js';

/** A cell found in a report, with its table and row. */
export interface LocatedCell {
  table: ReportTable;
  row: ReportRow;
  cell: ReportCell;
}

/** The cell whose text covers `offset` (or touches it, for an empty blank cell). */
export function cellAt(report: CheckedReport, offset: number): LocatedCell | undefined {
  const parsed = report.result.report;
  if (!parsed) return undefined;
  for (const table of parsed.tables) {
    if (!table.range || offset < table.range.start || offset > table.range.end) continue;
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const range = cell.range;
        if (range && offset >= range.start && offset <= Math.max(range.end, range.start)) {
          return { table, row, cell };
        }
      }
    }
  }
  return undefined;
}

/** Every cell of a report by id. */
export function cellsById(report: CheckedReport): Map<string, ReportCell> {
  const cells = new Map<string, ReportCell>();
  for (const table of report.result.report?.tables ?? []) {
    for (const row of table.rows) for (const cell of row.cells) cells.set(cell.id, cell);
  }
  return cells;
}
