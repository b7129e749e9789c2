import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { DEFAULT_CHECK_BUDGET_MS, type CheckResult, type Locale, type ReportSource, type ReportTable, type TemplateIR } from '@nianbao/core';
import {
  InlineReportChecker,
  type ReportChecker,
  type ReportCheckOutcome,
  type ReportCheckRequest,
  type ReportVerifyRequest,
} from '../reports/report-checker.js';

/**
 * A job sent to the worker — a check, or the verification of a check's fixes — with the templates by key,
 * each with its IR the first time this worker gets it.
 */
export type CheckWorkerRequest = {
  id: number;
  locale: Locale;
  templates: Array<{ key: number; ir?: TemplateIR }>;
} & (
  | { kind: 'check'; source: ReportSource; template: string; verifySuggestions?: boolean; full?: boolean }
  | { kind: 'verify'; result: CheckResult }
);

/**
 * The worker's answer: the outcome, a failure, or the keys it no longer has (send every IR again). A
 * check's outcome with `sharedTables` has a null in place of each table equal to the one at the same
 * index in the last check of the same document the worker answered (see {@link shareTables}).
 */
export type CheckWorkerResponse =
  | { id: number; outcome: ReportCheckOutcome; sharedTables?: boolean }
  | { id: number; verified: CheckResult }
  | { id: number; error: string }
  | { id: number; missing: true };

/**
 * A result as the worker sends it back: its source without the text (the server has the text it sent; a
 * copy of a large report on every check costs time on both threads and memory on the server's).
 */
export function withoutText(result: CheckResult): CheckResult {
  const source = { ...result.source, text: '' };
  return { ...result, source, report: result.report && { ...result.report, source } };
}

/**
 * The result to send for a check, with a null in place of each of its tables equal to the table at the
 * same index of `previous` (the tables of the last check of the same document sent): a number typed over
 * changes one table, and the others need not cross to the server again (a structured clone of a parsed
 * report costs both threads time, and the server's young generation copies what it receives). Undefined
 * when no table is shared.
 */
export function shareTables(result: CheckResult, previous: readonly ReportTable[] | undefined): CheckResult | undefined {
  const report = result.report;
  if (!report || !previous) return undefined;
  let shared = false;
  const tables = report.tables.map((table, i) => {
    if (i < previous.length && sameData(table, previous[i])) {
      shared = true;
      return null;
    }
    return table;
  });
  return shared ? { ...result, report: { ...report, tables: tables as ReportTable[] } } : undefined;
}

/**
 * The tables of a result sent with {@link shareTables}, the shared ones taken from `previous` (the tables
 * of the last check of the document received); undefined when `previous` lacks one.
 */
export function unshareTables(result: CheckResult, previous: readonly ReportTable[] | undefined): CheckResult | undefined {
  const report = result.report;
  if (!report) return result;
  const tables: ReportTable[] = [];
  for (const [i, table] of (report.tables as Array<ReportTable | null>).entries()) {
    const restored = table ?? previous?.[i];
    if (!restored) return undefined;
    tables.push(restored);
  }
  return { ...result, report: { ...report, tables } };
}

/** Deep equality of plain data (what a structured clone carries of a parsed report: objects, arrays, primitives). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) if (!Object.hasOwn(y, key) || !sameData(x[key], y[key])) return false;
  return true;
}

/** A result from the worker with the source it was made from (the one sent, text and all). */
function withText(result: CheckResult, source: ReportSource): CheckResult {
  return { ...result, source, report: result.report && { ...result.report, source } };
}

/** How many documents' last tables the worker and the server keep for sharing them (see {@link shareTables}). */
export const sharedTablesDocuments = 2;

/** A job waiting for the worker, or on it. */
interface Waiting {
  id: number;
  job: { kind: 'check'; request: ReportCheckRequest } | { kind: 'verify'; request: ReportVerifyRequest };
  /** Jobs of one kind and document supersede each other while waiting. */
  key: string;
  resolve: (answer: ReportCheckOutcome | CheckResult | undefined) => void;
  reject: (error: Error) => void;
  /** Send every template's IR (the worker said it lacks one). */
  full?: boolean;
}

/**
 * Checks on a worker thread, one buffer at a time (and verifies the fixes of checks), so that the server's
 * own thread stays free to answer requests while a large report is being checked. A check waiting for the worker is superseded (resolved
 * with undefined) by a newer one of the same document. A check still running after the time limit (a
 * stage that never returns) is stopped with its worker, which is started again for the next check. Falls
 * back to checking inline when there is no worker script (the server not bundled).
 */
export class WorkerReportChecker implements ReportChecker {
  private worker: Worker | undefined;
  private running: (Waiting & { timer: ReturnType<typeof setTimeout> }) | undefined;
  private readonly queue: Waiting[] = [];
  private readonly keys = new WeakMap<TemplateIR, number>();
  /** Template keys this worker has been sent. */
  private sent = new Set<number>();
  private nextKey = 1;
  private nextId = 1;
  private readonly inline = new InlineReportChecker();
  private scriptFound: boolean | undefined;
  /**
   * The tables of the last check of each document this worker answered, for the tables its next answer
   * shares (see {@link shareTables}); the documents answered most recently only.
   */
  private received = new Map<string, ReportTable[]>();

