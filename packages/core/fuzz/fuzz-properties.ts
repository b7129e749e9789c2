/**
 * The properties every input must have, checked on the whole pipeline (read → normalise → detect →
 * parse → validate → suggestions) through the public `checkReport`:
 * - **no crash**: it resolves, or rejects with a `ReadError` (a clear refusal); no other exception, no
 *   `structure/parse-failed` (the parser's defensive catch);
 * - **no hang**: the time (CPU time of the checking thread, so a loaded machine does not count) stays
 *   within a linear budget of the input size;
 * - **good ranges**: every range (finding, related location, edit) lies inside the document, starts
 *   and ends on code-point boundaries and never between the `\r` and `\n` of a CRLF;
 * - **fixes that fix**: each suggestion applies (no overlapping edits) and, re-checked, its finding is
 *   gone and no finding is new;
 * - **determinism**: a second check gives the same result.
 */
import { applyEdits, checkReport, checkText, identityView, ReadError, readReport } from '@nianbao/core';
import type { CheckResult, Diagnostic, Suggestion, TextEdit } from '@nianbao/core';
import { unzipSync } from 'fflate';
import type { FuzzInput } from './fuzz-input.ts';

/** The classes of failure the campaign counts. */
export type FailureKind = 'crash' | 'hang' | 'bad-range' | 'bad-fix' | 'nondeterministic';

/** A property an input broke. */
export interface Failure {
  kind: FailureKind;
  detail: string;
}

/**
 * Time budget of one check: a fixed allowance plus a linear one per byte of input — for a .docx, per
 * byte of its XML once inflated (a small archive can hold megabytes of it).
 */
export function timeBudgetMs(input: FuzzInput): number {
  return 3000 + workSize(input) / 100;
}

function workSize(input: FuzzInput): number {
  if (input.bytes[0] !== 0x50 || input.bytes[1] !== 0x4b) return input.bytes.length;
  let inflated = 0;
  try {
    unzipSync(input.bytes, {
      filter(file) {
        inflated += file.originalSize;
        return false;
      },
    });
  } catch {
    return input.bytes.length;
  }
  return Math.max(input.bytes.length, inflated);
}

/** Options of {@link checkInput}. */
export interface CheckInputOptions {
  /** Re-check every suggestion (default true). */
  fixes?: boolean;
  /** Check twice and compare (default true). */
  determinism?: boolean;
  /** Measure time against {@link timeBudgetMs} (default true). */
  timing?: boolean;
}

/** Checks one input against every property; the failures found (empty when it passes). */
export async function checkInput(input: FuzzInput, options: CheckInputOptions = {}): Promise<Failure[]> {
  const first = await timedCheck(input);
  if (first.kind === 'failure') return [first.failure];
  const failures: Failure[] = [];
  if (options.timing !== false && first.ms > timeBudgetMs(input)) {
    // Confirm with a second run (a garbage collection or a cold cache can slow one run).
    const again = await timedCheck(input);
    const ms = again.kind === 'result' ? Math.min(again.ms, first.ms) : first.ms;
    if (ms > timeBudgetMs(input)) failures.push({ kind: 'hang', detail: `${Math.round(ms)} ms for ${input.bytes.length} bytes` });
  }
  if (first.kind === 'refused') return failures;
  const result = first.result;
  failures.push(...rangeFailures(result));
  if (options.determinism !== false) {
    const second = await timedCheck(input);
    if (second.kind !== 'result' || JSON.stringify(summary(second.result)) !== JSON.stringify(summary(result))) {
      failures.push({ kind: 'nondeterministic', detail: 'a second check differs' });
    }
  }
  if (options.fixes !== false) failures.push(...(await fixFailures(input, result)));
  return failures;
}

type Timed =
  | { kind: 'result'; result: CheckResult; ms: number }
  | { kind: 'refused'; ms: number }
  | { kind: 'failure'; failure: Failure };

/** CPU time of this thread in milliseconds: what a check costs, whatever else the machine runs. */
function cpuMs(): number {
  const usage = process.threadCpuUsage();
  return (usage.user + usage.system) / 1000;
}

async function timedCheck(input: FuzzInput): Promise<Timed> {
  const started = cpuMs();
  try {
    const result = await checkReport({ bytes: input.bytes, fileName: input.fileName });
    const ms = cpuMs() - started;
    const failed = result.diagnostics.find((d) => d.code === 'structure/parse-failed');
    if (failed) return { kind: 'failure', failure: { kind: 'crash', detail: `parse-failed: ${failed.message}` } };
    return { kind: 'result', result, ms };
  } catch (error) {
    if (error instanceof ReadError) {
      if (/Bug|RangeError|internal/i.test(error.localizedMessage('en'))) {
        return { kind: 'failure', failure: { kind: 'crash', detail: `refusal leaks internals: ${error.localizedMessage('en')}` } };
      }
      return { kind: 'refused', ms: cpuMs() - started };
    }
    const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
    return { kind: 'failure', failure: { kind: 'crash', detail } };
  }
}

function summary(result: CheckResult): unknown {
  return { template: result.template, diagnostics: result.diagnostics };
}

