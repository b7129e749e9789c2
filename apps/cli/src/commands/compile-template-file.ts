import type { Locale, TemplateIR } from '@nianbao/core';
import type { TemplateIrCache } from '@nianbao/core/project';

/** A template file compiled: the IR when it has no errors, and its diagnostics for people. */
export interface CompiledTemplateFile {
  ir?: TemplateIR;
  /** One `file:line:column severity [code] message` line per diagnostic, in document order. */
  lines: Array<{ severity: 'error' | 'warning' | 'info'; text: string }>;
  errors: number;
}

/**
 * Compiles a template's text with the core compiler, loaded on demand (it brings the template
 * language, which no other command needs). `resolveBase` finds the templates `extends` names (default:
 * the built-in ones). A diagnostic about an inherited part names the base template's file. With `irCache`,
 * a template compiled by an earlier run is taken from the cache (the compiler is then not loaded).
 */
export async function compileTemplateFile(
  text: string,
  file: string,
  locale: Locale,
  resolveBase?: (id: string) => { uri: string; text: string } | undefined,
  irCache?: TemplateIrCache,
): Promise<CompiledTemplateFile> {
  const options = { uri: file, ...(resolveBase ? { resolveBase } : {}) };
  const result = irCache ? await irCache.compile(text, options) : await (await import('@nianbao/core/compiler')).compileTemplate(text, options);
  const { formatTemplateDiagnostics } =
    result.diagnostics.length > 0 ? await import('@nianbao/core/compiler') : { formatTemplateDiagnostics: () => '' };
  return {
    ir: result.ir,
    lines: result.diagnostics.map((diagnostic) => ({
      severity: diagnostic.severity,
      text: formatTemplateDiagnostics([diagnostic], { language: locale, file: diagnostic.uri ?? file }),
    })),
    errors: result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
  };
}
