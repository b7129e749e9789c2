import { checkSettingsFor } from './validate-settings.js';
import { defaultJobs } from '../checks/default-jobs.js';
import { runChecks } from '../checks/run-checks.js';
import { createFormatter } from '../format/create-formatter.js';
import type { OutputFormat } from '../format/formatter.js';
import { collectInputs } from '../input/collect-inputs.js';
import { addToSummary, emptySummary, tallyOf, type FileOutcome } from '../outcome/index.js';
import { CliError, ExitCode } from '../program/cli-error.js';
import type { CliIo } from '../program/cli-io.js';
import { cliVersion } from '../program/cli-version.js';
import { localeOf, parseWholeNumber } from '../program/parse-options.js';
import { supportsColour } from '../terminal/colour-support.js';
import { ProgressBar } from '../terminal/progress-bar.js';
import { writerBesideProgress } from '../terminal/beside-progress.js';
import { createStyle } from '../terminal/style.js';

/** Options of `nianbao validate`, as commander hands them over. */
export interface ValidateOptions {
  template: string;
  format: OutputFormat;
  locale?: string;
  quiet?: boolean;
  maxWarnings?: string;
  jobs?: string;
  fix?: boolean;
  /** `--time-limit`: seconds each report's check may take. */
  timeLimit?: string;
  color?: boolean;
  progress?: boolean;
  stdinFilename?: string;
  /** `--templates`: template files or directories added to detection. */
  templates?: string[];
  /** False with `--no-config`. */
  config?: boolean;
}

/** A progress bar is drawn for at least this many files (and only on a terminal). */
export const progressThreshold = 20;

/** `nianbao validate`: checks reports and prints the findings; returns the exit code. */
export async function validateCommand(operands: string[], options: ValidateOptions, io: CliIo): Promise<number> {
  const { locale, t } = localeOf(options, io.env);
  const maxWarnings = parseWholeNumber('--max-warnings', options.maxWarnings, 0, t);
  const requestedJobs = parseWholeNumber('--jobs', options.jobs, 1, t);
  const inputs = await collectInputs(operands, io.cwd, t);
  if (options.fix && inputs.some((input) => input.kind === 'stdin')) throw new CliError(t('fix-stdin'));
  const { settings, templateSetOf } = await checkSettingsFor(options, inputs, locale, io, t);

  const progress =
    options.progress !== false && io.stderr.isTTY && inputs.length >= progressThreshold
      ? new ProgressBar(io.stderr, inputs.length)
      : undefined;
  const write = writerBesideProgress(io.stdout, () => progress);
  const warn = (text: string) => {
    progress?.clear();
    io.stderr.write(`${text}\n`);
  };
  const formatter = createFormatter(
    options.format,
    { write, locale, t, style: createStyle(supportsColour(io.stdout, io.env, options.color)), columns: io.stdout.columns },
    { version: cliVersion(), cwd: io.cwd },
  );
  const summary = emptySummary(options.fix === true);
  let warningsSeen = 0;
  const deliver = (outcome: FileOutcome) => {
    if (outcome.failure) warn(outcome.failure);
    if (outcome.fix?.skipped) warn(outcome.fix.skipped);
    warningsSeen += tallyOf(outcome)?.findings.filter((d) => d.severity === 'warning').length ?? 0;
    const shown = options.quiet ? onlyErrors(outcome) : outcome;
    addToSummary(summary, shown);
    formatter.file(shown);
    progress?.tick();
  };
  await runChecks(inputs, settings, defaultJobs(inputs.length, requestedJobs), { stdin: io.stdin, stdinFileName: options.stdinFilename }, deliver, templateSetOf);
  progress?.clear();
  formatter.finish(summary);

  if (summary.failed > 0) return ExitCode.failure;
  if (summary.errors > 0) return ExitCode.problems;
  if (maxWarnings !== undefined && warningsSeen > maxWarnings) {
    warn(t('max-warnings-exceeded', { warnings: warningsSeen, max: maxWarnings }));
    return ExitCode.problems;
  }
  return ExitCode.ok;
}

/** The outcome with its errors only (`--quiet`). */
function onlyErrors(outcome: FileOutcome): FileOutcome {
  if (!outcome.result) return outcome;
  const keep = outcome.result.diagnostics.map((d) => d.severity === 'error');
  return {
    ...outcome,
    result: { ...outcome.result, diagnostics: outcome.result.diagnostics.filter((_, i) => keep[i]) },
    extras: outcome.extras.filter((_, i) => keep[i]),
  };
}
