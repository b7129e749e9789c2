import type { Locale, TemplateIR } from '@nianbao/core';
import type { TemplateRegistry } from '@nianbao/core/project';
import type { CheckSettings } from '../checks/check-settings.js';
import type { Translator } from '../i18n/translate.js';
import type { Input } from '../input/collect-inputs.js';
import type { CliIo } from '../program/cli-io.js';
import { ProjectTemplates } from './project-templates.js';
import { resolveTemplate } from './resolve-template.js';
import type { ValidateOptions } from './validate-command.js';
import { parseSeconds } from '../program/parse-options.js';

/**
 * The check settings of a `validate` run: template resolved (and compiled), the template sets of the
 * inputs (one per project configuration), locale, fix, code frames; and which set each input uses.
 */
export async function checkSettingsFor(
  options: ValidateOptions,
  inputs: readonly Input[],
  locale: Locale,
  io: CliIo,
  t: Translator,
): Promise<{ settings: CheckSettings; templateSetOf: (input: Input) => number }> {
  const budgetMs = parseSeconds('--time-limit', options.timeLimit, t);
  const project = new ProjectTemplates(options, io, locale, t);
  const choice = await resolveTemplate(options.template, io.cwd, io.stderr, locale, t, await project.forFile(undefined), true, await project.irCache());
  const { templateSets, templateSetOf } = await templateSetsOf(project, inputs);
  return {
    settings: {
      // A built-in template travels to the workers by id, a compiled one as the IR itself.
      template: choice === 'auto' ? 'auto' : choice.builtin ? choice.ir.id : choice.ir,
      templateSets,
      locale,
      fix: options.fix === true,
      wantLines: options.format === 'pretty',
      wantFingerprints: options.format === 'sarif',
      // The JSON outputs write each result as it is: it can travel as text (--quiet filters the objects).
      resultAsJson: (options.format === 'json' || options.format === 'jsonl') && options.quiet !== true,
      ...(budgetMs !== undefined && { budgetMs }),
    },
    templateSetOf,
  };
}

/** The template sets of some inputs (one per project configuration) and which set each input uses. */
export async function templateSetsOf(
  project: ProjectTemplates,
  inputs: readonly Input[],
): Promise<{ templateSets: TemplateIR[][]; templateSetOf: (input: Input) => number }> {
  const templateSets: TemplateIR[][] = [];
  const setIndex = new Map<TemplateRegistry, number>();
  const setOfInput = new Map<Input, number>();
  for (const input of inputs) {
    const registry = await project.forFile(input.kind === 'file' ? input.file : undefined);
    let index = setIndex.get(registry);
    if (index === undefined) {
      index = templateSets.length;
      templateSets.push(registry.templates);
      setIndex.set(registry, index);
    }
    setOfInput.set(input, index);
  }
  return { templateSets, templateSetOf: (input) => setOfInput.get(input) ?? 0 };
}
