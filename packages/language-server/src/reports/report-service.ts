import {
  diagnosticFingerprints,
  FingerprintMemo,
  LineIndex,
  mergeTemplates,
  type CheckOptions,
  type CheckResult,
  type ReportSource,
  type TemplateIR,
} from '@nianbao/core';
import type { TextDocument } from 'langium';
import type { TextDocuments } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { reportStatusNotification, type ReportStatus } from '../protocol.js';
import type { ServerSettings } from '../settings/index.js';
import type { TemplateCatalog } from '../templates/index.js';
import { toLspDiagnostic } from './lsp-diagnostics.js';
import { reportIdentityOf, type BaselineStore } from './finding-baseline.js';

import type { ReportChecker } from './report-checker.js';
import { tablesHaveNumbers, type ReportRecognizer } from './report-recognizer.js';
import type { ProjectTemplateSets } from './project-template-sets.js';

/** Documents longer than this (UTF-16 units) are not checked: the editor stays responsive. */
const maxReportLength = 8 * 1024 * 1024;

/** A report as last checked. */
export interface CheckedReport {
  uri: string;
  version: number;
  text: string;
  positions: LineIndex;
  result: CheckResult;
  /** The template the report was checked against (null when none fits). */
  template: TemplateIR | null;
  templateChoice: ReportStatus['templateChoice'];
  /** The published diagnostics, index for index with `result.diagnostics`. */
  diagnostics: Diagnostic[];
  checkMs: number;
  /**
   * Set while the suggested fixes are not verified yet: the check as made (its suggestions unverified) and
   * its options. The published findings carry no fixes; {@link ReportService.get} verifies them on demand.
   */
  unverified?: { result: CheckResult; options: CheckOptions };
}

/**
 * Idle time after a check before its suggested fixes are verified (each re-checked with the fix applied,
 * several times the cost of the check): findings are published at once, without their fixes; the fixes are
 * verified once the user pauses, or as soon as something needs them (quick fixes, inlay hints).
 */
const verifyDelayMs = 120;

/** What the report service needs from the server. */
export interface ReportServiceContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: ServerSettings;
  catalog: TemplateCatalog;
  recognizer: ReportRecognizer;
  /** True for documents Langium serves (templates): the report service leaves them alone. */
  isTemplateDocument(uri: string): boolean;
  /** File-system paths of the workspace folders (for the include globs). */
  workspaceFolders(): string[];
  /** Acknowledged findings (the baseline file), left out of what is published; none without it. */
  baseline?: BaselineStore;
  /** The templates of each report's project (nianbao.config.json), resolved as the CLI resolves them. */
  projectTemplates?: ProjectTemplateSets;
  /** Runs the checks (in a worker thread in Node, so that requests are answered meanwhile). */
  checker: ReportChecker;
}

/**
 * Checks the open reports: on every change (debounced; a newer change cancels a pending check), it runs the
 * core's `checkText` on the editor buffer through the {@link ReportChecker} (off the server's thread in
 * Node: hover, completion and the other requests are answered while a check runs), publishes the findings as LSP diagnostics and a `nianbao/status`
 * notification, and keeps the result for hover, quick fixes, symbols and inlay hints. A check that throws is
 * logged and publishes nothing; the server goes on.
 */
export class ReportService {
  private readonly checked = new Map<string, CheckedReport>();
  private readonly pending = new Map<string, Pending>();
  private readonly choices = new Map<string, string>();
  private readonly verifying = new Map<string, ReturnType<typeof setTimeout>>();
  /** The verification of fixes running for each report (see {@link verification}). */
  private readonly verifications = new Map<string, { report: CheckedReport; promise: Promise<CheckedReport> }>();
  /**
   * Per document, a count bumped when a check is scheduled or starts: a check publishes only if the count
   * is still what it was when it started (checks run off this thread, so an older one — of other settings
   * or templates — may end after a newer one was asked for).
   */
  private readonly generations = new Map<string, number>();
  /** The fingerprints of findings presented lately: most are presented again at the next edit. */
  private readonly fingerprints = new FingerprintMemo();
  /** Per project template list, its merge with the workspace templates (see {@link templatesOf}). */
  private readonly mergedTemplates = new WeakMap<TemplateIR[], { workspace: TemplateIR[]; merged: TemplateIR[] }>();

  /** @param context the connection, documents and services the reports are checked with */
  constructor(private readonly context: ReportServiceContext) {}

