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
  const parts = templateParts(template);
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    text += (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : `{${name}}`) + parts[i + 1];
  }
  return text;
}

/** The templates met so far, split at their placeholders (see {@link templateParts}). */
const splitTemplates = new Map<string, readonly string[]>();
/** Most templates kept split: the catalogue's and the templates' messages are far fewer. */
const MAX_SPLIT_TEMPLATES = 4096;

/**
 * A message template split at its placeholders, once per template: its text before the first, the first's
 * name, the text up to the next, …, the text after the last (names at the odd indexes).
 */
export function templateParts(template: string): readonly string[] {
  let parts = splitTemplates.get(template);
  if (parts === undefined) {
    const split: string[] = [];
    let at = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      split.push(template.slice(at, m.index), m[1]);
      at = m.index + m[0].length;
    }
    split.push(template.slice(at));
    if (splitTemplates.size >= MAX_SPLIT_TEMPLATES) splitTemplates.clear();
    splitTemplates.set(template, (parts = split));
  }
  return parts;
}

/** The placeholder names of a message template, sorted and without duplicates. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

/** The text of a localized message in `locale`, with its placeholders filled. */
export function formatLocalized(text: LocalizedText, locale: Locale, params: MessageParams = {}): string {
  return interpolate(text[locale], params);
}
