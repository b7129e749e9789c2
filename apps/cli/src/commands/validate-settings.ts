import type { Locale } from '@nianbao/core';
import type { CheckSettings } from '../checks/check-settings.js';
import type { Translator } from '../i18n/translate.js';
import type { CliIo } from '../program/cli-io.js';
import { resolveTemplate } from './resolve-template.js';
import type { ValidateOptions } from './validate-command.js';

/** The check settings of a `validate` run: template resolved (and compiled), locale, fix, code frames. */
export async function checkSettingsFor(options: ValidateOptions, locale: Locale, io: CliIo, t: Translator): Promise<CheckSettings> {
  const choice = await resolveTemplate(options.template, io.cwd, io.stderr, locale, t);
  return {
    // A built-in template travels to the workers by id, a compiled one as the IR itself.
    template: choice === 'auto' ? 'auto' : choice.builtin ? choice.ir.id : choice.ir,
    locale,
    fix: options.fix === true,
    wantLines: options.format === 'pretty',
    wantFingerprints: options.format === 'sarif',
  };
}
