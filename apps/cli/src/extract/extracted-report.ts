import type { AxisNode, CellState, ParsedReport, RowConfidence, TemplateIR } from '@nianbao/core';
import type { LinePositions } from '../checks/to-file-outcome.js';
import { outputSource } from '../checks/to-file-outcome.js';
import type { OutputSource, Range } from '../outcome/index.js';

/** One cell of `nianbao extract --format json`. */
export interface ExtractedCell {
  id: string;
  column: { id: string; label: string };
  raw: string;
  value: number | null;
  state: CellState;
  unit?: string;
  /** Where the cell's text is (0-based lines, UTF-16 characters); null when the cell is not in the report. */
  range: Range | null;
}

/** One row of an extracted table. */
export interface ExtractedRow {
  id: string;
  label: string;
  /**
   * How surely its cells were read (`exact`, `apart`, `repaired`, `position`, `split` are certain; `guess`,
   * `unread` are not); absent for a row not in the report.
   */
  confidence?: RowConfidence;
  cells: ExtractedCell[];
}

/** One extracted table. */
export interface ExtractedTable {
  id: string;
  label: string;
  rows: ExtractedRow[];
}

/** The document `nianbao extract --format json` writes. */
export interface ExtractedReport {
  template: string;
  report: { year: number | null; agency: string | null };
  /** Which reader read the file, its encoding, and the format its name claims when that differs. */
  source: OutputSource;
  tables: ExtractedTable[];
}

/**
 * The tables of a parsed report, cell by cell, labelled with the template's labels (Simplified
 * Chinese, as in the notices), in template order.
 */
export function extractReport(report: ParsedReport, template: TemplateIR, positions: LinePositions): ExtractedReport {
  return {
    template: template.id,
    report: { year: report.info.year, agency: report.info.agency },
    source: outputSource(report.source),
    tables: report.tables.map((table) => {
      const tableIR = template.tables.find((candidate) => candidate.id === table.id);
      const columnLabels = leafLabels(tableIR?.columns ?? []);
      const rowLabels = leafLabels(tableIR?.rows ?? []);
      return {
        id: table.id,
        label: tableIR?.label ?? table.label,
        rows: table.rows.map((row) => ({
          id: row.id,
          label: rowLabels.get(row.id) ?? row.label,
          ...(row.confidence !== undefined && { confidence: row.confidence }),
          cells: row.cells.map((cell) => ({
            id: cell.id,
            column: { id: cell.column, label: columnLabels.get(cell.column) ?? cell.column },
            raw: cell.raw,
            value: cell.value,
            state: cell.state,
            ...(cell.unit !== undefined && { unit: cell.unit }),
            range: cell.range
              ? { start: positions.positionAt(cell.range.start), end: positions.positionAt(cell.range.end) }
              : null,
          })),
        })),
      };
    }),
  };
}

/** Leaf id → label of an axis tree. */
function leafLabels(nodes: readonly AxisNode[], into = new Map<string, string>()): Map<string, string> {
  for (const node of nodes) {
    if (node.children.length === 0 || node.ownFigure) into.set(node.id, node.label);
    if (node.children.length > 0) leafLabels(node.children, into);
  }
  return into;
}
