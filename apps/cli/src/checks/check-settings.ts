import type { Locale, TemplateIR } from '@nianbao/core';

/** How every file of a run is checked (plain data: it is handed to worker threads). */
export interface CheckSettings {
  /** `auto`, a built-in template id, or a compiled template. */
  template: 'auto' | string | TemplateIR;
  /** The template sets detection chooses among (built-in and project templates), by index. */
  templateSets: TemplateIR[][];
  locale: Locale;
  /** Apply safe fixes in place. */
  fix: boolean;
  /** Keep source lines for code frames. */
  wantLines: boolean;
  /** Compute finding fingerprints (SARIF, baselines). */
  wantFingerprints: boolean;
  /**
   * Hand each result over as JSON text (`FileOutcome.resultJson`, with its tally) rather than as an object:
   * the JSON outputs, which write nothing else of it.
   */
  resultAsJson?: boolean;
  /** Keep what `nianbao audit` needs of each report: digest, key figures, tables (see AuditPayload). */
  wantAudit?: boolean;
  /** Time budget of one report's check in milliseconds (default: the core's). */
  budgetMs?: number;
}

/** One input to check: a file to read, or bytes already read (standard input). */
export interface CheckJob {
  index: number;
  /** Display path. */
  path: string;
  /** Absolute path to read (and to rewrite with `--fix`). */
  file?: string;
  /** The content, when it does not come from a file. */
  bytes?: Uint8Array;
  /** File name that tells the reader the format of `bytes` (`--stdin-filename`). */
  fileName?: string;
  /** Index of the job's template set in `CheckSettings.templateSets`. */
  templateSet?: number;
}
