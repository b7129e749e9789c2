import { generatedBuiltinTemplates } from '../generated/builtin-templates.js';
import type { TemplateIR } from '../ir/template-ir.js';

/** The official templates (gov-disclosure-2019, gov-disclosure-2021), compiled at build time from grammars/*.nbt. */
export const builtinTemplates: TemplateIR[] = generatedBuiltinTemplates;

/** The built-in template with this id, or undefined. */
export function getBuiltinTemplate(id: string): TemplateIR | undefined {
  return builtinTemplates.find((template) => template.id === id);
}
