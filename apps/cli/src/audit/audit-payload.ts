import { builtinTemplates, digestReport, type CheckResult, type ReportCell, type TemplateIR } from '@nianbao/core';
import type { AuditPayload, TableView } from '../outcome/index.js';

/** The templates an audit knows: the built-in ones, and the one given with `--template` when it is compiled from a file. */
export function auditTemplates(template: 'auto' | string | TemplateIR): readonly TemplateIR[] {
  return typeof template === 'object' ? [template, ...builtinTemplates.filter((t) => t.id !== template.id)] : builtinTemplates;
}

/**
 * The region's key figures and the cells they add up (ids shared by the national formats): applications
 * received, granted, partly granted, refused, unable to provide, not processed; administrative reviews and
 * lawsuits, and how many of each the reviewing body or court corrected.
 */
export const regionFigures: Record<string, (id: string) => boolean> = {
  received: (id) => id === 't3.newReceived.total',
  granted: (id) => id === 't3.results.granted.total',
  partlyGranted: (id) => id === 't3.results.partlyGranted.total',
  refused: (id) => id.startsWith('t3.results.refused.') && id.endsWith('.total'),
  unableToProvide: (id) => id.startsWith('t3.results.unableToProvide.') && id.endsWith('.total'),
  notProcessed: (id) => id.startsWith('t3.results.notProcessed.') && id.endsWith('.total'),
  reviews: (id) => id === 't4.cases.review.total',
  reviewsCorrected: (id) => id === 't4.cases.review.corrected',
  lawsuits: (id) => id === 't4.cases.litigation.direct.total' || id === 't4.cases.litigation.afterReview.total',
  lawsuitsCorrected: (id) => id === 't4.cases.litigation.direct.corrected' || id === 't4.cases.litigation.afterReview.corrected',
};

/** A cell's value when it was read with certainty (blank counts 0), else null. */
function certainValue(cell: ReportCell): number | null {
  if (cell.guessed) return null;
  if (cell.state === 'blank') return 0;
  return cell.state === 'number' && cell.value !== null && Number.isFinite(cell.value) ? cell.value : null;
}

/** What an audit keeps of one checked report: its digest, key figures and tables. */
export function auditPayload(check: CheckResult, path: string, templates: readonly TemplateIR[]): AuditPayload {
  const cells = (check.report?.tables ?? []).flatMap((table) => table.rows.flatMap((row) => row.cells));
  const figures: Record<string, number | null> = {};
  for (const [name, wanted] of Object.entries(regionFigures)) {
    const used = cells.filter((cell) => wanted(cell.id));
    const values = used.map(certainValue);
    figures[name] = used.length === 0 || values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + b!, 0);
  }
  const template = templates.find((t) => t.id === check.template?.id);
  const tables: TableView[] = (check.report?.tables ?? []).map((table) => {
    const ir = template?.tables.find((t) => t.id === table.id);
    return {
      id: table.id,
      label: table.label,
      columns: ir ? ir.leafColumns.map((id) => columnLabel(ir.columns, id)) : [],
      rows: table.rows.map((row) => ({ label: row.label, cells: row.cells.map((cell) => ({ id: cell.id, raw: cell.raw, state: cell.state })) })),
    };
  });
  return { digest: digestReport(check, path, templates), figures, tables };
}

function columnLabel(roots: TemplateIR['tables'][number]['columns'], id: string): string {
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.id === id) return node.label;
    stack.push(...node.children);
  }
  return id;
}