  /** Starts following the text documents, the settings and the templates. */
  listen(): void {
    const { documents, settings, catalog } = this.context;
    documents.onDidChangeContent((event) => this.guard('change', () => this.schedule(event.document.uri)));
    documents.onDidClose((event) => this.guard('close', () => this.close(event.document.uri)));
    settings.onChange(() => this.guard('settings', () => this.recheck(() => true)));
    catalog.onChange((ids) =>
      this.guard('templates', () =>
        this.recheck((report) => report.templateChoice === 'auto' || ids.has(report.template?.id ?? '')),
      ),
    );
  }

  /**
   * The last check of the report at `uri`, if it is an open report; its suggested fixes may not be verified
   * yet (its findings then carry none): see {@link withFixes}.
   */
  get(uri: string): CheckedReport | undefined {
    return this.checked.get(this.keyOf(uri));
  }

  /**
   * The last check of the report at `uri` with its suggested fixes verified: at once when they are, else
   * once the checker has verified them (off this thread in Node: other requests are answered meanwhile).
   */
  async withFixes(uri: string): Promise<CheckedReport | undefined> {
    const key = this.keyOf(uri);
    const report = this.checked.get(key);
    if (!report?.unverified) return report;
    this.cancelVerificationTimer(key);
    return this.verification(key, report);
  }

  private keyOf(uri: string): string {
    return this.checked.has(uri) ? uri : (this.context.documents.get(uri)?.uri ?? '');
  }

  /** Every open report as last checked. */
  all(): CheckedReport[] {
    return [...this.checked.values()];
  }

  /** Chooses the template of one document (`auto`: detect) and checks it again at once. */
  async chooseTemplate(uri: string, template: string): Promise<CheckedReport | undefined> {
    const key = this.context.documents.get(uri)?.uri ?? uri;
    if (template === 'auto') this.choices.delete(key);
    else this.choices.set(key, template);
    await this.run(key);
    return this.checked.get(key);
  }

  /** Checks a document after the debounce delay; a later change of the same document replaces the wait. */
  schedule(uri: string): void {
    if (this.context.isTemplateDocument(uri)) return;
    this.bump(uri);
    this.pending.get(uri)?.cancel();
    const delay = this.context.settings.value.debounceMs;
    this.pending.set(
      uri,
      afterDelay(() => {
        this.pending.delete(uri);
        this.run(uri).catch((error: unknown) => console.error('nianbao: report check failed', error));
      }, delay),
    );
  }

  /** Checks a document now (if it is an open report) and publishes the outcome. */
  async run(uri: string): Promise<void> {
    const document = this.context.documents.get(uri);
    if (!document || this.context.isTemplateDocument(uri)) return;
    const generation = this.bump(uri);
    const text = document.getText();
    const { settings, recognizer } = this.context;
    const templates = this.templatesOf(uri);
    const recognition =
      text.length <= maxReportLength &&
      recognizer.recognize(uri, text, templates, settings.value.include, this.context.workspaceFolders());
    if (!recognition) {
      this.forget(uri, document.version);
      return;
    }
    const report = await this.check(document, templates);
    if (!report) return;
    // A newer version arrived, or a newer check was asked for, while checking: this result is stale.
    if (this.context.documents.get(uri)?.version !== report.version || this.generations.get(uri) !== generation) return;
    // A text run into one line is taken for a report only when its tables were read with numbers in them.
    if (recognition === 'if-tables-read' && !tablesHaveNumbers(report.result)) {
      this.forget(uri, report.version);
      return;
    }
    this.checked.set(uri, report);
    this.publish(report);
    this.sendStatus(this.statusOf(report));
    this.scheduleVerification(uri);
  }

  private publish(report: CheckedReport): void {
    void this.context.connection
      .sendDiagnostics({ uri: report.uri, version: report.version, diagnostics: report.diagnostics })
      .catch((error: unknown) => console.error('nianbao: publishing diagnostics failed', error));
  }

  /** Verifies the fixes of the report at `uri` after {@link verifyDelayMs} without a newer check. */
  private scheduleVerification(uri: string): void {
    this.cancelVerificationTimer(uri);
    if (!this.checked.get(uri)?.unverified) return;
    this.verifying.set(
      uri,
      setTimeout(() => {
        this.verifying.delete(uri);
        const report = this.checked.get(uri);
        if (report?.unverified && this.context.documents.get(uri)?.version === report.version) void this.verification(uri, report);
      }, verifyDelayMs),
    );
  }

  private cancelVerificationTimer(uri: string): void {
    const waiting = this.verifying.get(uri);
    if (waiting !== undefined) clearTimeout(waiting);
    this.verifying.delete(uri);
  }

