import path from 'node:path';
import {
  auditSeries,
  findingFingerprint,
  groupReports,
  numberFingerprints,
  reportIdentity,
  type AuditFinding,
  type ReportDigest,
} from '@nianbao/core';
import { translate } from '../i18n/index.js';
import { AuditBaseline } from '../audit/audit-baseline.js';
import { AuditJsonWriter } from '../audit/audit-json-writer.js';
import { AuditFindingStore } from '../audit/audit-finding-store.js';
import { auditOverview, RegionFigureTally } from '../audit/audit-overview.js';
import { auditTemplates } from '../audit/audit-payload.js';
import { auditedReport, countFinding, toOutputFinding, type AuditedReport, type AuditFindingRecord } from '../audit/audit-records.js';
import { writeTerminalSummary } from '../audit/audit-terminal.js';
import { HtmlSummaryWriter, type HtmlLayout } from '../audit/html/html-summary-writer.js';
import { SpillFile } from '../audit/spill-file.js';
import type { CheckSettings } from '../checks/check-settings.js';
import { defaultJobs } from '../checks/default-jobs.js';
import { runChecks } from '../checks/run-checks.js';
import { SarifFormatter } from '../format/sarif-formatter.js';
import { collectInputs } from '../input/collect-inputs.js';
import { addToSummary, emptySummary, type FileOutcome, type RunSummary } from '../outcome/index.js';
import { CliError, ExitCode } from '../program/cli-error.js';
import type { CliIo } from '../program/cli-io.js';
import { cliVersion } from '../program/cli-version.js';
import { localeOf, parseSeconds, parseWholeNumber } from '../program/parse-options.js';
import { supportsColour } from '../terminal/colour-support.js';
import { ProgressBar } from '../terminal/progress-bar.js';
import { writerBesideProgress } from '../terminal/beside-progress.js';
import { createStyle } from '../terminal/style.js';
import { ProjectTemplates, type TemplateSourceOptions } from './project-templates.js';
import { resolveTemplate } from './resolve-template.js';
import { progressThreshold } from './validate-command.js';
import { templateSetsOf } from './validate-settings.js';

/** The output formats of `nianbao audit`. */
export const auditFormats = ['pretty', 'json', 'sarif'] as const;

/** Options of `nianbao audit`, as commander hands them over. */
export interface AuditOptions extends TemplateSourceOptions {
  template: string;
  format: (typeof auditFormats)[number];
  locale?: string;
  html?: string;
  /** Layout of the HTML summary: one file, or the summary and a folder of pages per agency. */
  htmlPages?: HtmlLayout;
  baseline?: string;
  updateBaseline?: boolean;
  jobs?: string;
  /** `--time-limit`: seconds each report's check may take. */
  timeLimit?: string;
  progress?: boolean;
  color?: boolean;
}

/**
 * `nianbao audit`: checks every report, groups them by agency and year, runs the cross-year and
 * copied-text checks over each agency's consecutive years, and prints a summary (or JSON, SARIF); with
 * `--html` also writes the HTML summary, with `--baseline` leaves out acknowledged findings, with
 * `--update-baseline` acknowledges every finding of this run. Reports are dropped once checked: only their
 * digests (agency, year, the few cells and sections read across years) and counts stay in memory.
 */