  /**
   * @param script the worker script (out/check-worker.cjs beside the bundled server)
   * @param limitMs the time limit of one check: beyond the core's own budget, which a check that runs
   * normally stops at by itself
   * @param workerOptions called before each start of the worker: its options (resource limits)
   */
  constructor(
    private readonly script: string = path.join(__dirname, 'check-worker.cjs'),
    private readonly limitMs: number = DEFAULT_CHECK_BUDGET_MS + 15_000,
    private readonly workerOptions: () => WorkerOptions = () => ({}),
  ) {}

  check(request: ReportCheckRequest): Promise<ReportCheckOutcome | undefined> {
    this.scriptFound ??= existsSync(this.script);
    if (!this.scriptFound) return this.inline.check(request);
    return this.enqueue({ kind: 'check', request }, `check ${request.source.name ?? ''}`) as Promise<ReportCheckOutcome | undefined>;
  }

  verify(request: ReportVerifyRequest): Promise<CheckResult | undefined> {
    this.scriptFound ??= existsSync(this.script);
    if (!this.scriptFound) return this.inline.verify(request);
    return this.enqueue({ kind: 'verify', request }, `verify ${request.result.source.name ?? ''}`) as Promise<CheckResult | undefined>;
  }

  /**
   * Starts the worker now rather than at the first check: loading the core in it takes a good part of a
   * second, which then overlaps with the server's own start instead of delaying the first findings.
   */
  prestart(): void {
    this.scriptFound ??= existsSync(this.script);
    if (this.scriptFound) this.start();
  }

  private enqueue(job: Waiting['job'], key: string): Promise<ReportCheckOutcome | CheckResult | undefined> {
    return new Promise((resolve, reject) => {
      // Only the latest version of a document is worth checking (or verifying).
      const stale = this.queue.findIndex((w) => w.key === key);
      if (stale >= 0) this.queue.splice(stale, 1)[0].resolve(undefined);
      this.queue.push({ id: this.nextId++, job, key, resolve, reject });
      this.next();
    });
  }

  dispose(): void {
    for (const waiting of this.queue.splice(0)) waiting.resolve(undefined);
    this.stop();
  }

  private next(): void {
    if (this.running || this.queue.length === 0) return;
    const waiting = this.queue.shift()!;
    const worker = this.start();
    const timer = setTimeout(() => {
      if (this.running?.id !== waiting.id) return;
      this.running = undefined;
      this.stop();
      waiting.reject(new Error(`the check did not finish within ${Math.round(this.limitMs / 1000)} s and was stopped`));
      this.next();
    }, this.limitMs);
    this.running = { ...waiting, timer };
    const { templates, locale } = waiting.job.request;
    const entries = templates.map((ir) => {
      let key = this.keys.get(ir);
      if (key === undefined) {
        key = this.nextKey++;
        this.keys.set(ir, key);
      }
      const send = waiting.full === true || !this.sent.has(key);
      this.sent.add(key);
      return send ? { key, ir } : { key };
    });
    const common = { id: waiting.id, locale, templates: entries };
    const { job } = waiting;
    const message: CheckWorkerRequest =
      job.kind === 'check'
        ? {
            ...common,
            kind: 'check',
            source: job.request.source,
            template: job.request.template,
            verifySuggestions: job.request.verifySuggestions,
            ...(waiting.full === true && { full: true }),
          }
        : { ...common, kind: 'verify', result: job.request.result };
    worker.postMessage(message);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, this.workerOptions());
    worker.unref();
    worker.on('message', (response: CheckWorkerResponse) => this.answer(response));
    const lost = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.sent = new Set();
      this.received = new Map();
      const running = this.running;
      if (!running) return;
      clearTimeout(running.timer);
      this.running = undefined;
      running.reject(new Error(reason));
      this.next();
    };
    worker.on('error', (error) => lost(`the check worker failed: ${error.message}`));
    worker.on('exit', (code) => lost(`the check worker exited with code ${code}`));
    this.worker = worker;
    this.sent = new Set();
    this.received = new Map();
    return worker;
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.sent = new Set();
    this.received = new Map();
    if (worker) void worker.terminate();
  }

  /** Keeps the tables of a document's last check received (of the two documents answered last: see check-worker.ts). */
  private remember(name: string, tables: ReportTable[]): void {
    this.received.delete(name);
    this.received.set(name, tables);
    for (const oldest of this.received.keys()) {
      if (this.received.size <= sharedTablesDocuments) break;
      this.received.delete(oldest);
    }
  }

  private answer(response: CheckWorkerResponse): void {
    const running = this.running;
    if (!running || running.id !== response.id) return;
    clearTimeout(running.timer);
    this.running = undefined;
    if ('missing' in response) {
      // The worker dropped a template it was sent long ago: send this check again with every IR.
      this.queue.unshift({ ...running, full: true });
    } else if ('error' in response) {
      running.reject(new Error(response.error));
    } else if ('verified' in response) {
      running.resolve(withText(response.verified, running.job.kind === 'verify' ? running.job.request.result.source : response.verified.source));
    } else {
      const source = running.job.kind === 'check' ? running.job.request.source : response.outcome.result.source;
      const name = source.name ?? '';
      const result = response.sharedTables ? unshareTables(response.outcome.result, this.received.get(name)) : response.outcome.result;
      if (!result) {
        // Tables shared with an answer this side no longer has (not expected): ask for the check in full.
        this.queue.unshift({ ...running, full: true });
        this.next();
        return;
      }
      this.remember(name, result.report?.tables ?? []);
      running.resolve({ ...response.outcome, result: withText(result, source) });
    }
    this.next();
  }
}
