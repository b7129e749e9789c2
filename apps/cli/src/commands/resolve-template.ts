import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locale, TemplateIR } from '@nianbao/core';
import type { TemplateIrCache, TemplateRegistry } from '@nianbao/core/project';
import type { Translator } from '../i18n/translate.js';
import { CliError } from '../program/cli-error.js';
import type { OutputStream } from '../program/cli-io.js';
import { compileTemplateFile } from './compile-template-file.js';

/** A resolved `--template`: detection, or a template (built in, or compiled from a file). */
export type TemplateChoice = 'auto' | { ir: TemplateIR; builtin: boolean };

/**
 * Resolves `--template`: `auto`; the id of a template of the registry (built in, or added by the
 * project configuration or `--templates`); or a `.nbt` file, compiled (its errors and warnings go to
 * `stderr`; a template that does not compile is a usage failure). A file may extend the registry's templates;
 * with `irCache`, one compiled by an earlier run is taken from the cache.
 */
export async function resolveTemplate(
  spec: string,
  cwd: string,
  stderr: OutputStream,
  locale: Locale,
  t: Translator,
  registry: TemplateRegistry,
  allowAuto = true,
  irCache?: TemplateIrCache,
): Promise<TemplateChoice> {
  if (spec === 'auto' && allowAuto) return 'auto';
  const known = registry.entries.find((entry) => entry.ir.id === spec);
  if (known) return { ir: known.ir, builtin: known.origin.kind === 'builtin' };
  if (spec.toLowerCase().endsWith('.nbt') || spec.includes('/') || spec.includes(path.sep)) {
    const file = path.resolve(cwd, spec);
    const text = await readFile(file, 'utf8').catch(() => {
      throw new CliError(t('file-not-found', { path: spec }));
    });
    const compiled = await compileTemplateFile(text, spec, locale, registry.resolveBase, irCache);
    // Errors and warnings only: infos (e.g. cells no rule covers) are for template authors (check-template).
    for (const line of compiled.lines) if (line.severity !== 'info') stderr.write(`${line.text}\n`);
    if (!compiled.ir) throw new CliError(t('template-not-compiled', { path: spec }));
    return { ir: compiled.ir, builtin: false };
  }
  const ids = registry.entries.map((entry) => entry.ir.id).join(', ');
  throw new CliError(t('unknown-template', { id: spec, known: ids }));
}
