import type { Locale, TemplateIR } from '@nianbao/core';

/** A template file compiled: the IR when it has no errors, and its diagnostics for people. */
export interface CompiledTemplateFile {
  ir?: TemplateIR;
  /** One `file:line:column severity [code] message` line per diagnostic, in document order. */
  lines: Array<{ severity: 'error' | 'warning' | 'info'; text: string }>;
  errors: number;
}

/**
 * Compiles a template's text with the core compiler, loaded on demand (it brings the template
 * language, which no other command needs).
 */
export async function compileTemplateFile(text: string, file: string, locale: Locale): Promise<CompiledTemplateFile> {
  const { compileTemplate, formatTemplateDiagnostics } = await import('@nianbao/core/compiler');
  const result = await compileTemplate(text, { uri: file });
  return {
    ir: result.ir,
    lines: result.diagnostics.map((diagnostic) => ({
      severity: diagnostic.severity,
      text: formatTemplateDiagnostics([diagnostic], { language: locale, file }),
    })),
    errors: result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
  };
}
