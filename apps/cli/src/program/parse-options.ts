import type { Locale } from '@nianbao/core';
import { resolveLocale } from '../i18n/locale.js';
import { createTranslator, type Translator } from '../i18n/translate.js';
import { CliError } from './cli-error.js';

/** Options every command takes. */
export interface CommonOptions {
  locale?: string;
}

/** The locale and translator for a command's options; an unknown `--locale` is a usage failure. */
export function localeOf(options: CommonOptions, env: NodeJS.ProcessEnv): { locale: Locale; t: Translator } {
  const locale = resolveLocale(options.locale, env);
  if (!locale) {
    const t = createTranslator('zh-CN');
    throw new CliError(t('invalid-option', { option: '--locale', value: options.locale ?? '', hint: 'zh-CN | en' }));
  }
  return { locale, t: createTranslator(locale) };
}

/** Parses a whole number option value (≥ `min`); a bad value is a usage failure. */
export function parseWholeNumber(option: string, value: string | undefined, min: number, t: Translator): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) {
    throw new CliError(t('invalid-option', { option, value, hint: `≥ ${min}` }));
  }
  return Number(value);
}

/** Parses a positive number of seconds (decimals allowed) into milliseconds; a bad value is a usage failure. */
export function parseSeconds(option: string, value: string | undefined, t: Translator): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value.trim());
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(seconds > 0)) {
    throw new CliError(t('invalid-option', { option, value, hint: '> 0' }));
  }
  return Math.round(seconds * 1000);
}