export async function auditCommand(operands: string[], options: AuditOptions, io: CliIo): Promise<number> {
  const { locale, t } = localeOf(options, io.env);
  const requestedJobs = parseWholeNumber('--jobs', options.jobs, 1, t);
  const budgetMs = parseSeconds('--time-limit', options.timeLimit, t);
  if (options.updateBaseline && !options.baseline) throw new CliError(t('invalid-option', { option: '--update-baseline', value: '', hint: '--baseline FILE' }));
  const inputs = await collectInputs(operands, io.cwd, t);
  const project = new ProjectTemplates(options, io, locale, t);
  const choice = await resolveTemplate(options.template, io.cwd, io.stderr, locale, t, await project.forFile(undefined), true, await project.irCache());
  const { templateSets, templateSetOf } = await templateSetsOf(project, inputs);
  const settings: CheckSettings = {
    template: choice === 'auto' ? 'auto' : choice.builtin ? choice.ir.id : choice.ir,
    templateSets,
    locale,
    fix: false,
    wantLines: false,
    wantFingerprints: true,
    wantAudit: true,
    ...(budgetMs !== undefined && { budgetMs }),
  };
  const baselineFile = options.baseline ? path.resolve(io.cwd, options.baseline) : undefined;
  let baseline: AuditBaseline;
  try {
    baseline = await AuditBaseline.load(baselineFile, options.updateBaseline === true);
  } catch (error) {
    throw new CliError(translate(locale, 'audit-baseline-unreadable', { file: options.baseline ?? '', reason: error instanceof Error ? error.message : String(error) }));
  }

  const showProgress = options.progress !== false && io.stderr.isTTY === true && inputs.length >= progressThreshold;
  // One bar while reports are checked, another while series are compared and summary pages written.
  let progress = showProgress ? new ProgressBar(io.stderr, inputs.length) : undefined;
  const write = writerBesideProgress(io.stdout, () => progress);
  const note = (text: string) => {
    progress?.clear();
    io.stderr.write(`${text}\n`);
  };
  const json = options.format === 'json' ? new AuditJsonWriter(write) : undefined;
  const sarif = options.format === 'sarif' ? new SarifFormatter({ write, locale }, { version: cliVersion(), cwd: io.cwd }) : undefined;
  const htmlFile = options.html ? path.resolve(io.cwd, options.html) : undefined;
  const html = htmlFile ? new HtmlSummaryWriter(htmlFile, locale, cliVersion(), options.htmlPages ?? 'auto') : undefined;
  const digests = new SpillFile('digests');
  const findingStore = new AuditFindingStore();
  try {
    const summary = emptySummary();
    const records: AuditedReport[] = [];
    const figures = new RegionFigureTally();
    const deliver = (outcome: FileOutcome) => {
      progress?.tick();
      if (outcome.failure) note(outcome.failure);
      if (!outcome.result) {
        addToSummary(summary, outcome);
        sarif?.file(outcome);
        return;
      }
      const diagnostics = outcome.result.diagnostics;
      const identity = reportIdentity(outcome.audit?.digest ?? { agencyKey: null, year: null, path: outcome.path });
      const fingerprints = numberFingerprints(outcome.extras.map((extras, i) => extras.fingerprint ?? diagnostics[i].code));
      const states = diagnostics.map((d, i) =>
        baseline.classify(fingerprints[i], { report: identity, code: d.code, ...(outcome.extras[i]?.rule && { rule: outcome.extras[i].rule }), message: d.message }),
      );
      const keep = states.map((state) => state !== 'unchanged');
      const shown = diagnostics.filter((_, i) => keep[i]);
      const shownExtras = outcome.extras.filter((_, i) => keep[i]);
      addToSummary(summary, { ...outcome, result: { ...outcome.result, diagnostics: shown } });
      json?.file(outcome, shown, baseline.active ? states.filter((_, i) => keep[i]) : undefined);
      sarif?.file(outcome, baseline.active ? states.map((state) => state ?? 'new') : undefined);
      const record = auditedReport(outcome, shown);
      if (outcome.audit) {
        record.digest = digests.append(outcome.audit.digest);
        figures.add(record.year, outcome.audit.figures);
      }
      if (html) record.page = html.keep(shown, shownExtras, outcome.audit?.tables ?? []);
      records.push(record);
    };
    await runChecks(inputs, settings, defaultJobs(inputs.length, requestedJobs), { stdin: io.stdin }, deliver, templateSetOf);
    progress?.clear();

    // Across reports: each agency's series, its digests read back one series at a time.
    const templates = auditTemplates(settings.template);
    const sets = groupReports(records.filter((record) => record.digest));
    if (showProgress) progress = new ProgressBar(io.stderr, sets.series.length + (html ? records.length : 0));
    let pairsChecked = 0;
    for (const series of sets.series) {
      progress?.tick();
      for (let i = 1; i < series.reports.length; i++) if (series.reports[i].year === series.reports[i - 1].year! + 1) pairsChecked++;
      if (series.reports.length < 2 && series.duplicates.length === 0) continue;
      const load = (record: AuditedReport) => digests.read<ReportDigest>(record.digest!);
      const loaded = new Map(series.reports.map((record) => [record, load(record)]));
      const digestSeries = {
        key: series.key,
        agency: series.agency,
        reports: series.reports.map((record) => loaded.get(record)!),
        duplicates: series.duplicates.map(({ report, first }) => ({ report: load(report), first: loaded.get(first) ?? load(first) })),
      };
      const recordByPath = new Map([...series.reports, ...series.duplicates.map((d) => d.report)].map((record) => [record.path, record]));
      const found = auditSeries(digestSeries, templates, locale);
      for (const record of fingerprintFindings(found, recordByPath)) {
        const state = baseline.classify(record.fingerprint, {
          report: record.report,
          code: record.finding.code,
          ...(record.extras.rule && { rule: record.extras.rule }),
          message: record.finding.message,
        });
        if (sarif) sarif.finding(record.finding.path, record.finding, record.fingerprint, record.extras, baseline.active ? (state ?? 'new') : undefined);
        if (state === 'unchanged') continue;
        record.state = state;
        const ref = findingStore.add(record);
        const report = recordByPath.get(record.finding.path);
        if (report) {
          countFinding(report, record.finding);
          (report.across ??= []).push(ref);
        }
        addFindingToSummary(summary, record);
      }
    }
    const overview = auditOverview(records, figures, findingStore, { pairsChecked, unidentified: sets.unidentified.length, acknowledged: baseline.acknowledgedCount });
    const written = html?.finish(overview, () => progress?.tick());
    progress?.clear();
    json?.finish(sets, findingStore.all(), summary);
    sarif?.finish(summary);
    if (options.format === 'pretty') writeTerminalSummary(overview, write, createStyle(supportsColour(io.stdout, io.env, options.color)), locale);
    if (written) {
      note(
        written.directory
          ? translate(locale, 'audit-html-pages-written', { file: options.html!, directory: path.relative(io.cwd, written.directory) || written.directory, n: written.files - 1 })
          : translate(locale, 'audit-html-written', { file: options.html! }),
      );
    }
    if (options.updateBaseline && baselineFile) {
      const count = await baseline.write(baselineFile);
      note(translate(locale, 'audit-baseline-written', { file: options.baseline!, n: count }));
    }
    if (summary.failed > 0) return ExitCode.failure;
    if (summary.errors > 0) return ExitCode.problems;
    return ExitCode.ok;
  } finally {
    html?.dispose();
    digests.dispose();
    findingStore.dispose();
  }
}

