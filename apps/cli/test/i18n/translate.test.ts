import { describe, expect, it } from 'vitest';
import { cliMessages } from '../../src/i18n/cli-messages.js';
import { localeOfArgv, parseLocale, resolveLocale } from '../../src/i18n/locale.js';
import { createAuditTranslator, translate } from '../../src/i18n/translate.js';

describe('cli messages', () => {
  it('fills placeholders and picks English plurals', () => {
    expect(translate('zh-CN', 'errors', { n: 1 })).toBe('1 个错误');
    expect(translate('en', 'errors', { n: 1 })).toBe('1 error');
    expect(translate('en', 'errors', { n: 3 })).toBe('3 errors');
    expect(translate('en', 'files-fixed', { n: 1, fixes: 2 })).toBe('2 fixes applied in 1 file');
  });

  it('has the same placeholders in both languages', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort().filter((n, i, a) => a.indexOf(n) === i);
    for (const [key, text] of Object.entries(cliMessages)) {
      expect(names(text.en), key).toEqual(names(text['zh-CN']));
    }
  });

  it('resolves the locale from the option, then NIANBAO_LOCALE, never from LANG', () => {
    expect(parseLocale('en_US.UTF-8')).toBe('en');
    expect(parseLocale('zh_CN')).toBe('zh-CN');
    expect(parseLocale('fr')).toBeUndefined();
    expect(resolveLocale(undefined, { LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(resolveLocale(undefined, { NIANBAO_LOCALE: 'en' })).toBe('en');
    expect(resolveLocale('zh-CN', { NIANBAO_LOCALE: 'en' })).toBe('zh-CN');
    expect(resolveLocale('de', {})).toBeUndefined();
  });

  it('reads the locale of a command line that was not parsed (for an internal error)', () => {
    expect(localeOfArgv(['validate', 'a.txt', '--locale', 'en'], {})).toBe('en');
    expect(localeOfArgv(['validate', '--locale=en_GB', 'a.txt'], {})).toBe('en');
    expect(localeOfArgv(['validate', 'a.txt'], { NIANBAO_LOCALE: 'en' })).toBe('en');
    expect(localeOfArgv(['validate', 'a.txt', '--locale', 'xx'], { NIANBAO_LOCALE: 'en' })).toBe('zh-CN');
    expect(localeOfArgv(['validate', '--locale'], {})).toBe('zh-CN');
  });

  it('has every text in Chinese and in English', () => {
    for (const [key, text] of Object.entries(cliMessages)) {
      expect(text['zh-CN'], key).toMatch(/\p{Script=Han}|^\p{P}+$/u);
      expect(text.en.trim(), key).not.toBe('');
      expect(text.en, key).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('words the audit summaries from the same catalogue, each text once', () => {
    expect(createAuditTranslator('zh-CN')('overview', { files: 2, agencies: 1, years: '2023–2024 年度' })).toBe('审计了 2 份报告：1 个机关，2023–2024 年度');
    expect(createAuditTranslator('en')('line', { line: 3 })).toBe('line 3');
    const seen = new Map<string, string>();
    for (const [key, text] of Object.entries(cliMessages)) {
      const words = `${text['zh-CN']}\u0000${text.en}`;
      expect(seen.get(words), `${key} repeats another key's words`).toBeUndefined();
      seen.set(words, key);
    }
  });
});