  /**
   * Verifies the fixes of a report through the checker (off this thread in Node, so that requests are
   * answered meanwhile) and keeps the outcome, unless the report was checked again meanwhile. One
   * verification per report: a request that needs the fixes awaits the one already running.
   */
  private verification(uri: string, report: CheckedReport): Promise<CheckedReport> {
    const running = this.verifications.get(uri);
    if (running?.report === report) return running.promise;
    const promise = this.verifyOffThread(uri, report).finally(() => {
      if (this.verifications.get(uri)?.promise === promise) this.verifications.delete(uri);
    });
    this.verifications.set(uri, { report, promise });
    return promise;
  }

  private async verifyOffThread(uri: string, report: CheckedReport): Promise<CheckedReport> {
    const { result, options } = report.unverified!;
    const started = performance.now();
    let verified: CheckedReport;
    try {
      const withFixes = await this.context.checker.verify({ result, templates: options.templates ?? [], locale: options.locale ?? 'zh-CN' });
      // Superseded by the verification of a newer check: this one's findings stay without fixes.
      if (!withFixes) return this.checked.get(uri) ?? report;
      verified = { ...this.present(report, withFixes), checkMs: report.checkMs + performance.now() - started };
    } catch (error) {
      console.error(`nianbao: verifying the fixes of ${uri} failed`, error);
      verified = { ...report, unverified: undefined };
    }
    // Not published again: a client asks for the fixes (code actions, inlay hints), and they are resolved here.
    if (this.checked.get(uri) === report) this.checked.set(uri, verified);
    return verified;
  }

  /**
   * The templates a report is detected among: those of its project (built-in and configured, as the CLI
   * resolves them), overridden by the workspace templates being edited; the catalogue alone until the
   * project's templates are loaded.
   */
  private templatesOf(uri: string): TemplateIR[] {
    const { catalog, projectTemplates } = this.context;
    const project = projectTemplates?.templatesFor(uri);
    if (!project) return catalog.all();
    // The same array while neither list changes: the recogniser keeps its headings per array.
    const workspace = catalog.workspaceTemplates();
    const known = this.mergedTemplates.get(project);
    if (known?.workspace === workspace) return known.merged;
    const merged = mergeTemplates(project, workspace);
    this.mergedTemplates.set(project, { workspace, merged });
    return merged;
  }

  private async check(document: TextDocument, templates: TemplateIR[]): Promise<CheckedReport | undefined> {
    const uri = document.uri;
    const text = document.getText();
    const version = document.version;
    const { choice, wanted } = this.templateChoice(uri);
    const source: ReportSource = { name: uri, format: formatOf(uri, document.languageId), encoding: 'utf-8', text };
    const started = performance.now();
    const locale = this.context.settings.value.locale;
    let result: CheckResult;
    let templateChoice = choice;
    let options: CheckOptions = { template: wanted, templates, locale };
    let positions: LineIndex | undefined;
    try {
      const checking = this.context.checker.check({ source, template: wanted, templates, locale, verifySuggestions: false });
      // The line index of the text is built while the worker checks it (a few milliseconds for 1 MB).
      positions = new LineIndex(text);
      const outcome = await checking;
      if (!outcome) return undefined; // superseded by a newer version's check
      result = outcome.result;
      if (outcome.unknownTemplate !== undefined) {
        console.error(`nianbao: unknown template "${outcome.unknownTemplate}" for ${uri}; detecting instead`);
        templateChoice = 'auto';
        options = { ...options, template: 'auto' };
      }
    } catch (error) {
      console.error(`nianbao: checking ${uri} failed`, error);
      return undefined;
    }
    const template = result.template ? (templates.find((t) => t.id === result.template?.id) ?? null) : null;
    const hasFixes = result.diagnostics.some((d) => d.suggestions.length > 0);
    const unverified = hasFixes && template ? { result, options: { ...options, template } } : undefined;
    const shown = unverified
      ? { ...result, diagnostics: result.diagnostics.map((d) => (d.suggestions.length > 0 ? { ...d, suggestions: [] } : d)) }
      : result;
    const report = this.present(
      { uri, version, text, positions: positions ?? new LineIndex(text), template, templateChoice, checkMs: 0 },
      shown,
    );
    return { ...report, checkMs: performance.now() - started, ...(unverified && { unverified }) };
  }

