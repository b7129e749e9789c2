import type { AxisNode, Severity } from '@nianbao/core';
import type { RenderedHeader, RenderedTable, ReportTables } from '../protocol.js';
import { tableLabels } from './axis-labels.js';
import { toLspRange } from './lsp-diagnostics.js';
import { cellsById } from './report-cells.js';
import type { CheckedReport } from './report-service.js';

const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The tables of a checked report as the client renders them: template headers, values, failing cells. */
export function reportTables(report: CheckedReport): ReportTables | null {
  const parsed = report.result.report;
  const template = report.template;
  if (!parsed || !template) return null;
  const findings = cellFindings(report);
  const labels = tableLabels(template);
  const tables: RenderedTable[] = parsed.tables.map((table) => {
    const ir = labels.get(table.id);
    return {
      id: table.id,
      label: table.label,
      caption: ir?.table.caption,
      found: table.found,
      header: ir ? headerRows(ir.table.columns, ir.table.corner ?? '') : [],
      rows: table.rows.map((row) => ({
        id: row.id,
        labels: ir?.rows.get(row.id) ?? [row.label],
        found: row.labelRange !== undefined,
        cells: row.cells.map((cell) => {
          const finding = findings.get(cell.id);
          return {
            id: cell.id,
            raw: cell.raw,
            value: cell.value,
            state: cell.state,
            severity: finding?.severity,
            involved: finding?.involved ?? false,
            messages: finding?.messages ?? [],
            range: cell.range ? toLspRange(report.positions, cell.range) : undefined,
          };
        }),
      })),
    };
  });
  return {
    uri: report.uri,
    version: report.version,
    template: { id: template.id, title: template.title },
    year: report.result.info.year,
    agency: report.result.info.agency,
    tables,
  };
}

/** The `<thead>` rows of a column tree: groups span their leaves, leaves span the remaining depth. */
export function headerRows(columns: readonly AxisNode[], corner: string): RenderedHeader[][] {
  const depthOf = (node: AxisNode): number => 1 + Math.max(0, ...node.children.map(depthOf));
  const leavesOf = (node: AxisNode): number =>
    node.children.length === 0 ? 1 : node.children.reduce((sum, child) => sum + leavesOf(child), 0);
  const depth = Math.max(1, ...columns.map(depthOf));
  const rows: RenderedHeader[][] = Array.from({ length: depth }, () => []);
  rows[0].push({ label: corner, colspan: 1, rowspan: depth });
  const place = (node: AxisNode, level: number): void => {
    const leaf = node.children.length === 0;
    rows[level].push({ label: node.label, colspan: leavesOf(node), rowspan: leaf ? depth - level : 1 });
    for (const child of node.children) place(child, level + 1);
  };
  for (const column of columns) place(column, 0);
  return rows;
}

interface CellFinding {
  /** Worst severity of the findings pinned on the cell (absent when it is only an operand). */
  severity?: Severity;
  /** The cell is an operand of a failed equation. */
  involved: boolean;
  messages: string[];
}

/**
 * The findings of each cell. An arithmetic finding marks the cells it is pinned on (its range: the likely
 * wrong cells) and lists itself on every operand; other findings mark every cell they name.
 */
function cellFindings(report: CheckedReport): Map<string, CellFinding> {
  const cells = cellsById(report);
  const findings = new Map<string, CellFinding>();
  for (const finding of report.result.diagnostics) {
    const named = finding.cells ?? [];
    let pinned = named;
    if (finding.category === 'arithmetic') {
      const overlapping = named.filter((id) => {
        const range = cells.get(id)?.range;
        return range !== undefined && range.start < Math.max(finding.range.end, finding.range.start + 1) && finding.range.start < Math.max(range.end, range.start + 1);
      });
      if (overlapping.length > 0) pinned = overlapping;
    }
    for (const id of named) {
      const entry = findings.get(id) ?? { involved: false, messages: [] };
      if (pinned.includes(id)) {
        if (!entry.severity || rank[finding.severity] > rank[entry.severity]) entry.severity = finding.severity;
      } else {
        entry.involved = true;
      }
      entry.messages.push(finding.message);
      findings.set(id, entry);
    }
  }
  return findings;
}
