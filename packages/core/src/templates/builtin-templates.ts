import { generatedBuiltinTemplates, generatedBuiltinTemplateSources } from '../generated/builtin-templates.js';
import type { TemplateIR } from '../ir/template-ir.js';

/**
 * The built-in templates, compiled at build time from grammars/*.nbt: the official gov-disclosure-2019 and
 * gov-disclosure-2021, then gov-disclosure-pre2019 (the provincial statistics table of 2008–2018).
 */
export const builtinTemplates: TemplateIR[] = generatedBuiltinTemplates;

/** The built-in template with this id, or undefined. */
export function getBuiltinTemplate(id: string): TemplateIR | undefined {
  return builtinTemplates.find((template) => template.id === id);
}

/** The source text of a built-in template (file path relative to the repository, and text), for `extends`. */
export function resolveBuiltinTemplateSource(id: string): { uri: string; text: string } | undefined {
  const source = Object.hasOwn(generatedBuiltinTemplateSources, id) ? generatedBuiltinTemplateSources[id] : undefined;
  return source ? { uri: source.file, text: source.text } : undefined;
}
