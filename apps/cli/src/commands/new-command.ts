import { renderSkeleton } from '@nianbao/core';
import { ExitCode } from '../program/cli-error.js';
import type { CliIo } from '../program/cli-io.js';
import { localeOf, parseWholeNumber, type CommonOptions } from '../program/parse-options.js';
import { ProjectTemplates, type TemplateSourceOptions } from './project-templates.js';
import { resolveTemplate } from './resolve-template.js';

/** Options of `nianbao new`. */
export interface NewOptions extends CommonOptions, TemplateSourceOptions {
  template: string;
  year?: string;
  agency?: string;
}

/** `nianbao new`: prints a Markdown skeleton report of a template that validates with no error. */
export async function newCommand(options: NewOptions, io: CliIo): Promise<number> {
  const { locale, t } = localeOf(options, io.env);
  const year = parseWholeNumber('--year', options.year, 1, t);
  const project = new ProjectTemplates(options, io, locale, t);
  const registry = await project.forFile(undefined);
  const choice = await resolveTemplate(options.template, io.cwd, io.stderr, locale, t, registry, false, await project.irCache());
  if (choice === 'auto') return ExitCode.failure; // not reached: auto is not allowed here
  const { ir } = choice;
  if (year !== undefined && (year < ir.years.from || (ir.years.to !== undefined && year > ir.years.to))) {
    io.stderr.write(`${t('year-outside-template', { year, id: ir.id })}\n`);
  }
  io.stdout.write(renderSkeleton(ir, { year, agency: options.agency }));
  return ExitCode.ok;
}
