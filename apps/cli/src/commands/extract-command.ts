import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkReport } from '@nianbao/core';
import { failureMessage } from '../checks/check-file.js';
import { linePositions } from '../checks/line-positions.js';
import { extractedCsv } from '../extract/extracted-csv.js';
import { extractReport } from '../extract/extracted-report.js';
import { readStream } from '../input/read-stream.js';
import { CliError, ExitCode } from '../program/cli-error.js';
import type { CliIo } from '../program/cli-io.js';
import { localeOf, type CommonOptions } from '../program/parse-options.js';
import { ProjectTemplates, type TemplateSourceOptions } from './project-templates.js';
import { resolveTemplate } from './resolve-template.js';

/** Options of `nianbao extract`. */
export interface ExtractOptions extends CommonOptions, TemplateSourceOptions {
  format: 'json' | 'csv';
  template: string;
  stdinFilename?: string;
}

/** `nianbao extract`: the tables of one report, cell by cell, as JSON or CSV. */
export async function extractCommand(input: string, options: ExtractOptions, io: CliIo): Promise<number> {
  const { locale, t } = localeOf(options, io.env);
  // An empty operand (an unset shell variable) names no file; resolved, it would be the current folder.
  if (input === '') throw new CliError(t('file-not-found', { path: '""' }));
  const fromStdin = input === '-';
  const file = fromStdin ? undefined : path.resolve(io.cwd, input);
  const project = new ProjectTemplates(options, io, locale, t);
  const registry = await project.forFile(file);
  const choice = await resolveTemplate(options.template, io.cwd, io.stderr, locale, t, registry, true, await project.irCache());
  let check;
  try {
    const bytes = file ? await readFile(file) : await readStream(io.stdin);
    const fileName = file ?? options.stdinFilename ?? 'stdin.txt';
    check = await checkReport({ bytes, fileName }, { template: choice === 'auto' ? 'auto' : choice.ir, templates: registry.templates, locale });
  } catch (error) {
    throw new CliError(failureMessage(error, input, locale));
  }
  const template = choice === 'auto' ? registry.templates.find((candidate) => candidate.id === check.template?.id) : choice.ir;
  if (!check.report || !template) throw new CliError(`${input}: ${t('no-template')}`);
  const extracted = extractReport(check.report, template, linePositions(check.source.text));
  io.stdout.write(options.format === 'csv' ? extractedCsv(extracted) : `${JSON.stringify(extracted, null, 2)}\n`);
  return ExitCode.ok;
}
