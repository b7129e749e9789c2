import path from 'node:path';
import { ExitCode } from '../program/cli-error.js';
import type { CliIo } from '../program/cli-io.js';
import { localeOf, type CommonOptions } from '../program/parse-options.js';
import { displayWidth } from '../terminal/display-width.js';
import { ProjectTemplates, type TemplateSourceOptions } from './project-templates.js';

/** Options of `nianbao templates`. */
export interface TemplatesOptions extends CommonOptions, TemplateSourceOptions {
  format: 'pretty' | 'json';
}

/**
 * `nianbao templates`: the templates detection chooses among here — built-in ones, those of the project
 * configuration found from the working directory, and `--templates` — with id, report years (as closed by
 * `supersedes`), notice, title and where each came from.
 */
export async function templatesCommand(options: TemplatesOptions, io: CliIo): Promise<number> {
  const { locale, t } = localeOf(options, io.env);
  const registry = await new ProjectTemplates(options, io, locale, t).forFile(undefined);
  const shown = (file: string) => path.relative(io.cwd, file) || file;
  const rows = registry.entries.map(({ ir, origin }) => ({
    id: ir.id,
    title: ir.title,
    notice: ir.notice,
    years: { from: ir.years.from, to: ir.years.to ?? null },
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
