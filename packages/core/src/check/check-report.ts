import type { TemplateIR } from '../ir/template-ir.js';
import type { ParsedReport, ReportSource, ReportInfo, TemplateDetection } from '../model/report.js';
import type { Diagnostic, TextEdit } from '../diagnostics/diagnostic.js';
import type { Locale } from '../messages/index.js';
import { identityView, isIdentityView, isRenderingOf, rangeToOriginal, readReport, renderHtml } from '../read/index.js';
import { verifySuggestions } from './verify-suggestions.js';
import { CellEditIndex, planCellEdits, reparseCellEdits } from './cell-edits.js';
import { reparseSameView } from './same-view-edits.js';
import { reparseUnreadEdits } from './unread-text-edits.js';
import type { TextView } from '../read/text-view.js';
import { normalizeView } from '../normalize/index.js';
import { normalizeDigitEdits, normalizeRenditionDigitEdits } from '../normalize/digit-edits.js';
import { detectTemplate, readReportInfo } from '../detect/index.js';
import { parseReport } from '../parse/index.js';
import { compareDiagnostics, validateReport } from '../validate/index.js';
import { builtinTemplates } from '../templates/index.js';
import { diagnosticCodes, message } from '../messages/index.js';
import { checkClock } from '../validate/check-clock.js';

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
  // The reader's view is the one a re-check makes of an edited text (see `recheckView`).
  return checkNormalized(read.source, normalizeView(read.view), options, true);
}

/** As {@link checkReport}, for text already decoded (an editor buffer). */
export function checkText(
  source: ReportSource,
  view: TextView,
  options: CheckOptions = {},
): CheckResult {
  return checkNormalized(source, normalizeView(view), options, isRecheckView(source, view));
}

/**
 * Whether `view` is the one {@link recheckView} makes of `source.text` (the reader's view is), so that a
 * fix's re-check may start from the check's parse: an identity view of a text source, or the rendition of
 * an HTML source made from exactly its text.
 */
function isRecheckView(source: ReportSource, view: TextView): boolean {
  return source.format === 'html' ? isRenderingOf(view, source.text) : isIdentityView(view);
}

/** What a re-check after cell edits carries over from the check before them (see `cell-edits.ts`). */
interface CarriedOver {
  /** The template detection, when the edits cannot change it. */
  detection?: TemplateDetection;
  /** Stands for `parseReport` with the template chosen; null: parse the text. */
  parse?: (detection: TemplateDetection, template: TemplateIR) => ParsedReport | null;
}

/**
 * {@link checkText} from the normalised view. `recheckable`: the view is the one {@link recheckView}
 * makes of the source text, so a fix's re-check may start from this check's parse (see `cell-edits.ts`).
 * `findingsOnly`: a fix's re-check, whose findings are only judged (see `ValidateOptions.findingsOnly`).
 */
function checkNormalized(
  source: ReportSource,
  normalized: TextView,
  options: CheckOptions,
  recheckable: boolean,
  carried: CarriedOver = {},
  findingsOnly = false,
): CheckResult {
  const started = checkClock();
  const budgetMs = options.budgetMs ?? DEFAULT_CHECK_BUDGET_MS;
  const deadline = { at: started + budgetMs, seconds: Math.round(budgetMs / 100) / 10 };
  const templates = options.templates ?? builtinTemplates;
  const detection = carried.detection ?? detectTemplate(normalized.text, templates);
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
  const report = carried.parse?.(detection, template) ?? parseReport(normalized, source, template, detection);
  const diagnostics = validateReport(report, template, {
    locale: options.locale ?? 'zh-CN',
    templates,
    normalized,
    deadline,
    findingsOnly,
  });
  const confidence = detection.id === template.id ? detection.confidence : 1;
  const checked: CheckResult = { source, template: { id: template.id, confidence }, info: report.info, report, diagnostics };
  if (options.verifySuggestions === false) return checked;
  const cells = recheckable ? new CellEditIndex({ report, normalized, template, templates }) : undefined;
  // The zones the parse read tables from are cut now, when the parse has just found the section headings
  // (see `findSectionHeadings`), before a re-check searches another text.
  if (cells && !carried.parse && diagnostics.some((d) => d.suggestions.length > 0)) cells.readZones();
  return verifyCheckedSuggestions(checked, { ...options, template, templates }, deadline, cells);
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
  const deadline = { at: checkClock() + budgetMs, seconds: Math.round(budgetMs / 100) / 10 };
  const template = typeof options.template === 'object' ? options.template : (options.templates ?? builtinTemplates).find((t) => t.id === result.template?.id);
  if (!template) return result;
  return verifyCheckedSuggestions(result, { ...options, template }, deadline);
}

