import type { AuditFinding, ReportDigest } from '@nianbao/core';
import type { DiagnosticExtras, FileOutcome, OutputDiagnostic, OutputRelated } from '../outcome/index.js';
import type { BaselineState } from '../format/sarif-formatter.js';
import type { SpillRef } from './spill-file.js';

/**
 * What the audit keeps in memory of one report once it is checked (the report itself is dropped): who
 * and which year it is, its counts, and where the rest waits on disk (its digest, its page, its findings
 * across reports).
 */
export interface AuditedReport {
  /** Position in the input list. */
  index: number;
  path: string;
  agency: string | null;
  agencyKey: string | null;
  year: number | null;
  templateId: string | null;
  errors: number;
  warnings: number;
  infos: number;
  /** Findings shown, per code. */
  codes: Record<string, number>;
  /** Where its digest waits (reports the audit read). */
  digest?: SpillRef;
  /** Where the data of its page of the HTML summary waits (`--html`). */
  page?: SpillRef;
  /** Its findings across reports that are shown, in the run's finding store. */
  across?: SpillRef[];
}

/** A finding across reports, in the output shape (positions as lines and characters; related in other files). */
export interface AuditOutputFinding extends OutputDiagnostic {
  path: string;
  /** Each in a report (`path`), at a cell of it when the finding compares cells. */
  related: Array<OutputRelated & { path: string; cell?: string }>;
}

/** An audit finding with what outputs need besides it. */
export interface AuditFindingRecord {
  finding: AuditOutputFinding;
  extras: DiagnosticExtras;
  /** Numbered fingerprint (baselines, SARIF). */
  fingerprint: string;
  /** The report's identity (baselines). */
  report: string;
  state?: BaselineState;
}

/** The output shape of a core audit finding. */
export function toOutputFinding(finding: AuditFinding): AuditOutputFinding {
  return {
    path: finding.location.path,
    code: finding.code,
    category: finding.category,
    severity: finding.severity,
    message: finding.message,
    range: { start: finding.location.start, end: finding.location.end },
    related: finding.related.map((related) => ({
      path: related.path,
      message: related.message,
      range: { start: related.start, end: related.end },
      ...(related.cell && { cell: related.cell }),
    })),
    ...(finding.expected !== undefined && { expected: finding.expected }),
    ...(finding.actual !== undefined && { actual: finding.actual }),
    suggestions: [],
  };
}

/** The record of a checked report, from its outcome (only the findings shown are counted). */
export function auditedReport(outcome: FileOutcome, shown: readonly OutputDiagnostic[]): AuditedReport {
  const digest: ReportDigest | undefined = outcome.audit?.digest;
  const codes: Record<string, number> = {};
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const diagnostic of shown) {
    codes[diagnostic.code] = (codes[diagnostic.code] ?? 0) + 1;
    if (diagnostic.severity === 'error') errors++;
    else if (diagnostic.severity === 'warning') warnings++;
    else infos++;
  }
  return {
    index: outcome.index,
    path: outcome.path,
    agency: digest?.agency ?? outcome.result?.report.agency ?? null,
    agencyKey: digest?.agencyKey ?? null,
    year: digest?.year ?? outcome.result?.report.year ?? null,
    templateId: outcome.result?.template?.id ?? null,
    errors,
    warnings,
    infos,
    codes,
  };
}

/** Adds an audit finding to its report's record. */
export function countFinding(report: AuditedReport, finding: AuditOutputFinding): void {
  report.codes[finding.code] = (report.codes[finding.code] ?? 0) + 1;
  if (finding.severity === 'error') report.errors++;
  else if (finding.severity === 'warning') report.warnings++;
  else report.infos++;
}
