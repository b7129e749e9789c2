import type { DiagnosticCategory, ReportDigest, Severity } from '@nianbao/core';

/** A position as in LSP: 0-based line, 0-based character in UTF-16 code units. */
export interface Position {
  line: number;
  character: number;
}

/** A range of positions, end exclusive. */
export interface Range {
  start: Position;
  end: Position;
}

/** A text edit of the JSON contract. */
export interface OutputTextEdit {
  range: Range;
  newText: string;
}

/** A proposed fix of the JSON contract. */
export interface OutputSuggestion {
  message: string;
  edits: OutputTextEdit[];
}

/** A related location of the JSON contract. */
export interface OutputRelated {
  message: string;
  range: Range;
}

/** One finding as the JSON contract (`--format json`, version 1) writes it. */
export interface OutputDiagnostic {
  code: string;
  category: DiagnosticCategory;
  severity: Severity;
  message: string;
  range: Range;
  related: OutputRelated[];
  /** Arithmetic findings only. */
  expected?: number;
  /** Arithmetic findings only. */
  actual?: number;
  suggestions: OutputSuggestion[];
}

/** One checked file as the JSON contract writes it. */
export interface FileResult {
  path: string;
  template: { id: string; confidence: number } | null;
  report: { year: number | null; agency: string | null };
  /** Which reader read the file (decided by its content), its encoding, and the format its name claims when that differs. */
  source: OutputSource;
  diagnostics: OutputDiagnostic[];
}

/** How a file was read, as the JSON outputs write it. */
export interface OutputSource {
  /** The reader used: `txt`, `md`, `html` or `docx`. */
  reader: string;
  encoding: string;
  /** The format the file name claims, when the content decided otherwise (a page saved as `.txt`). */
  declared?: string;
}

/** What the CLI knows about a finding beyond the JSON contract (for SARIF and summaries). */
export interface DiagnosticExtras {
  /** The template rule behind the finding (e.g. `R1`). */
  rule?: string;
  /** Cell ids the finding is about. */
  cells?: string[];
  /** A location-independent identity of the finding, stable across edits elsewhere in the file (SARIF runs only). */
  fingerprint?: string;
}

/** What `nianbao audit` keeps of a checked report (plain data, posted by worker threads). */
export interface AuditPayload {
  digest: ReportDigest;
  /** The region's key figures as this report states them (null: not read with certainty). */
  figures: Record<string, number | null>;
  /** The report's tables as read, for its page of the HTML summary. */
  tables: TableView[];
}

/** A table as read, for display. */
export interface TableView {
  id: string;
  label: string;
  columns: string[];
  rows: Array<{ label: string; cells: Array<{ id: string; raw: string; state: string }> }>;
}

/** What `--fix` did to a file. */
export interface FixReport {
  /** Number of suggestions applied and written. */
  applied: number;
  /** Why nothing was written although fixes were available, as a message for stderr. */
  skipped?: string;
}

/**
 * What a run's summary and exit code need of a file's result when the result itself travels as JSON
 * text (see {@link FileOutcome.resultJson}).
 */
export interface ResultTally {
  /** Whether a template fitted the file (the contract's `template` is not null). */
  recognised: boolean;
  /** Code and severity of each finding, in the result's order. */
  findings: Array<{ code: string; severity: Severity }>;
}

/**
 * Everything the CLI learnt from one input: the contract object, and what the formatters need besides.
 * Plain data, so a worker thread can post it.
 */
export interface FileOutcome {
  /** Position of the input in the command line's expanded input list. */
  index: number;
  /** Display path (as given, or relative to the directory given); `<stdin>` for standard input. */
  path: string;
  /** Present unless the file could not be read or checked, or the result travels as {@link resultJson}. */
  result?: FileResult;
  /**
   * The result as JSON text instead of `result` (`CheckSettings.resultAsJson`, for the JSON outputs): made
   * where the file was checked — on a worker thread, so that the main thread only writes it. Comes with
   * {@link tally}.
   */
  resultJson?: string;
  /** What the summary needs of a result that travels as {@link resultJson}. */
  tally?: ResultTally;
  /** Parallel to `result.diagnostics`. */
  extras: DiagnosticExtras[];
  /** Text of the lines diagnostics start on (0-based line number → text), for code frames. */
  lines: Record<number, string>;
  fix?: FixReport;
  /** `nianbao audit` only. */
  audit?: AuditPayload;
  /** Why the file could not be read or checked: a one-line message. */
  failure?: string;
}
