import { readFileSync } from 'node:fs';
import { checkText, readReport, readReportSync, ReadError, selectFixes, type CheckOptions, type CheckResult, type Locale } from '@nianbao/core';
import { fixReport, fixReportSync, type FixOutcome } from '../fix/fix-report.js';
import { writeAtomically } from '../fix/write-atomically.js';
import { systemReason } from '../i18n/system-reason.js';
import { createTranslator, type Translator } from '../i18n/translate.js';
import type { FileOutcome, FixReport } from '../outcome/index.js';
import { CheckInterrupted, interruptAfterMs, interruptingGuard, type CheckGuard } from './check-guard.js';
import type { CheckJob, CheckSettings } from './check-settings.js';
import { linePositions } from './line-positions.js';
import { toFileOutcome, withResultAsJson } from './to-file-outcome.js';
import { auditPayload, auditTemplates } from '../audit/audit-payload.js';

/**
 * Checks one input end to end — read, check, fix when asked and possible, convert to an outcome.
 * Never throws: whatever goes wrong becomes the outcome's one-line `failure`. Each stage of each check
 * runs under `guard` (by default: interrupted on this thread past the hard time limit).
 */
export async function checkFile(
  job: CheckJob,
  settings: CheckSettings,
  guard: CheckGuard = interruptingGuard(interruptAfterMs(settings.budgetMs)),
): Promise<FileOutcome> {
  const t = createTranslator(settings.locale);
  const early = checkedAtOnce.get(job);
  checkedAtOnce.delete(job);
  try {
    const { bytes, fileName, options } = inputOf(job, settings, early?.bytes);
    let check = early?.check ?? (await guardedCheck(bytes, fileName, options, guard));
    // A report that ran out of time is that file's failure (exit 2), not a finding about the report.
    const timeout = timeoutOutcome(job, check);
    if (timeout) return timeout;
    let fix: FixReport | undefined;
    if (settings.fix && job.file) {
      const fixed = early?.fixed ?? (await fixReport(bytes, check, (next) => guardedCheck(next, fileName, options, guard)));
      if (fixed.kind === 'fixed') {
        await writeAtomically(job.file, fixed.bytes).catch((error: unknown) => {
          throw new WriteFailure(error);
        });
        check = fixed.result;
        fix = { applied: fixed.applied };
      } else {
        fix = unfixedReport(fixed, job, check, t);
      }
    }
    return outcomeOf(job, settings, check, fix);
  } catch (error) {
    return failedOutcome(job, error, settings.locale);
  }
}

/**
 * The checks {@link checkFileAtOnce} made of `--fix` jobs with fixes to apply, the bytes they read and,
 * when their fixes were verified at once, the fixed bytes: {@link checkFile}, which fixes and writes, starts
 * from them rather than checking the report again, and only writes when they are fixed.
 */
const checkedAtOnce = new WeakMap<CheckJob, { bytes: Uint8Array; check: CheckResult; fixed?: FixOutcome }>();

/** Thrown by a re-check made at once of bytes that cannot be read at once (see {@link checkFileAtOnce}). */
class NotAtOnce extends Error {}

/**
 * {@link checkFile} made at once, without a guard of its own (for a caller that runs it under one, see
 * `checkOnThisThread`), or undefined when the input needs a stage that is not synchronous: the writing of
 * the fixed bytes of `--fix` (the check and the fixes verified here are kept for it), and the reading of a
 * Word document before the Word reader is loaded (the run's first .docx, see core's `readReportSync`).
 * A `--fix` job without fixes, or whose fixes are not written (its format, its encoding, none verified),
 * ends here, under the run's shared watchdog rather than one of its own (validate --fix over the bench mix,
 * --jobs 1: 4.30 → 3.47 s CPU, means of 4 interleaved runs; 7 in 10 of its reports have no fix); the
 * re-checks that verify the fixes are made here too (`fixReportSync`).
 * Never throws.
 */
export function checkFileAtOnce(job: CheckJob, settings: CheckSettings): FileOutcome | undefined {
  try {
    const { bytes, fileName, options } = inputOf(job, settings);
    const read = readReportSync(bytes, { fileName });
    if (!read) return undefined;
    const check = checkText(read.source, read.view, options);
    const timeout = timeoutOutcome(job, check);
    if (timeout) return timeout;
    if (settings.fix && job.file && selectFixes(check.diagnostics).length > 0) {
      // The fixes are verified here too (each re-check read and made at once); only the writing is left.
      let fixed: FixOutcome;
      try {
        fixed = fixReportSync(bytes, check, (next) => checkAtOnce(next, fileName, options));
      } catch (error) {
        if (!(error instanceof NotAtOnce)) throw error;
        checkedAtOnce.set(job, { bytes, check });
        return undefined;
      }
      if (fixed.kind === 'fixed') {
        checkedAtOnce.set(job, { bytes, check, fixed });
        return undefined;
      }
      return outcomeOf(job, settings, check, unfixedReport(fixed, job, check, createTranslator(settings.locale)));
    }
    return outcomeOf(job, settings, check, undefined);
  } catch (error) {
    return failedOutcome(job, error, settings.locale);
  }
}

