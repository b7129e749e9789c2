import type { InlayHint, Range } from 'vscode-languageserver-protocol';
import { InlayHintKind } from 'vscode-languageserver-protocol';
import { serverMessage } from '../l10n/index.js';
import type { ServerLocale } from '../settings/index.js';
import { formatNumber } from './format-number.js';
import type { CheckedReport } from './report-service.js';

/**
 * Beside a wrong total, the value it should have: one hint at the end of every arithmetic finding that names
 * an expected value (one per position, however many equations agree on it).
 */
export function reportInlayHints(report: CheckedReport, range: Range, locale: ServerLocale): InlayHint[] {
  const hints: InlayHint[] = [];
  const seen = new Set<string>();
  report.result.diagnostics.forEach((finding, index) => {
    if (finding.expected === undefined || finding.category !== 'arithmetic') return;
    const position = report.diagnostics[index]?.range.end;
    if (!position || position.line < range.start.line || position.line > range.end.line) return;
    const label = serverMessage(locale, 'expected', { expected: formatNumber(finding.expected) });
    const key = `${position.line}:${position.character}:${label}`;
    if (seen.has(key)) return;
    seen.add(key);
    hints.push({
      position,
      label,
      kind: InlayHintKind.Parameter,
      paddingLeft: true,
      tooltip: finding.message,
    });
  });
  return hints;
}
