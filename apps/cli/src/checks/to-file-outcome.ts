import { agencyKey, diagnosticEvidence, findingFingerprint, reportIdentity, type CheckResult, type Diagnostic, type OffsetRange, type ReportSource } from '@nianbao/core';
import type { DiagnosticExtras, FileOutcome, OutputDiagnostic, OutputSource, Position, Range } from '../outcome/index.js';

/** Offset ↔ line/character conversion over one text. */
export interface LinePositions {
  /** The LSP position (0-based line, UTF-16 character) of an offset. */
  positionAt(offset: number): Position;
  /** The text of a 0-based line, without its line break. */
  lineText(line: number): string;
}

/** What to put into an outcome besides the contract. */
export interface OutcomeOptions {
  /** Keep the text of the lines diagnostics start on (for code frames). */
  wantLines: boolean;
  /** Compute fingerprints (SARIF only: hashing every finding costs time on big batches). */
  wantFingerprints: boolean;
}

/** Turns a core check result into the CLI's plain-data outcome, with line/character positions. */
export function toFileOutcome(
  index: number,
  path: string,
  check: CheckResult,
  positions: LinePositions,
  options: OutcomeOptions,
): FileOutcome {
  const range = (r: OffsetRange): Range => ({ start: positions.positionAt(r.start), end: positions.positionAt(r.end) });
  const diagnostics: OutputDiagnostic[] = [];
  const extras: DiagnosticExtras[] = [];
  const lines: Record<number, string> = {};
  // The report's identity only for the fingerprints that hold it (its agency key is the name in Simplified
  // script, converted character by character): the other outputs do not read it.
  const identity = options.wantFingerprints ? reportIdentity({ agencyKey: check.info.agency ? agencyKey(check.info.agency) : null, year: check.info.year, path }) : '';
  for (const diagnostic of check.diagnostics) {
    const output = toOutputDiagnostic(diagnostic, range);
    diagnostics.push(output);
    extras.push({
      ...(diagnostic.rule !== undefined && { rule: diagnostic.rule }),
      ...(diagnostic.cells !== undefined && { cells: diagnostic.cells }),
      ...(options.wantFingerprints && { fingerprint: fingerprint(diagnostic, check.source.text, identity) }),
    });
    if (options.wantLines) {
      const line = output.range.start.line;
      if (!(line in lines)) lines[line] = positions.lineText(line);
    }
  }
  return {
    index,
    path,
    result: {
      path,
      template: check.template && { id: check.template.id, confidence: check.template.confidence },
      report: { year: check.info.year, agency: check.info.agency },
      source: outputSource(check.source),
      diagnostics,
    },
    extras,
    lines,
  };
}

/**
 * The outcome with its result as JSON text and a tally instead of the object (see
 * `FileOutcome.resultJson`): one string to post from a worker thread and to write, instead of an object
 * graph to copy, keep and serialise on the main thread.
 */
export function withResultAsJson(outcome: FileOutcome): FileOutcome {
  const { result, ...rest } = outcome;
  if (!result) return outcome;
  return {
    ...rest,
    resultJson: JSON.stringify(result),
    tally: { recognised: result.template !== null, findings: result.diagnostics.map(({ code, severity }) => ({ code, severity })) },
  };
}

function toOutputDiagnostic(diagnostic: Diagnostic, range: (r: OffsetRange) => Range): OutputDiagnostic {
  return {
    code: diagnostic.code,
    category: diagnostic.category,
    severity: diagnostic.severity,
    message: diagnostic.message,
    range: range(diagnostic.range),
    related: diagnostic.related.map((related) => ({ message: related.message, range: range(related.range) })),
    ...(diagnostic.expected !== undefined && { expected: diagnostic.expected }),
    ...(diagnostic.actual !== undefined && { actual: diagnostic.actual }),
    suggestions: diagnostic.suggestions.map((suggestion) => ({
      message: suggestion.message,
      edits: suggestion.edits.map((edit) => ({ range: range(edit.range), newText: edit.newText })),
    })),
  };
}

/**
 * A location-independent identity of a finding (the core's fingerprint: report, code, rule, cells and the
 * text it points at) — stable when lines are added elsewhere in the file; baselines match on it.
 */
function fingerprint(diagnostic: Diagnostic, text: string, report: string): string {
  return findingFingerprint({ report, code: diagnostic.code, rule: diagnostic.rule, cells: diagnostic.cells, evidence: diagnosticEvidence(diagnostic, text) });
}

/** How the file was read, for the JSON outputs. */
export function outputSource(source: ReportSource): OutputSource {
  return {
    reader: source.format,
    encoding: source.encoding,
    ...(source.declaredFormat !== undefined && { declared: source.declaredFormat }),
  };
}
