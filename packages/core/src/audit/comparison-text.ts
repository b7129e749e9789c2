import { normalizeText } from '../normalize/index.js';

/** Longest text compared (characters after normalisation): keeps a comparison linear and bounded. */
export const maxComparedCharacters = 20000;

/**
 * The text two years' sections are compared on: normalised (width, script, Pinyin readings), only
 * letters and digits kept, and every run of digits folded to one `#`, so that a text that only changed
 * its years and figures ("2023年…" → "2024年…") compares as the same text.
 */
export function comparisonText(text: string): string {
  return normalizeText(text)
    .text.replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(/\p{N}+/gu, '#')
    .slice(0, maxComparedCharacters);
}
