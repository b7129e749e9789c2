import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { SymbolKind } from 'vscode-languageserver-protocol';
import { serverMessage } from '../l10n/index.js';
import type { ServerLocale } from '../settings/index.js';
import { toLspRange } from './lsp-diagnostics.js';
import type { CheckedReport } from './report-service.js';

/** The outline of a report: its sections (as found), each with its tables, each with its rows. */
export function reportSymbols(report: CheckedReport, locale: ServerLocale): DocumentSymbol[] {
  const parsed = report.result.report;
  const template = report.template;
  if (!parsed || !template) return [];
  const symbols: DocumentSymbol[] = [];
  for (const section of parsed.sections) {
    if (!section.range) continue;
    const ir = template.sections.find((s) => s.id === section.id);
    const name = section.heading?.text.trim() || (ir ? `${ir.numeral}、${ir.heading}` : section.id);
    const range = toLspRange(report.positions, section.range);
    const selectionRange = section.heading ? toLspRange(report.positions, section.heading.range) : { start: range.start, end: range.start };
    const children: DocumentSymbol[] = [];
    for (const table of parsed.tables) {
      const tableIr = template.tables.find((t) => t.id === table.id);
      if (!table.found || !table.range || tableIr?.section !== section.id) continue;
      const tableRange = toLspRange(report.positions, table.range);
      const rows: DocumentSymbol[] = table.rows
        .filter((row) => row.labelRange)
        .map((row) => {
          const labelRange = toLspRange(report.positions, row.labelRange!);
          const values = row.cells.map((cell) => (cell.raw === '' ? '·' : cell.raw)).join(' ');
          return {
            name: row.label || row.id,
            detail: values,
            kind: SymbolKind.Field,
            range: labelRange,
            selectionRange: labelRange,
          };
        });
      children.push({
        name: tableIr?.caption ? `${tableIr.caption} ${table.label}` : table.label,
        detail: table.id,
        kind: SymbolKind.Struct,
        range: tableRange,
        selectionRange: { start: tableRange.start, end: tableRange.start },
        children: rows,
      });
    }
    symbols.push({
      name,
      detail: section.match === 'missing' ? serverMessage(locale, 'missingSection') : undefined,
      kind: SymbolKind.Namespace,
      range,
      selectionRange,
      children,
    });
  }
  return symbols;
}

/** Folding ranges of a report: its sections and tables. */
export function reportFoldingRanges(report: CheckedReport): FoldingRange[] {
  const parsed = report.result.report;
  if (!parsed) return [];
  const ranges: FoldingRange[] = [];
  const add = (start: number, end: number): void => {
    const from = report.positions.positionAt(start).line;
    const to = report.positions.positionAt(Math.max(start, end - 1)).line;
    if (to > from) ranges.push({ startLine: from, endLine: to });
  };
  for (const section of parsed.sections) if (section.range) add(section.range.start, section.range.end);
  for (const table of parsed.tables) if (table.found && table.range) add(table.range.start, table.range.end);
  return ranges;
}