function verifyCheckedSuggestions(
  result: CheckResult,
  options: CheckOptions & { template: TemplateIR },
  deadline: { at: number; seconds: number },
  cells?: CellEditIndex,
): CheckResult {
  const { source, diagnostics } = result;
  if (!diagnostics.some((d) => d.suggestions.length > 0)) return result;
  const offered = verifySuggestions(
    source.text,
    diagnostics,
    (fixed, edits) => {
      const recheckOptions = { ...options, budgetMs: Math.max(0, deadline.at - checkClock()) };
      if (!cells) return recheckText(source, fixed, recheckOptions);
      return recheckText(source, fixed, recheckOptions, cells, edits);
    },
    deadline.at,
  );
  if (checkClock() > deadline.at && !offered.some((d) => d.code === 'structure/check-timeout')) {
    offered.push(timeoutFinding(source, deadline.seconds, options.locale ?? 'zh-CN'));
    offered.sort(compareDiagnostics);
  }
  return { ...result, diagnostics: offered };
}

/**
 * The findings of `text`, an edited version of `source`, checked the same way; null if it cannot be.
 * With the parse of `source` (`cells`) and the `edits` that made `text`: when they only rewrite numbers of
 * table cells, the parse is carried over instead of made again (see `cell-edits.ts`), and the normalised
 * view made from the check's (see `digit-edits.ts`); the findings are the same. Built only as far as
 * {@link verifySuggestions} judges them (`ValidateOptions.findingsOnly`), in no order.
 */
function recheckText(source: ReportSource, text: string, options: CheckOptions, cells?: CellEditIndex, edits?: readonly TextEdit[]): Diagnostic[] | null {
  try {
    const edited = { ...source, text };
    const planned = cells && edits ? planCellEdits(cells, edits) : null;
    // Cells' digits rewritten: the view of the check with those digits changed, when that is the edited text's
    // (of an HTML page's rendition too, for digits rewritten by as many).
    const digitEdits = planned?.map((p) => p.edit);
    const spliced =
      digitEdits &&
      (source.format === 'html'
        ? normalizeRenditionDigitEdits(cells!.base.normalized, source.text, digitEdits, text)
        : normalizeDigitEdits(cells!.base.normalized, source.text, digitEdits, text));
    const normalized = spliced ?? normalizeView(recheckView(edited));
    const carried = cells && edits ? carriedOver(cells, edits, text, normalized, planned, spliced !== null && spliced !== undefined) : {};
    return checkNormalized(edited, normalized, { ...options, verifySuggestions: false }, false, carried, true).diagnostics;
  } catch {
    return null;
  }
}

/**
 * What a check of `text` (the checked text with `edits` applied, normalised to `normalized`) carries over
 * from the check in `cells`: its parse with the edited cells changed, and its template detection, when the
 * edits only rewrite numbers of table cells (see `cell-edits.ts`); its parse with its ranges moved, and its
 * detection, when the normalised view does not see the edits (see `same-view-edits.ts`); its parse with its
 * ranges moved and its headings found again, when the edits lie in text no table is read from (see
 * `unread-text-edits.ts`); nothing otherwise. `spliced`: `normalized` is the check's view with the cells'
 * digits rewritten (see `digit-edits.ts`), which maps every offset as the check's view does.
 */
function carriedOver(
  cells: CellEditIndex,
  edits: readonly TextEdit[],
  text: string,
  normalized: TextView,
  planned = planCellEdits(cells, edits),
  spliced = false,
): CarriedOver {
  const { template } = cells.base;
  const parse = (report: ParsedReport, info?: ReportInfo) => (detection: TemplateDetection, chosen: TemplateIR) =>
    chosen === template ? { ...report, detection, info: info ?? readReportInfo(normalized) } : null;
  const report = planned ? reparseCellEdits(cells, planned, text, normalized) : null;
  if (report) {
    // Cells' digits rewritten past what the report info is read from, in a view mapped as the check's (of
    // the same text up to the first edit): the check's report info.
    const reach = spliced ? cells.infoReach() : Number.POSITIVE_INFINITY;
    const sameInfo = planned!.every((p) => p.viewStart >= reach);
    const carried: CarriedOver = { parse: parse(report, sameInfo ? cells.base.report.info : undefined) };
    const detection = cells.detectionAfterEdits();
    if (detection) carried.detection = detection;
    return carried;
  }
  // Edits the normalised view does not see (injected Pinyin readings deleted): its detection is the same.
  const unseen = reparseSameView(cells, edits, text, normalized);
  if (unseen) return { parse: parse(unseen), detection: cells.base.report.detection };
  // Edits in text no table is read from (a converter's leftover deleted, a heading reworded): detected again.
  const unread = reparseUnreadEdits(cells, edits, text, normalized);
  return unread ? { parse: parse(unread) } : {};
}