  /**
   * A check's result as the report to keep and publish: findings acknowledged in the baseline left out,
   * the others as LSP diagnostics with their fingerprints.
   */
  private present(
    checkedReport: Pick<CheckedReport, 'uri' | 'version' | 'text' | 'positions' | 'template' | 'templateChoice' | 'checkMs'>,
    checked: CheckResult,
  ): CheckedReport {
    const { uri, text, positions, version } = checkedReport;
    let result = checked;
    // Findings acknowledged in the baseline file are left out (the same fingerprints as `nianbao audit`).
    const report = reportIdentityOf(result, uri);
    const fingerprints = diagnosticFingerprints(result.diagnostics, text, report, this.fingerprints);
    const acknowledged = this.acknowledged(uri);
    const keep = fingerprints.map((fingerprint) => !acknowledged.has(fingerprint));
    if (keep.includes(false)) result = { ...result, diagnostics: result.diagnostics.filter((_, i) => keep[i]) };
    const kept = fingerprints.filter((_, i) => keep[i]);
    const diagnostics = result.diagnostics.map((finding, i) => {
      const diagnostic = toLspDiagnostic(finding, uri, positions, version);
      Object.assign(diagnostic.data as object, { fingerprint: kept[i], report });
      return diagnostic;
    });
    return {
      uri,
      version,
      text,
      positions,
      result,
      template: checkedReport.template,
      templateChoice: checkedReport.templateChoice,
      diagnostics,
      checkMs: checkedReport.checkMs,
    };
  }

  private acknowledged(uri: string): ReadonlySet<string> {
    try {
      return this.context.baseline?.acknowledged(uri) ?? new Set();
    } catch (error) {
      console.error('nianbao: reading the baseline failed', error);
      return new Set();
    }
  }

  /** Checks every open report again (after the baseline changed). */
  recheckAll(): void {
    this.recheck(() => true);
  }

  private templateChoice(uri: string): { choice: ReportStatus['templateChoice']; wanted: string } {
    const chosen = this.choices.get(uri);
    if (chosen) return { choice: 'document', wanted: chosen };
    const setting = this.context.settings.value.template;
    if (setting && setting !== 'auto') return { choice: 'setting', wanted: setting };
    return { choice: 'auto', wanted: 'auto' };
  }

  private bump(uri: string): number {
    const generation = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, generation);
    return generation;
  }

  private close(uri: string): void {
    this.pending.get(uri)?.cancel();
    this.pending.delete(uri);
    this.generations.delete(uri);
    this.choices.delete(uri);
    this.cancelVerificationTimer(uri);
    this.verifications.delete(uri);
    if (this.checked.delete(uri)) {
      void this.context.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
    }
  }

  /** A document that stopped being a report: withdraw its findings once. */
  private forget(uri: string, version: number): void {
    if (!this.checked.delete(uri)) return;
    void this.context.connection.sendDiagnostics({ uri, version, diagnostics: [] }).catch(() => undefined);
    this.sendStatus({
      uri,
      version,
      isReport: false,
      template: null,
      templateChoice: 'auto',
      year: null,
      agency: null,
      errors: 0,
      warnings: 0,
      infos: 0,
      checkMs: 0,
    });
  }

  private recheck(which: (report: CheckedReport) => boolean): void {
    const uris = new Set(this.context.documents.keys());
    for (const report of this.checked.values()) {
      if (which(report)) uris.add(report.uri);
    }
    for (const uri of uris) {
      const report = this.checked.get(uri);
      if (!report || which(report)) this.schedule(uri);
    }
  }

  private statusOf(report: CheckedReport): ReportStatus {
    const count = (severity: string): number =>
      report.result.diagnostics.filter((finding) => finding.severity === severity).length;
    return {
      uri: report.uri,
      version: report.version,
      isReport: true,
      template: report.template
        ? { id: report.template.id, title: report.template.title, confidence: report.result.template?.confidence ?? 0 }
        : null,
      templateChoice: report.templateChoice,
      year: report.result.info.year,
      agency: report.result.info.agency,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      checkMs: Math.round(report.checkMs * 10) / 10,
    };
  }

  private sendStatus(status: ReportStatus): void {
    void this.context.connection
      .sendNotification(reportStatusNotification, status)
      .catch((error: unknown) => console.error('nianbao: sending status failed', error));
  }

  private guard(what: string, action: () => void): void {
    try {
      action();
    } catch (error) {
      console.error(`nianbao: report ${what} failed`, error);
    }
  }
}

/** A call waiting to be made. */
interface Pending {
  cancel(): void;
}

/**
 * Calls `action` after `delayMs`; without a delay, once the messages already received are handled
 * (`setImmediate` in Node; a timer would wait a millisecond at least), so that a burst of changes still
 * gives one check.
 */
function afterDelay(action: () => void, delayMs: number): Pending {
  if (delayMs <= 0 && typeof setImmediate === 'function') {
    const immediate = setImmediate(action);
    return { cancel: () => clearImmediate(immediate) };
  }
  const timer = setTimeout(action, delayMs);
  return { cancel: () => clearTimeout(timer) };
}

/** The source format of an editor buffer: Markdown by extension or language id, else plain text. */
function formatOf(uri: string, languageId: string): ReportSource['format'] {
  if (languageId === 'markdown' || /\.(md|markdown)$/iu.test(uri)) return 'md';
  return 'txt';
}
