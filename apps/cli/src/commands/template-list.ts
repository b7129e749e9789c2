import path from 'node:path';
import { builtinTemplateSummaries, withSupersession, type TemplateSummary } from '@nianbao/core/templates';
import { findProjectConfig, type TemplateOrigin } from '@nianbao/core/project';
import { ExitCode } from '../program/cli-error.js';
import type { CliIo } from '../program/cli-io.js';
import { localeOf, type CommonOptions } from '../program/parse-options.js';
import { displayWidth } from '../terminal/display-width.js';
import type { TemplateSourceOptions } from './project-templates.js';

/** Options of `nianbao templates`. */
export interface TemplatesOptions extends CommonOptions, TemplateSourceOptions {
  format: 'pretty' | 'json';
}

/** A template as `nianbao templates` lists it, with where it comes from. */
export interface ListedTemplate {
  summary: TemplateSummary;
  origin: TemplateOrigin;
}

/**
 * `nianbao templates` when only the built-in templates apply (no `--templates`, and no project
 * configuration found from the working directory, or `--no-config`): lists them from their summaries,
 * without loading the templates themselves. Returns undefined when the project adds templates (they must
 * be compiled: see `templatesCommand`).
 */
export async function listBuiltinTemplates(options: TemplatesOptions, io: CliIo): Promise<number | undefined> {
  localeOf(options, io.env); // an unknown --locale fails before anything else
  if ((options.templates ?? []).length > 0) return undefined;
  if (options.config !== false && (await findProjectConfig(io.cwd)) !== undefined) return undefined;
  const summaries = withSupersession(builtinTemplateSummaries);
  return printTemplates(
    summaries.map((summary, index) => ({ summary, origin: { kind: 'builtin', file: builtinTemplateSummaries[index].file } })),
    options,
    io,
  );
}

/** Writes the list of templates: id, report years (as closed by `supersedes`), notice, title and origin. */
export function printTemplates(templates: readonly ListedTemplate[], options: TemplatesOptions, io: CliIo): number {
  const { t } = localeOf(options, io.env);
  const shown = (file: string) => path.relative(io.cwd, file) || file;
  const rows = templates.map(({ summary, origin }) => ({
    id: summary.id,
    title: summary.title,
    notice: summary.notice,
    years: { from: summary.years.from, to: summary.years.to ?? null },
    origin:
      origin.kind === 'builtin'
        ? { kind: origin.kind, file: origin.file }
        : origin.kind === 'config'
          ? { kind: origin.kind, file: shown(origin.file), config: shown(origin.config) }
          : { kind: origin.kind, file: shown(origin.file) },
  }));
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(rows)}\n`);
    return ExitCode.ok;
  }
  const years = rows.map((row) =>
    row.years.to === null
      ? t('template-list-years-open', { from: row.years.from })
      : t('template-list-years', { from: row.years.from, to: row.years.to }),
  );
  const origins = rows.map((row) =>
    row.origin.kind === 'builtin'
      ? t('template-origin-builtin')
      : row.origin.kind === 'config'
        ? `${t('template-origin-config', { config: row.origin.config })}: ${row.origin.file}`
        : `${t('template-origin-option')}: ${row.origin.file}`,
  );
  const idWidth = Math.max(...rows.map((row) => row.id.length));
  const yearsWidth = Math.max(...years.map((text) => displayWidth(text)));
  rows.forEach((row, i) => {
    const yearsText = years[i] + ' '.repeat(yearsWidth - displayWidth(years[i]));
    io.stdout.write(`${row.id.padEnd(idWidth)}  ${yearsText}  ${row.notice}  ${row.title}  [${origins[i]}]\n`);
  });
  return ExitCode.ok;
}
