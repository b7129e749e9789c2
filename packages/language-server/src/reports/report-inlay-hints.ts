import type { InlayHint, Position, Range } from 'vscode-languageserver-protocol';
import { InlayHintKind } from 'vscode-languageserver-protocol';
import { serverMessage } from '../l10n/index.js';
import type { ServerLocale } from '../settings/index.js';
import { equationStatus } from './equation-status.js';
import { formatNumber } from './format-number.js';
import { isReportDiagnosticData } from './lsp-diagnostics.js';
import { cellsById } from './report-cells.js';
import type { CheckedReport } from './report-service.js';

/**
 * Beside a wrong total, the value it should have. When the validator pinned the error on cells and proposes
 * new values, each of those cells gets its proposed value; otherwise a failed equation whose left side is
 * one cell (a total) gets the value of its right side. One hint per position and value.
 */
export function reportInlayHints(report: CheckedReport, range: Range, locale: ServerLocale): InlayHint[] {
  const hints = new Map<string, InlayHint>();
  const add = (position: Position, value: string, tooltip: string): void => {
    if (position.line < range.start.line || position.line > range.end.line) return;
    const label = serverMessage(locale, 'expected', { expected: value });
    const key = `${position.line}:${position.character}:${label}`;
    if (!hints.has(key)) hints.set(key, { position, label, kind: InlayHintKind.Parameter, paddingLeft: true, tooltip });
  };
  report.result.diagnostics.forEach((finding, index) => {
    if (finding.category !== 'arithmetic') return;
    const data = report.diagnostics[index]?.data;
    const fix = isReportDiagnosticData(data) ? data.suggestions[0] : undefined;
    if (fix) {
      for (const edit of fix.edits) add(edit.range.end, edit.newText.trim(), fix.title);
      return;
    }
    for (const { cell, value } of failedTotals(report, finding.rule, finding.range.start, finding.range.end)) {
      add(report.positions.positionAt(cell), formatNumber(value), finding.message);
    }
  });
  return [...hints.values()];
}

/** Failed equations of `rule` whose left side is the single cell at [start, end): that cell and the right side. */
function failedTotals(
  report: CheckedReport,
  rule: string | undefined,
  start: number,
  end: number,
): Array<{ cell: number; value: number }> {
  const template = report.template;
  if (!template || !rule) return [];
  const cells = cellsById(report);
  const totals: Array<{ cell: number; value: number }> = [];
  for (const candidate of template.rules) {
    if (candidate.kind !== 'arithmetic' || candidate.id !== rule) continue;
    for (const equation of candidate.equations) {
      if (equation.lhs.length !== 1 || equation.lhs[0].coef !== 1 || equation.op !== '=') continue;
      const total = cells.get(equation.lhs[0].cell);
      if (!total?.range || total.range.start !== start || total.range.end !== end) continue;
      const status = equationStatus(candidate, equation, cells);
      if (status.holds === false && status.rhs !== null) totals.push({ cell: total.range.end, value: status.rhs });
    }
  }
  return totals;
}
