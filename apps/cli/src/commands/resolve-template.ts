import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { builtinTemplates, type Locale, type TemplateIR } from '@nianbao/core';
import type { Translator } from '../i18n/translate.js';
import { CliError } from '../program/cli-error.js';
import type { OutputStream } from '../program/cli-io.js';
import { compileTemplateFile } from './compile-template-file.js';

/** A resolved `--template`: detection, or a template (built in, or compiled from a file). */
export type TemplateChoice = 'auto' | { ir: TemplateIR; builtin: boolean };

/**
 * Resolves `--template`: `auto`; the id of a built-in template; or a `.nbt` file, compiled (its errors
 * and warnings go to `stderr`; a template that does not compile is a usage failure).
 */
export async function resolveTemplate(
  spec: string,
  cwd: string,
  stderr: OutputStream,
  locale: Locale,
  t: Translator,
  allowAuto = true,
): Promise<TemplateChoice> {
  if (spec === 'auto' && allowAuto) return 'auto';
  const builtin = builtinTemplates.find((template) => template.id === spec);
  if (builtin) return { ir: builtin, builtin: true };
  if (spec.toLowerCase().endsWith('.nbt') || spec.includes('/') || spec.includes(path.sep)) {
    const file = path.resolve(cwd, spec);
    const text = await readFile(file, 'utf8').catch(() => {
      throw new CliError(t('file-not-found', { path: spec }));
    });
    const compiled = await compileTemplateFile(text, spec, locale);
    // Errors and warnings only: infos (e.g. cells no rule covers) are for template authors (check-template).
    for (const line of compiled.lines) if (line.severity !== 'info') stderr.write(`${line.text}\n`);
    if (!compiled.ir) throw new CliError(t('template-not-compiled', { path: spec }));
    return { ir: compiled.ir, builtin: false };
  }
  const known = builtinTemplates.map((template) => template.id).join(', ');
  throw new CliError(t('unknown-template', { id: spec, known }));
}
