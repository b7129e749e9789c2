import type { TemplateIR } from '../ir/template-ir.js';
import type { TemplateSummary } from './template-summary.js';

/**
 * A set of templates to detect among: the built-in ones and those a project adds. A template that
 * `supersedes` others closes their years: each superseded template of the set ends the year before the
 * superseding one's first year (its file is not edited; only its copy in the set changes).
 */
export function withSupersession<Template extends TemplateSummary>(templates: readonly Template[]): Template[] {
  const ends = new Map<string, number>();
  for (const template of templates) {
    for (const id of template.supersedes ?? []) {
      const end = template.years.from - 1;
      ends.set(id, Math.min(ends.get(id) ?? end, end));
    }
  }
  return templates.map((template) => {
    const end = ends.get(template.id);
    if (end === undefined || (template.years.to !== undefined && template.years.to <= end)) return template;
    return { ...template, years: { from: template.years.from, to: Math.max(end, template.years.from) } };
  });
}

/**
 * Templates merged by id: a later template with the id of an earlier one replaces it in place (a
 * project's own version of a built-in template), new ids are appended.
 */
export function mergeTemplates(first: readonly TemplateIR[], ...more: ReadonlyArray<readonly TemplateIR[]>): TemplateIR[] {
  const merged = [...first];
  for (const list of more) {
    for (const template of list) {
      const index = merged.findIndex((candidate) => candidate.id === template.id);
      if (index >= 0) merged[index] = template;
      else merged.push(template);
    }
  }
  return merged;
}
