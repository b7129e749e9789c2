import type { ParsedTemplate, TemplateDiagnostic, TemplateSourceResolver } from '@nianbao/template-language';
import { analyzeTemplate, parseTemplate } from '@nianbao/template-language';
import type { TemplateIR } from '../ir/template-ir.js';
import { templateIRSchema } from '../ir/template-ir.js';
import { templateModelToIR } from './model-to-ir.js';
import { resolveBuiltinTemplateSource } from '../templates/builtin-templates.js';

/** The outcome of compiling a template: the IR when the template has no errors, and every diagnostic. */
export interface CompileResult {
  /** The compiled template; absent when any diagnostic is an error. */
  ir?: TemplateIR;
  /** Syntax, reference and template-check diagnostics (errors, warnings, infos) in document order. */
  diagnostics: TemplateDiagnostic[];
}

/** Options of {@link compileTemplate}. */
export interface CompileOptions {
  /** The template's file name or URI, used in diagnostics. */
  uri?: string;
  /**
   * Where `extends` finds its base template by id (default: the built-in templates). A project's
   * template registry passes its own resolver, so templates may extend the project's templates too.
   */
  resolveBase?: TemplateSourceResolver;
}

const origin = { line: 1, column: 1, offset: 0 };

/**
 * Compile a template (its text, or the result of `parseTemplate`) to the template IR: every quantified
 * rule expanded to equations over cell ids `${table}.${row}.${column}`, leaf rows, leaf columns and cells
 * derived, and the result checked against the IR schema. Never throws: a broken template gives
 * diagnostics and no IR.
 */
export async function compileTemplate(source: string | ParsedTemplate, options: CompileOptions = {}): Promise<CompileResult> {
  let parsed: ParsedTemplate;
  try {
    parsed =
      typeof source === 'string'
        ? await parseTemplate(source, options.uri, undefined, { resolveBase: options.resolveBase ?? resolveBuiltinTemplateSource })
        : source;
  } catch (error) {
    return { diagnostics: [internalError(error, options.uri)] };
  }
  const diagnostics = [...parsed.diagnostics];
  const template = parsed.ast.template;
  if (!template || diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    return { diagnostics };
  }
  try {
    const ir = templateModelToIR(analyzeTemplate(template).model);
    const checked = templateIRSchema.safeParse(ir);
    if (!checked.success) {
      const detail = checked.error.issues
        .slice(0, 5)
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ');
      return { diagnostics: [...diagnostics, internalError(new Error(`IR schema: ${detail}`), options.uri)] };
    }
    return { ir: checked.data, diagnostics };
  } catch (error) {
    return { diagnostics: [...diagnostics, internalError(error, options.uri)] };
  }
}

/** Alias of {@link compileTemplate}. */
export const compile = compileTemplate;

function internalError(error: unknown, uri: string | undefined): TemplateDiagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  const diagnostic: TemplateDiagnostic = {
    code: 'internal-error',
    severity: 'error',
    message: { 'zh-CN': `模板编译器内部错误：${detail}`, en: `Internal error of the template compiler: ${detail}` },
    range: { start: origin, end: origin },
  };
  return uri === undefined ? diagnostic : { ...diagnostic, uri };
}
