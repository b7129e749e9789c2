import type { TemplateIR } from '../ir/template-ir.js';
import type { ParsedReport, ReportSource, ReportInfo } from '../model/report.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Locale } from '../messages/index.js';
import { readReport } from '../read/index.js';
import { normalizeView } from '../normalize/index.js';
import { detectTemplate, readReportInfo } from '../detect/index.js';
import { parseReport } from '../parse/index.js';
import { validateReport } from '../validate/index.js';
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
}

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
  view: import('../read/text-view.js').TextView,
  options: CheckOptions = {},
): CheckResult {
  const templates = options.templates ?? builtinTemplates;
  const normalized = normalizeView(view);
  const detection = detectTemplate(normalized.text, templates);
  const template = chooseTemplate(options.template ?? 'auto', templates, detection.id);
  if (!template) {
    const locale = options.locale ?? 'zh-CN';
    const info = readReportInfo(normalized.text);
    return { source, template: null, info, report: null, diagnostics: [unknownTemplate(source, templates, locale)] };
  }
  const report = parseReport(normalized, source, template, detection);
  const diagnostics = validateReport(report, template, {
    locale: options.locale ?? 'zh-CN',
    templates,
    normalized,
  });
  const confidence = detection.id === template.id ? detection.confidence : 1;
  return { source, template: { id: template.id, confidence }, info: report.info, report, diagnostics };
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

/** The one finding for a text no template fits: on its first line, naming the templates tried. */
function unknownTemplate(source: ReportSource, templates: TemplateIR[], locale: Locale): Diagnostic {
  const code = 'template/unknown';
  const firstLineEnd = source.text.search(/\r|\n|$/u);
  return {
    code,
    category: diagnosticCodes[code].category,
    severity: diagnosticCodes[code].severity,
    message: message(code, { templates: templates.map((t) => t.id).join(locale === 'en' ? ', ' : '、') }, locale),
    range: { start: 0, end: Math.max(0, firstLineEnd) },
    related: [],
    suggestions: [],
  };
}
