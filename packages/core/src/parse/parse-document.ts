import type { TemplateIR } from '../ir/template-ir.js';
import type { ParsedReport, ReportSource } from '../model/report.js';
import type { TextView } from '../read/text-view.js';
import { normalizeView } from '../normalize/index.js';
import { detectTemplate, readReportInfo } from '../detect/index.js';
import { parseReport } from './parse-report.js';

/** What the reader produced for a document (the shape of `readReport`'s result). */
export interface ReadDocument {
  source: ReportSource;
  /** The reader's view of the document (the HTML/docx rendition, or the text itself). */
  view: TextView;
}

/** Options of {@link parseDocument}. */
export interface ParseDocumentOptions {
  /** Parse with this template id instead of detecting one. */
  template?: string;
}

/** Thrown by {@link parseDocument} when it is given no template to work with. */
export class NoTemplateError extends Error {
  /** @param wanted the template id asked for, if any */
  constructor(readonly wanted?: string) {
    super(wanted ? `unknown template: ${wanted}` : 'no template to parse with');
    this.name = 'NoTemplateError';
  }
}

/**
 * Normalises a read document, detects its template among `templates` (unless one is named) and parses
 * it. When detection finds nothing, the template whose years cover the report year is used, else the
 * first one. Throws {@link NoTemplateError} only for an unknown template id or an empty template list.
 */
export function parseDocument(
  read: ReadDocument,
  templates: TemplateIR[],
  options: ParseDocumentOptions = {},
): ParsedReport {
  const normalized = normalizeView(read.view);
  const detection = detectTemplate(normalized.text, templates);
  let template: TemplateIR | undefined;
  if (options.template !== undefined) {
    template = templates.find((t) => t.id === options.template);
    if (!template) throw new NoTemplateError(options.template);
  } else {
    template = templates.find((t) => t.id === detection.id);
    if (!template) {
      const year = readReportInfo(normalized.text).year;
      template =
        (year === null ? undefined : templates.find((t) => t.years.from <= year && (t.years.to ?? Infinity) >= year)) ??
        templates[0];
    }
  }
  if (!template) throw new NoTemplateError();
  return parseReport(normalized, read.source, template, detection);
}
