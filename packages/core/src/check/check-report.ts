import type { TemplateIR } from '../ir/template-ir.js';
import type { ParsedReport, ReportSource, ReportInfo } from '../model/report.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Locale } from '../messages/index.js';
import { identityView, rangeToOriginal, readReport, renderHtml } from '../read/index.js';
import { verifySuggestions } from './verify-suggestions.js';
import type { TextView } from '../read/text-view.js';
import { normalizeView } from '../normalize/index.js';
import { detectTemplate, readReportInfo } from '../detect/index.js';
import { parseReport } from '../parse/index.js';
import { compareDiagnostics, validateReport } from '../validate/index.js';
import { builtinTemplates } from '../templates/index.js';
import { diagnosticCodes, message } from '../messages/index.js';

/** What to check a report against. */
export interface CheckOptions {
  /** `auto` (default): detect among `templates`; an id: that template; or a compiled template. */
  template?: 'auto' | string | TemplateIR;
  /** The templates to choose from (default: the built-in ones). */
  templates?: TemplateIR[];
  /** Message language (default zh-CN). */
  locale?: Locale;
  /** Size limit in bytes (default: the reader's). */
  maxBytes?: number;
  /**
   * Re-check every suggestion before offering it (default true): one that does not remove its finding,
   * or brings a new one, is dropped. See {@link verifySuggestions}.
   */
  verifySuggestions?: boolean;
  /**
   * Time budget of the check in milliseconds (default {@link DEFAULT_CHECK_BUDGET_MS}): past it, what
   * is left is not checked and one `structure/check-timeout` finding says so.
   */
  budgetMs?: number;
}

/** Default time budget of one report's check: far beyond any real report, short enough for a batch. */
export const DEFAULT_CHECK_BUDGET_MS = 60_000;

/** The outcome of checking one report. */
export interface CheckResult {
  source: ReportSource;
  /** The template used and how sure detection was; null when no template fits. */
  template: { id: string; confidence: number } | null;
  info: ReportInfo;
  /** The parsed report, null when no template fits. */
  report: ParsedReport | null;
  diagnostics: Diagnostic[];
}

/** Thrown when `options.template` names no known template. */
export class UnknownTemplateError extends Error {
  /** @param id the template id asked for */
  constructor(readonly id: string) {
    super(`unknown template: ${id}`);
    this.name = 'UnknownTemplateError';
  }
}

/**
 * Reads, parses and validates one report: the whole pipeline behind the CLI and the language server.
 * Bad bytes reject with the reader's `ReadError`; an unknown template id with {@link UnknownTemplateError}.
 */
export async function checkReport(
  input: { bytes: Uint8Array; fileName?: string },
  options: CheckOptions = {},
): Promise<CheckResult> {
  const read = await readReport(input.bytes, { fileName: input.fileName, maxBytes: options.maxBytes });
  return checkText(read.source, read.view, options);
}

/** As {@link checkReport}, for text already decoded (an editor buffer). */
export function checkText(
  source: ReportSource,
  view: TextView,
  options: CheckOptions = {},
): CheckResult {
  const started = performance.now();
  const budgetMs = options.budgetMs ?? DEFAULT_CHECK_BUDGET_MS;
  const deadline = { at: started + budgetMs, seconds: Math.round(budgetMs / 100) / 10 };
  const templates = options.templates ?? builtinTemplates;
  const normalized = normalizeView(view);
  const detection = detectTemplate(normalized.text, templates);
  const wanted = options.template ?? 'auto';
  const template = chooseTemplate(wanted, templates, detection.id);
  const locale = options.locale ?? 'zh-CN';
  // A report in the pre-template format (statistics table with 指标名称/历年累计…, none of the templates'
  // markers) is not checked against a template it does not follow: one finding says so.
  const legacyOnly = detection.legacy && wanted === 'auto' && Object.values(detection.scores).every((score) => score === 0);
  if (!template || legacyOnly) {
    const info = readReportInfo(normalized);
    const finding = detection.legacy
      ? legacyFormat(normalized, info, templates, locale)
      : unknownTemplate(source, info, templates, locale);
    return { source, template: null, info, report: null, diagnostics: [finding] };
  }
  const report = parseReport(normalized, source, template, detection);
  const diagnostics = validateReport(report, template, {
    locale: options.locale ?? 'zh-CN',
    templates,
    normalized,
    deadline,
  });
  const confidence = detection.id === template.id ? detection.confidence : 1;
  const checked: CheckResult = { source, template: { id: template.id, confidence }, info: report.info, report, diagnostics };
  return options.verifySuggestions === false ? checked : verifyCheckedSuggestions(checked, { ...options, template, templates }, deadline);
}

/**
 * The result of a check made with `verifySuggestions: false`, with its suggestions verified as
 * {@link checkText} verifies them (each re-checked, see {@link verifySuggestions}): an editor can show the
 * findings at once and verify their fixes right after. `options` are those of the check, with its
 * template; the time budget counts from now.
 */