/** The outcome of a job that failed with `error` (see {@link failureMessage}). */
export function failedOutcome(job: CheckJob, error: unknown, locale: Locale): FileOutcome {
  return failureOutcome(job, failureMessage(error, job.path, locale));
}

/** The outcome of a job that failed: no findings, `failure` its one line for stderr. */
export function failureOutcome(job: CheckJob, failure: string): FileOutcome {
  return { index: job.index, path: job.path, extras: [], lines: {}, failure };
}

/** A job's bytes (`read`, those an earlier stage read, or read now, synchronously: reports are small, and a thread checks one file at a time anyway), file name and check options. */
function inputOf(job: CheckJob, settings: CheckSettings, read?: Uint8Array): { bytes: Uint8Array; fileName: string; options: CheckOptions } {
  const bytes = read ?? job.bytes ?? readFileSync(job.file!);
  const fileName = job.fileName ?? job.file ?? job.path;
  const templates = settings.templateSets[job.templateSet ?? 0];
  const options = { template: settings.template, locale: settings.locale, budgetMs: settings.budgetMs, ...(templates ? { templates } : {}) };
  return { bytes, fileName, options };
}

/** A check that ran out of time as that file's failure (exit 2), not a finding about the report; else undefined. */
function timeoutOutcome(job: CheckJob, check: CheckResult): FileOutcome | undefined {
  const timeout = check.diagnostics.find((d) => d.code === 'structure/check-timeout');
  return timeout ? failureOutcome(job, `${job.path}: ${timeout.message}`) : undefined;
}

/** The outcome of a finished check, as the run's output wants it. */
function outcomeOf(job: CheckJob, settings: CheckSettings, check: CheckResult, fix: FixReport | undefined): FileOutcome {
  const outcome = toFileOutcome(job.index, job.path, check, linePositions(check.source.text), {
    wantLines: settings.wantLines,
    wantFingerprints: settings.wantFingerprints,
  });
  if (settings.wantAudit) outcome.audit = auditPayload(check, job.path, auditTemplates(settings.template));
  if (fix) outcome.fix = fix;
  return settings.resultAsJson ? withResultAsJson(outcome) : outcome;
}

/**
 * Core's `checkReport`, its two synchronous stages (reading, checking the text) under `guard`: together
 * (`runTwo`, one watchdog on the main thread), or one after the other for a Word document read before the
 * Word reader is loaded, whose reading is then asynchronous.
 */
async function guardedCheck(bytes: Uint8Array, fileName: string, options: CheckOptions, guard: CheckGuard): Promise<CheckResult> {
  const checked = guard.runTwo(
    () => readReportSync(bytes, { fileName }),
    (read) => read && checkText(read.source, read.view, options),
  );
  if (checked) return checked;
  const read = await guard.run(() => readReport(bytes, { fileName }));
  return guard.run(() => checkText(read.source, read.view, options));
}

/** Core's `checkReport` of `bytes`, made at once; throws {@link NotAtOnce} when they cannot be read at once. */
function checkAtOnce(bytes: Uint8Array, fileName: string, options: CheckOptions): CheckResult {
  const read = readReportSync(bytes, { fileName });
  if (!read) throw new NotAtOnce();
  return checkText(read.source, read.view, options);
}

/** What the outcome says of a `--fix` that wrote nothing: why, when it was skipped. */
function unfixedReport(fixed: Exclude<FixOutcome, { kind: 'fixed' }>, job: CheckJob, check: CheckResult, t: Translator): FixReport | undefined {
  return fixed.kind === 'skipped' ? { applied: 0, skipped: skippedMessage(fixed.reason, job.path, check, t) } : undefined;
}

function skippedMessage(reason: 'format' | 'encoding', path: string, check: CheckResult, t: Translator): string {
  return reason === 'format'
    ? t('fix-not-writable', { path, format: check.source.format })
    : t('fix-encoding', { path, encoding: check.source.encoding });
}

/** One line for stderr: what the file system or the reader said, never a stack trace. */
export function failureMessage(error: unknown, path: string, locale: Locale): string {
  const t = createTranslator(locale);
  if (error instanceof ReadError) return `${path}: ${error.localizedMessage(locale)}`;
  if (error instanceof CheckInterrupted) return t('check-interrupted', { path, seconds: Math.round(error.limitMs / 100) / 10 });
  if (error instanceof WriteFailure) return t('write-failed', { path, reason: systemReason(error.cause, t) });
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return t('file-not-found', { path });
  if (code !== undefined) return t('unreadable', { path, reason: systemReason(error, t) });
  const reason = error instanceof Error ? error.message : String(error);
  return `${path}: ${t('internal-error', { reason: reason.split('\n')[0] })}`;
}

/** A fixed report that could not be written back: reported as such, not as a file that cannot be read. */
export class WriteFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('write failed');
    this.name = 'WriteFailure';
  }
}
