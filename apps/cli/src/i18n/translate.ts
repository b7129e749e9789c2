import type { Locale } from '@nianbao/core';
import { cliMessages, type CliMessageKey } from './cli-messages.js';

/** Values for the placeholders of a message. */
export type MessageParams = Record<string, string | number>;

/**
 * Words a CLI message in a locale. `{name}` is replaced by a parameter; `{name|one|other}` picks the
 * singular or plural form by the numeric parameter (English only needs it).
 */
export function translate(locale: Locale, key: CliMessageKey, params: MessageParams = {}): string {
  return fillPlaceholders(cliMessages[key][locale], params);
}

/** Fills `{name}` and `{name|one|other}` placeholders of a message text. */
export function fillPlaceholders(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (one !== undefined && other !== undefined) return Number(value) === 1 ? one : other;
    return String(value);
  });
}

/** A translator bound to one locale. */
export type Translator = (key: CliMessageKey, params?: MessageParams) => string;

/** Binds {@link translate} to a locale. */
export function createTranslator(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}

/** The key of an audit summary's word, without its `audit-` prefix. */
export type AuditMessageKey = CliMessageKey extends infer K ? (K extends `audit-${infer Rest}` ? Rest : never) : never;

/** A translator of the audit summaries' words (the catalogue's `audit-` keys) bound to one locale. */
export function createAuditTranslator(locale: Locale): (key: AuditMessageKey, params?: MessageParams) => string {
  return (key, params) => translate(locale, `audit-${key}`, params);
}
