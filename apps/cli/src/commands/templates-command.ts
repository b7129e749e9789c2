import type { CliIo } from '../program/cli-io.js';
import { localeOf } from '../program/parse-options.js';
import { ProjectTemplates } from './project-templates.js';
import { printTemplates, type TemplatesOptions } from './template-list.js';

export type { TemplatesOptions } from './template-list.js';

/**
 * `nianbao templates`: the templates detection chooses among here — built-in ones, those of the project
 * configuration found from the working directory, and `--templates` — with id, report years (as closed by
 * `supersedes`), notice, title and where each came from. (With the built-in templates only,
 * `listBuiltinTemplates` lists the same without loading them.)
 */
export async function templatesCommand(options: TemplatesOptions, io: CliIo): Promise<number> {
  const { locale, t } = localeOf(options, io.env);
  const registry = await new ProjectTemplates(options, io, locale, t).forFile(undefined);
  return printTemplates(
    registry.entries.map(({ ir, origin }) => ({ summary: ir, origin })),
    options,
    io,
  );
}