export function verifyResultSuggestions(result: CheckResult, options: CheckOptions = {}): CheckResult {
  if (!result.report || !result.template) return result;
  const budgetMs = options.budgetMs ?? DEFAULT_CHECK_BUDGET_MS;
  const deadline = { at: performance.now() + budgetMs, seconds: Math.round(budgetMs / 100) / 10 };
  const template = typeof options.template === 'object' ? options.template : (options.templates ?? builtinTemplates).find((t) => t.id === result.template?.id);
  if (!template) return result;
  return verifyCheckedSuggestions(result, { ...options, template }, deadline);
}

function verifyCheckedSuggestions(
  result: CheckResult,
  options: CheckOptions & { template: TemplateIR },
  deadline: { at: number; seconds: number },
): CheckResult {
  const { source, diagnostics } = result;
  if (!diagnostics.some((d) => d.suggestions.length > 0)) return result;
  const offered = verifySuggestions(
    source.text,
    diagnostics,
    (fixed) => recheckText(source, fixed, { ...options, budgetMs: Math.max(0, deadline.at - performance.now()) }),
    deadline.at,
  );
  if (performance.now() > deadline.at && !offered.some((d) => d.code === 'structure/check-timeout')) {
    offered.push(timeoutFinding(source, deadline.seconds, options.locale ?? 'zh-CN'));
    offered.sort(compareDiagnostics);
  }
  return { ...result, diagnostics: offered };
}

/** The findings of `text`, an edited version of `source`, checked the same way; null if it cannot be. */
function recheckText(source: ReportSource, text: string, options: CheckOptions): Diagnostic[] | null {
  try {
    const view = source.format === 'html' ? renderHtml(text) : identityView(text);
    return checkText({ ...source, text }, view, { ...options, verifySuggestions: false }).diagnostics;
  } catch {
    return null;
  }
}

function chooseTemplate(
  wanted: 'auto' | string | TemplateIR,
  templates: TemplateIR[],
  detected: string | null,
): TemplateIR | undefined {
  if (typeof wanted === 'object') return wanted;
  if (wanted === 'auto') return templates.find((t) => t.id === detected);
  const found = templates.find((t) => t.id === wanted);
  if (!found) throw new UnknownTemplateError(wanted);
  return found;
}

/** The finding for a check that ran out of time while verifying its suggested fixes. */
function timeoutFinding(source: ReportSource, seconds: number, locale: Locale): Diagnostic {
  const code = 'structure/check-timeout';
  const firstLineEnd = source.text.search(/\r|\n|$/u);
  const text = message(code, { seconds, stage: message('check-stage/fixes', {}, locale) }, locale);
  return finding(code, text, { start: 0, end: Math.max(0, firstLineEnd) }, []);
}

/** The one finding for a text no template fits: on its first line, naming the templates tried. */
function unknownTemplate(source: ReportSource, info: ReportInfo, templates: TemplateIR[], locale: Locale): Diagnostic {
  const code = 'template/unknown';
  const firstLineEnd = source.text.search(/\r|\n|$/u);
  const names = templates.map((t) => t.id).join(message('list/separator', {}, locale));
  const text =
    info.year === null
      ? message(code, { templates: names }, locale)
      : message('template/unknown-year', { templates: names, year: info.year }, locale);
  return finding(code, text, { start: 0, end: Math.max(0, firstLineEnd) }, []);
}

/**
 * The one finding for a report in the pre-template format: at its first old-format phrase (the others
 * related), saying which template the report year calls for, if any. Nothing else is checked.
 */
function legacyFormat(view: TextView, info: ReportInfo, templates: TemplateIR[], locale: Locale): Diagnostic {
  const phrases = [...new Set(templates.flatMap((t) => t.legacyMarkers))];
  const found = phrases
    .map((text) => ({ text, at: view.text.indexOf(text) }))
    .filter((p) => p.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((p) => ({ text: p.text, range: rangeToOriginal(view, { start: p.at, end: p.at + p.text.length }) }));
  const names = templates.map((t) => t.title).join(message('list/separator', {}, locale));
  let text = message('template/legacy-unchecked', { markers: found.map((f) => f.text).join(message('list/separator', {}, locale)), templates: names }, locale);
  const year = info.year;
  if (year !== null) {
    const covering = templates.find((t) => year >= t.years.from && (t.years.to === undefined || year <= t.years.to));
    const first = Math.min(...templates.map((t) => t.years.from));
    if (covering) text += message('sentence/join', {}, locale) + message('template/use-instead', { year, expected: covering.title }, locale);
    else if (year < first) text += message('sentence/join', {}, locale) + message('template/before-templates', { year, from: first }, locale);
  }
  const range = found[0]?.range ?? info.titleRange ?? { start: 0, end: 0 };
  const related = found.slice(1).map((f) => ({ message: message('related/marker', { text: f.text }, locale), range: f.range }));
  return finding('template/legacy-format', text, range, related);
}

/** A finding of a code raised outside the validator (its default severity). */
function finding(
  code: 'template/unknown' | 'template/legacy-format' | 'structure/check-timeout',
  text: string,
  range: Diagnostic['range'],
  related: Diagnostic['related'],
): Diagnostic {
  return {
    code,
    category: diagnosticCodes[code].category,
    severity: diagnosticCodes[code].severity,
    message: text,
    range,
    related,
    suggestions: [],
  };
}
