import type { LocalizedText } from '../ir/template-ir.js';
import type { Locale } from './locale.js';

/** Values a message placeholder can take. */
export type MessageParams = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{([A-Za-z_][\w.-]*)\}/g;

/**
 * Replaces each `{name}` of `template` with `params[name]`. A placeholder without a value is left as
 * written, so a missing parameter shows up instead of vanishing.
 */
export function interpolate(template: string, params: MessageParams): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The placeholder names of a message template, sorted and without duplicates. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

/** The text of a localized message in `locale`, with its placeholders filled. */
export function formatLocalized(text: LocalizedText, locale: Locale, params: MessageParams = {}): string {
  return interpolate(text[locale], params);
}
