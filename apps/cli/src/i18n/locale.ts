import type { Locale } from '@nianbao/core';

/** The locales the CLI speaks; the first is the default. */
export const cliLocales: readonly Locale[] = ['zh-CN', 'en'];

/**
 * Chooses the message language: `--locale` wins, then the `NIANBAO_LOCALE` environment variable, then
 * zh-CN. LANG/LC_ALL are deliberately not consulted: the same command gives the same output on every
 * machine (servers and CI images often run with `LANG=en_US.UTF-8` or `C.UTF-8`), and the reports are
 * Chinese documents checked mostly by Chinese readers.
 * Accepts `zh`, `zh-CN`, `zh_CN`, `en`, `en-US`, `en_GB.UTF-8`…; returns undefined for anything else.
 */
export function parseLocale(value: string): Locale | undefined {
  const lower = value.trim().toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-') || lower.startsWith('en_')) return 'en';
  return undefined;
}

/** The locale to use given the option (if any) and the environment. */
export function resolveLocale(option: string | undefined, env: NodeJS.ProcessEnv): Locale | undefined {
  if (option !== undefined) return parseLocale(option);
  const fromEnv = env.NIANBAO_LOCALE;
  return (fromEnv && parseLocale(fromEnv)) || 'zh-CN';
}

/**
 * The locale a command line asks for, read before (or without) parsing it — for the one line a run that
 * failed unexpectedly still prints: `--locale X` or `--locale=X`, then the environment, then zh-CN.
 */
export function localeOfArgv(argv: readonly string[], env: NodeJS.ProcessEnv): Locale {
  const at = argv.indexOf('--locale');
  const option = at >= 0 ? argv[at + 1] : argv.find((arg) => arg.startsWith('--locale='))?.slice('--locale='.length);
  return resolveLocale(option, env) ?? 'zh-CN';
}