/** Whether `offset` is a valid boundary of `text`: inside, not inside a surrogate pair or a CRLF. */
export function boundaryProblem(text: string, offset: number): string | null {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return `offset ${offset} outside [0, ${text.length}]`;
  if (offset === 0 || offset === text.length) return null;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return `offset ${offset} splits a surrogate pair`;
  if (before === 0x0d && after === 0x0a) return `offset ${offset} splits a CRLF`;
  return null;
}

function rangeFailures(result: CheckResult): Failure[] {
  const text = result.source.text;
  const failures: Failure[] = [];
  const check = (what: string, range: { start: number; end: number }): void => {
    const problem = boundaryProblem(text, range.start) ?? boundaryProblem(text, range.end) ?? (range.start > range.end ? 'start after end' : null);
    if (problem) failures.push({ kind: 'bad-range', detail: `${what} [${range.start}, ${range.end}): ${problem}` });
  };
  const report = result.report;
  if (report) {
    if (report.info.titleRange) check('title', report.info.titleRange);
    for (const section of report.sections) {
      for (const [what, range] of [['section', section.range], ['section body', section.bodyRange], ['heading', section.heading?.range]] as const) {
        if (range) check(`${what} ${section.id}`, range);
      }
    }
    for (const table of report.tables) {
      if (table.range) check(`table ${table.id}`, table.range);
      for (const note of table.notes) if (note.range) check(`note of ${table.id}`, note.range);
      for (const row of table.rows) {
        if (row.labelRange) check(`row label ${table.id}`, row.labelRange);
        for (const cell of row.cells) if (cell.range) check(`cell of ${table.id}`, cell.range);
      }
    }
  }
  for (const d of result.diagnostics) {
    check(d.code, d.range);
    for (const r of d.related) check(`${d.code} related`, r.range);
    for (const s of d.suggestions) for (const e of s.edits) check(`${d.code} edit`, e.range);
  }
  return failures.slice(0, 5);
}

/**
 * The identity of a finding across a fix: code, rule, and its cells, else its message and where it
 * starts (`shift` maps an offset of the text before the fix to the text after it).
 */
function identity(d: Diagnostic, shift: (offset: number) => number = (offset) => offset): string {
  const where = d.cells && d.cells.length > 0 ? [...d.cells].sort().join(',') : `${d.message}@${shift(d.range.start)}`;
  return `${d.code}|${d.rule ?? ''}|${where}`;
}

/** Maps an offset of a text to the text after `edits` (edits before it shift it). */
function shiftThrough(edits: readonly TextEdit[]): (offset: number) => number {
  return (offset) => {
    let delta = 0;
    for (const e of edits) if (e.range.end <= offset && e.range.start < offset) delta += e.newText.length - (e.range.end - e.range.start);
    return offset + delta;
  };
}

/** At most this many suggestions of one input are re-checked (those of different codes first). */
const MAX_FIXES_PER_INPUT = 8;

function sampleSuggestions(diagnostics: readonly Diagnostic[]): { d: Diagnostic; s: Suggestion }[] {
  const all = diagnostics.flatMap((d) => d.suggestions.map((s) => ({ d, s })));
  const seen = new Set<string>();
  const first = all.filter(({ d }) => !seen.has(d.code) && seen.add(d.code) !== undefined);
  const rest = all.filter((x) => !first.includes(x));
  return [...first, ...rest].slice(0, MAX_FIXES_PER_INPUT);
}

function countBy(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(`${d.code}|${d.rule ?? ''}`, (counts.get(`${d.code}|${d.rule ?? ''}`) ?? 0) + 1);
  return counts;
}

/** Applies each suggestion, re-checks, and reports those whose finding stays or that bring a new one. */
async function fixFailures(input: FuzzInput, result: CheckResult): Promise<Failure[]> {
  const failures: Failure[] = [];
  const before = countBy(result.diagnostics);
  for (const { d, s } of sampleSuggestions(result.diagnostics)) {
    {
      let fixed: string;
      try {
        fixed = applyEdits(result.source.text, s.edits);
      } catch (error) {
        failures.push({ kind: 'bad-fix', detail: `${d.code} ${d.rule ?? ''}: edits do not apply (${String(error)})` });
        continue;
      }
      const after = await recheck(input, result, fixed);
      if (after === null) {
        failures.push({ kind: 'bad-fix', detail: `${d.code} ${d.rule ?? ''}: the fixed text is refused or fails` });
        continue;
      }
      const id = identity(d, shiftThrough(s.edits));
      if (after.diagnostics.some((a) => identity(a) === id)) {
        failures.push({ kind: 'bad-fix', detail: `${d.code} ${d.rule ?? ''}: the finding remains after "${s.message}"` });
        continue;
      }
      const counts = countBy(after.diagnostics);
      const grown = [...counts].find(([key, n]) => n > (before.get(key) ?? 0));
      if (grown) failures.push({ kind: 'bad-fix', detail: `${d.code} ${d.rule ?? ''}: "${s.message}" brings a new ${grown[0]}` });
    }
  }
  return failures;
}

async function recheck(input: FuzzInput, result: CheckResult, text: string): Promise<CheckResult | null> {
  try {
    if (result.source.format === 'docx') {
      return checkText({ ...result.source, format: 'txt', text }, identityView(text));
    }
    const read = await readReport(new TextEncoder().encode(text), { fileName: input.fileName });
    return checkText(read.source, read.view);
  } catch {
    return null;
  }
}
