import { labelKey } from '../normalize/index.js';

/**
 * Match keys: the form in which the parser compares report text with template labels.
 *
 * A match key is {@link labelKey} applied code point by code point, without punctuation and symbols:
 * width, script, whitespace and punctuation variants all vanish ("（一）予以公开", "(一) 予以公开" and
 * "一予以公开" share one key). Because the key is built per code point, every key character remembers the
 * text offset it came from, so a label found in a key maps back to an exact range of the text.
 */

const charKeys = new Map<string, string>();
const DROPPED = /^[\p{P}\p{S}\p{Z}\p{C}]*$/u;

/** The match key of one code point ('' when it carries no meaning for comparison). */
export function charKey(ch: string): string {
  let key = charKeys.get(ch);
  if (key === undefined) {
    const folded = labelKey(ch);
    key = DROPPED.test(folded) ? '' : [...folded].filter((c) => !DROPPED.test(c)).join('');
    if (charKeys.size < 100_000) charKeys.set(ch, key);
  }
  return key;
}

/** The match key of a string. */
export function matchKey(text: string): string {
  let key = '';
  for (const ch of text) key += charKey(ch);
  return key;
}

/** A key with, for each key character, the text range it came from. */
export interface KeyedText {
  key: string;
  /** Text offset where key character i starts. */
  starts: number[];
  /** Text offset where key character i ends. */
  ends: number[];
}

/** Appends the key of `text.slice(start, end)` to `into`. */
export function appendKey(into: KeyedText, text: string, start: number, end: number): void {
  let i = start;
  let key = into.key;
  while (i < end) {
    const code = text.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    // ASCII digits and lower-case letters are their own keys: skip the lookup.
    const k =
      (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)
        ? text[i]
        : charKey(width === 2 ? text.slice(i, i + 2) : text[i]);
    for (let j = 0; j < k.length; j++) {
      into.starts.push(i);
      into.ends.push(i + width);
    }
    key += k;
    i += width;
  }
  into.key = key;
}

/** The keyed form of `text.slice(start, end)`. */
export function keyText(text: string, start = 0, end = text.length): KeyedText {
  const keyed: KeyedText = { key: '', starts: [], ends: [] };
  appendKey(keyed, text, start, end);
  return keyed;
}
