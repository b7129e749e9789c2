import type { TemplateIR } from '../ir/template-ir.js';

/** What a list of templates shows of each (`nianbao templates`), and what supersession reads and changes. */
export type TemplateSummary = Pick<TemplateIR, 'id' | 'title' | 'notice' | 'years' | 'supersedes'>;

/** The summary of a built-in template, with its source file (relative to the repository). */
export interface BuiltinTemplateSummary extends TemplateSummary {
  file: string;
}

/** A template's summary: its id, title, notice, years and the templates it supersedes. */
export function summarizeTemplate(template: TemplateIR): TemplateSummary {
  return {
    id: template.id,
    title: template.title,
    notice: template.notice,
    years: template.years,
    ...(template.supersedes ? { supersedes: template.supersedes } : {}),
  };
}