/**
 * A check of an editor buffer ({@link checkEditedText}) with what the next check of the buffer, after an
 * edit, may start from.
 */
export interface BufferCheck {
  readonly result: CheckResult;
  /** The check's options, compared with the next check's: only a check made the same way is a base. */
  readonly options: CheckOptions;
  /** The parse and normalised view of the check (none when no template fit): see `cell-edits.ts`. */
  readonly cells?: CellEditIndex;
  /** The parse was carried over from the check before (a cell's digits edited), not made again. */
  readonly reusedParse: boolean;
}

/**
 * {@link checkText} of an editor buffer (a plain-text or Markdown source, its own view), starting from
 * `previous`, the check of an earlier version of the same buffer: when the two texts differ only in the
 * digits of one table cell (a number typed over), the earlier parse is carried over with that cell
 * changed instead of parsing the text again, as a fix's re-check does (see `cell-edits.ts`); the findings
 * are the same (differential test). Any other edit, other options or an HTML source: the full check.
 */
export function checkEditedText(source: ReportSource, options: CheckOptions = {}, previous?: BufferCheck): BufferCheck {
  const recheckable = source.format !== 'html';
  const normalized = normalizeView(identityView(source.text));
  const base = recheckable && previous?.cells && sameCheckOptions(previous.options, options) ? previous.cells : undefined;
  const edit = base ? cellDigitsEdit(previous!.result.source.text, source.text) : undefined;
  let carried: CarriedOver = {};
  try {
    if (base && edit) carried = carriedOver(base, [edit], source.text, normalized);
  } catch {
    // Whatever went wrong carrying the parse over, the full check follows.
  }
  const result = checkNormalized(source, normalized, options, recheckable, carried);
  const reusedParse = carried.parse !== undefined && result.report !== null && result.template?.id === base?.base.template.id;
  if (!recheckable || !result.report || !result.template) return { result, options, reusedParse };
  const templates = options.templates ?? builtinTemplates;
  const template = typeof options.template === 'object' ? options.template : templates.find((t) => t.id === result.template?.id);
  if (!template) return { result, options, reusedParse };
  return { result, options, reusedParse, cells: new CellEditIndex({ report: result.report, normalized, template, templates }) };
}

/** True when two checks are made the same way: the same template choice, templates (by object) and settings. */
function sameCheckOptions(a: CheckOptions, b: CheckOptions): boolean {
  const ta = a.templates ?? builtinTemplates;
  const tb = b.templates ?? builtinTemplates;
  return (
    (a.template ?? 'auto') === (b.template ?? 'auto') &&
    (a.locale ?? 'zh-CN') === (b.locale ?? 'zh-CN') &&
    a.maxBytes === b.maxBytes &&
    a.budgetMs === b.budgetMs &&
    (a.verifySuggestions ?? true) === (b.verifySuggestions ?? true) &&
    ta.length === tb.length &&
    ta.every((t, i) => t === tb[i])
  );
}

/**
 * The edit from `before` to `after` as the rewriting of one run of digits (the run around the changed
 * characters, widened over the digits beside them that both texts share), or undefined when the two differ
 * in anything else. Whether that run is a table cell's whole text is for `planCellEdits` to say.
 */
export function cellDigitsEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const shortest = Math.min(before.length, after.length);
  let start = 0;
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shortest - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const end = before.length - tail;
  const insertedEnd = after.length - tail;
  for (let i = start; i < insertedEnd; i++) if (!isAsciiDigit(after.charCodeAt(i))) return undefined;
  for (let i = start; i < end; i++) if (!isAsciiDigit(before.charCodeAt(i))) return undefined;
  let from = start;
  while (from > 0 && isAsciiDigit(before.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < before.length && isAsciiDigit(before.charCodeAt(to))) to++;
  const newText = after.slice(from, insertedEnd + (to - end));
  if (newText === '') return undefined;
  return { range: { start: from, end: to }, newText };
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The view a re-check reads an edited source text through: its HTML rendition, or the text itself. */
function recheckView(source: ReportSource): TextView {
  return source.format === 'html' ? renderHtml(source.text) : identityView(source.text);
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
