import {
  checkEditedText,
  UnknownTemplateError,
  verifyResultSuggestions,
  type BufferCheck,
  type CheckResult,
  type Locale,
  type ReportSource,
  type TemplateIR,
} from '@nianbao/core';

/** One check of an editor buffer. */
export interface ReportCheckRequest {
  source: ReportSource;
  /** `auto` or a template id. */
  template: string;
  /** The templates to detect among (and to find `template` in). */
  templates: TemplateIR[];
  locale: Locale;
  /** False: suggestions are left unverified (see {@link ReportChecker.verify}). */
  verifySuggestions?: boolean;
}

/** The verification of the suggested fixes of a check made without it. */
export interface ReportVerifyRequest {
  /** The check, made with `verifySuggestions: false`. */
  result: CheckResult;
  /** The templates of the check (its template among them). */
  templates: TemplateIR[];
  locale: Locale;
}

/** What a check gave: the result, and whether the template asked for was unknown (then detected instead). */
export interface ReportCheckOutcome {
  result: CheckResult;
  unknownTemplate?: string;
}

/**
 * Runs the core's check of an editor buffer. The Node server checks in a worker thread, so that requests
 * (hover, completion…) are answered while a large report is being checked; the browser server, already in
 * a Web Worker of its own, checks inline.
 */
export interface ReportChecker {
  /**
   * Checks a buffer; undefined when a newer check of the same document superseded this one before it
   * ran; rejects when the check fails (or, in a worker, is stopped at the time limit).
   */
  check(request: ReportCheckRequest): Promise<ReportCheckOutcome | undefined>;
  /**
   * The result with its suggested fixes verified (core's `verifyResultSuggestions`, each fix re-checked);
   * undefined when a newer verification of the same document superseded it before it ran.
   */
  verify(request: ReportVerifyRequest): Promise<CheckResult | undefined>;
  /** Frees what the checker holds (its worker). */
  dispose(): void;
}

/**
 * The check itself, wherever it runs: `checkText` on the buffer; a template id no longer known (a workspace
 * template removed) is detected instead, and said so.
 */
export function checkBuffer(request: ReportCheckRequest): ReportCheckOutcome {
  return checkEditedBuffer(request).outcome;
}

/**
 * {@link checkBuffer} starting from `previous`, the last check of an earlier version of the same buffer
 * (core's `checkEditedText`: a number typed over in a table cell re-uses that check's parse); with the
 * check to start the next one from.
 */
export function checkEditedBuffer(request: ReportCheckRequest, previous?: BufferCheck): { outcome: ReportCheckOutcome; check: BufferCheck } {
  const { source, templates, locale, verifySuggestions } = request;
  try {
    const check = checkEditedText(source, { template: request.template, templates, locale, verifySuggestions }, previous);
    return { outcome: { result: check.result }, check };
  } catch (error) {
    if (!(error instanceof UnknownTemplateError)) throw error;
    const check = checkEditedText(source, { template: 'auto', templates, locale, verifySuggestions }, previous);
    return { outcome: { result: check.result, unknownTemplate: error.id }, check };
  }
}

/**
 * The last checks of the buffers checked most recently, by document, for the next check of each to start
 * from (see {@link checkEditedBuffer}). Few: an edit comes to the buffer being typed in, and each check
 * kept holds its report's text, view and parse.
 */
export class RecentBufferChecks {
  private readonly checks = new Map<string, { request: ReportCheckRequest; check: BufferCheck }>();

  /**
   * @param capacity how many buffers' checks are kept (the least recently checked is dropped)
   * @param rehearseUpTo {@link rehearse} rehearses on buffers of at most this many UTF-16 units only
   * (128 K: a report of 300–400 KB, 30–40 ms a check once compiled): a rehearsal holds up a check that
   * arrives meanwhile for as long as it takes
   */
  constructor(
    private readonly capacity = 2,
    private readonly rehearseUpTo = 128 * 1024,
  ) {}

  /** Checks a buffer from its last check, and keeps this one instead. */
  check(request: ReportCheckRequest): ReportCheckOutcome {
    const key = request.source.name ?? '';
    const previous = this.checks.get(key);
    this.checks.delete(key);
    const { outcome, check } = checkEditedBuffer(request, previous?.check);
    this.checks.set(key, { request, check });
    for (const oldest of this.checks.keys()) {
      if (this.checks.size <= this.capacity) break;
      this.checks.delete(oldest);
    }
    return outcome;
  }

  /**
   * Rehearses an edit of the buffer checked last: the check that typing a number into one of its table
   * cells would make (the `n`th cell written as a plain number, its last digit changed), made from the
   * buffer's last check as the user's edit would be, and thrown away (the buffer's last check stays the
   * base of its next one). It runs the code of an edit's check, so that the engine has compiled it before
   * the user types (see `idle-rehearsals.ts`). False when there is nothing to rehearse on: no buffer
   * checked, no table cell, or a large buffer (its check is slow; its long loops are compiled while it
   * runs anyway).
   */
  rehearse(n: number): boolean {
    const last = [...this.checks.values()].at(-1);
    if (!last || last.request.source.text.length > this.rehearseUpTo) return false;
    const text = cellTypedOver(last.check, n);
    if (text === undefined) return false;
    checkEditedBuffer({ ...last.request, source: { ...last.request.source, text } }, last.check);
    return true;
  }

  /** Forgets every check kept. */
  clear(): void {
    this.checks.clear();
  }
}

/**
 * The text of a check with the last digit of its `n`th table cell written as a plain number changed (the
 * cells taken in a spread order, so that successive `n` visit different tables), or undefined when it has
 * none.
 */
export function cellTypedOver(check: BufferCheck, n: number): string | undefined {
  const text = check.result.source.text;
  const ends: number[] = [];
  for (const table of check.result.report?.tables ?? []) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        if (cell.range && cell.raw !== '' && /^\d+$/u.test(cell.raw) && text.slice(cell.range.start, cell.range.end) === cell.raw) ends.push(cell.range.end);
      }
    }
  }
  if (ends.length === 0) return undefined;
  // A stride prime to any realistic cell count spreads the rehearsals over the tables.
  const end = ends[(n * 7919) % ends.length];
  const digit = text.charCodeAt(end - 1) - 0x30;
  return text.slice(0, end - 1) + String((digit + 1) % 10) + text.slice(end);
}

/** The verification itself, wherever it runs. */
export function verifyBuffer(request: ReportVerifyRequest): CheckResult {
  return verifyResultSuggestions(request.result, { templates: request.templates, locale: request.locale });
}

/** A checker that checks on the calling thread (the browser server, tests). */
export class InlineReportChecker implements ReportChecker {
  private readonly recent = new RecentBufferChecks();

  check(request: ReportCheckRequest): Promise<ReportCheckOutcome | undefined> {
    try {
      return Promise.resolve(this.recent.check(request));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  verify(request: ReportVerifyRequest): Promise<CheckResult | undefined> {
    try {
      return Promise.resolve(verifyBuffer(request));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  dispose(): void {
    this.recent.clear();
  }
}
