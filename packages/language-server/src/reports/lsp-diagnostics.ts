import type { Diagnostic as CoreDiagnostic, LineIndex, OffsetRange, Suggestion } from '@nianbao/core';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-protocol';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';

/** Name under which the server publishes its findings. */
export const diagnosticSource = 'nianbao';

/** A fix carried in a published diagnostic's `data`, with LSP ranges of the checked version. */
export interface LspSuggestion {
  title: string;
  edits: TextEdit[];
}

/** What a published report diagnostic carries in `data`: enough to build its quick fixes. */
export interface ReportDiagnosticData {
  /** The document version the finding (and its edits) is about. */
  version: number;
  rule?: string;
  category: string;
  cells?: string[];
  expected?: number;
  actual?: number;
  /**
   * The verified fixes known when the finding was published: none while they are being verified (the
   * server resolves a quick fix from its own copy of the finding, by fingerprint).
   */
  suggestions: LspSuggestion[];
  /** The finding's fingerprint (baseline files) and its report's identity. */
  fingerprint?: string;
  report?: string;
}

const severities = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

/** The LSP range of an offset range. */
export function toLspRange(positions: LineIndex, range: OffsetRange): Range {
  return { start: positions.positionAt(range.start), end: positions.positionAt(Math.max(range.start, range.end)) };
}

/** The LSP form of a core suggestion. */
export function toLspSuggestion(positions: LineIndex, suggestion: Suggestion): LspSuggestion {
  return {
    title: suggestion.message,
    edits: suggestion.edits.map((edit) => ({ range: toLspRange(positions, edit.range), newText: edit.newText })),
  };
}

/**
 * The LSP form of a core finding: offsets become positions, the severity maps over, related locations become
 * related information, `code` is the finding's code (with its rule), and `data` carries the suggestions.
 */
export function toLspDiagnostic(
  finding: CoreDiagnostic,
  uri: string,
  positions: LineIndex,
  version: number,
): Diagnostic {
  const data: ReportDiagnosticData = {
    version,
    category: finding.category,
    suggestions: finding.suggestions.map((s) => toLspSuggestion(positions, s)),
  };
  if (finding.rule !== undefined) data.rule = finding.rule;
  if (finding.cells !== undefined) data.cells = finding.cells;
  if (finding.expected !== undefined) data.expected = finding.expected;
  if (finding.actual !== undefined) data.actual = finding.actual;
  return {
    range: toLspRange(positions, finding.range),
    severity: severities[finding.severity] ?? DiagnosticSeverity.Warning,
    code: finding.code,
    source: diagnosticSource,
    message: finding.message,
    relatedInformation: finding.related.map((related) => ({
      location: { uri, range: toLspRange(positions, related.range) },
      message: related.message,
    })),
    data,
  };
}

/** True when `value` looks like the `data` of a report diagnostic. */
export function isReportDiagnosticData(value: unknown): value is ReportDiagnosticData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ReportDiagnosticData).version === 'number' &&
    Array.isArray((value as ReportDiagnosticData).suggestions)
  );
}
