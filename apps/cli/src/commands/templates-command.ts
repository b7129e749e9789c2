// The templates alone (not the whole core: no reader, parser or validator is loaded to list them).
import { builtinTemplates } from '@nianbao/core/templates';
import { ExitCode } from '../program/cli-error.js';
import type { CliIo } from '../program/cli-io.js';
import { localeOf, type CommonOptions } from '../program/parse-options.js';
import { displayWidth } from '../terminal/display-width.js';

/** Options of `nianbao templates`. */
export interface TemplatesOptions extends CommonOptions {
  format: 'pretty' | 'json';
}

/** `nianbao templates`: the built-in templates with id, title, notice and report years. */
export async function templatesCommand(options: TemplatesOptions, io: CliIo): Promise<number> {
  const { t } = localeOf(options, io.env);
  const rows = builtinTemplates.map((template) => ({
    id: template.id,
    title: template.title,
    notice: template.notice,
    years: { from: template.years.from, to: template.years.to ?? null },
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
  const idWidth = Math.max(...rows.map((row) => row.id.length));
  const yearsWidth = Math.max(...years.map((text) => displayWidth(text)));
  rows.forEach((row, i) => {
    const yearsText = years[i] + ' '.repeat(yearsWidth - displayWidth(years[i]));
    io.stdout.write(`${row.id.padEnd(idWidth)}  ${yearsText}  ${row.notice}  ${row.title}\n`);
  });
  return ExitCode.ok;
}
