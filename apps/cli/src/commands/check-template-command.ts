import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CliError, ExitCode } from '../program/cli-error.js';
import type { CliIo } from '../program/cli-io.js';
import { localeOf, type CommonOptions } from '../program/parse-options.js';
import { compileTemplateFile } from './compile-template-file.js';
import { ProjectTemplates, type TemplateSourceOptions } from './project-templates.js';

/**
 * `nianbao check-template <file.nbt>`: the template's diagnostics, one `file:line:column` line each, on
 * stdout; exit code 1 when any is an error.
 */
export async function checkTemplateCommand(file: string, options: CommonOptions & TemplateSourceOptions, io: CliIo): Promise<number> {
  const { locale, t } = localeOf(options, io.env);
  const text = await readFile(path.resolve(io.cwd, file), 'utf8').catch(() => {
    throw new CliError(t('file-not-found', { path: file }));
  });
  // `extends` finds the built-in templates and those of the project (configuration, --templates).
  const registry = await new ProjectTemplates(options, io, locale, t, file).forFile(path.resolve(io.cwd, file));
  const compiled = await compileTemplateFile(text, file, locale, registry.resolveBase);
  for (const line of compiled.lines) io.stdout.write(`${line.text}\n`);
  if (compiled.errors > 0) return ExitCode.problems;
  io.stdout.write(`${t('template-ok', { path: file, id: compiled.ir?.id ?? '?' })}\n`);
  return ExitCode.ok;
}
