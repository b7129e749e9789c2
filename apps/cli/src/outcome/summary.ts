import type { Severity } from '@nianbao/core';
import type { FileOutcome, ResultTally } from './file-outcome.js';

/** Counts of findings by severity. */
export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** Totals over every file of a run. */
export interface RunSummary extends SeverityCounts {
  /** Files checked (read successfully). */
  files: number;
  /** Inputs that could not be read or checked. */
  failed: number;
  /** Files no template fits (read, but not checked). */
  unrecognised: number;
  /** Whether the run was asked to fix (`--fix`): the JSON contract's summary then counts what it wrote. */
  fixing: boolean;
  /** Files that `--fix` rewrote, and how many fixes it applied in them. */
  fixedFiles: number;
  fixes: number;
  /** Findings per diagnostic code, in first-seen order. */
  byCode: Map<string, SeverityCounts>;
}

const severityKey: Record<Severity, keyof SeverityCounts> = {
  error: 'errors',
  warning: 'warnings',
  info: 'infos',
};

/** An empty summary, to be filled with {@link addToSummary}; `fixing` for a run with `--fix`. */
export function emptySummary(fixing = false): RunSummary {
  return { files: 0, failed: 0, unrecognised: 0, errors: 0, warnings: 0, infos: 0, fixing, fixedFiles: 0, fixes: 0, byCode: new Map() };
}

/**
 * Whether a template fitted the file and the code and severity of each finding, from the result or, for a
 * result that travels as JSON text, its tally; undefined when the file could not be read or checked.
 */
export function tallyOf(outcome: FileOutcome): ResultTally | undefined {
  if (outcome.result) return { recognised: outcome.result.template !== null, findings: outcome.result.diagnostics };
  return outcome.tally;
}

/** Adds one file's outcome to a summary. */
export function addToSummary(summary: RunSummary, outcome: FileOutcome): void {
  const tally = tallyOf(outcome);
  if (!tally) {
    summary.failed++;
    return;
  }
  summary.files++;
  if (!tally.recognised) summary.unrecognised++;
  if (outcome.fix && outcome.fix.applied > 0) {
    summary.fixedFiles++;
    summary.fixes += outcome.fix.applied;
  }
  for (const diagnostic of tally.findings) {
    const key = severityKey[diagnostic.severity];
    summary[key]++;
    let perCode = summary.byCode.get(diagnostic.code);
    if (!perCode) {
      perCode = { errors: 0, warnings: 0, infos: 0 };
      summary.byCode.set(diagnostic.code, perCode);
    }
    perCode[key]++;
  }
}

/** The summary object of the JSON contract. */
export interface ContractSummary extends SeverityCounts {
  files: number;
  /** With `--fix` only: the files rewritten and the fixes written into them. */
  fixedFiles?: number;
  fixes?: number;
}

/** The summary object of the JSON contract; what `--fix` wrote only in a run that was asked to fix. */
export function contractSummary(summary: RunSummary): ContractSummary {
  const counts = { files: summary.files, errors: summary.errors, warnings: summary.warnings, infos: summary.infos };
  return summary.fixing ? { ...counts, fixedFiles: summary.fixedFiles, fixes: summary.fixes } : counts;
}