/** Audit findings with their numbered fingerprints (numbered per report, in order). */
function fingerprintFindings(findings: readonly AuditFinding[], recordByPath: ReadonlyMap<string, AuditedReport>): AuditFindingRecord[] {
  const byReport = new Map<string, number[]>();
  const raw = findings.map((finding, i) => {
    const record = recordByPath.get(finding.location.path);
    const report = record ? reportIdentity(record) : finding.location.path;
    const list = byReport.get(report) ?? [];
    list.push(i);
    byReport.set(report, list);
    return { report, fingerprint: findingFingerprint({ report, code: finding.code, rule: finding.rule, cells: finding.cells, evidence: finding.evidence }) };
  });
  const numbered = new Array<string>(findings.length);
  for (const indices of byReport.values()) {
    const fingerprints = numberFingerprints(indices.map((i) => raw[i].fingerprint));
    indices.forEach((i, k) => (numbered[i] = fingerprints[k]));
  }
  return findings.map((finding, i) => ({
    finding: toOutputFinding(finding),
    extras: { ...(finding.rule && { rule: finding.rule }), ...(finding.cells && { cells: finding.cells }), fingerprint: raw[i].fingerprint },
    fingerprint: numbered[i],
    report: raw[i].report,
  }));
}

function addFindingToSummary(summary: RunSummary, record: AuditFindingRecord): void {
  const key = record.finding.severity === 'error' ? 'errors' : record.finding.severity === 'warning' ? 'warnings' : 'infos';
  summary[key]++;
  const perCode = summary.byCode.get(record.finding.code) ?? { errors: 0, warnings: 0, infos: 0 };
  perCode[key]++;
  summary.byCode.set(record.finding.code, perCode);
}
