import { foldCharacterString } from './character-fold.js';
import { findPinyinReadings } from './pinyin-readings.js';
import { toSimplifiedString } from './script-conversion.js';

/**
 * A strong canonical key for comparing labels: two labels that differ only in width, script (Traditional
 * or Simplified), injected Pinyin readings, whitespace (including line breaks inside the label) or
 * punctuation variants get the same key. The key is for comparison only, never for display.
 *
 * On top of the normal form of `normalizeView` it removes all whitespace and unifies punctuation:
 * brackets （）()【】〔〕［］〖〗﹙﹚ → `()`; quotes “”‘’"'「」『』 → `"`; ：: → `:`; the comma and
 * full-stop family ，,、﹐﹑。．. → `.` (so "1、" and "1." match, as do "，" and ","); ；; → `;`;
 * slashes ／/ → `/`; dashes —–－‐ ― → `-`; 《》〈〉 → `<>`.
 */
export function labelKey(label: string): string {
  let text = foldCharacterString(label);
  const readings = findPinyinReadings(text);
  if (readings.length > 0) {
    let kept = '';
    let at = 0;
    for (const r of readings) {
      kept += text.slice(at, r.start);
      at = r.end;
    }
    text = kept + text.slice(at);
  }
  text = toSimplifiedString(text);
  let key = '';
  for (const ch of text) {
    if (WHITESPACE.test(ch)) continue;
    key += PUNCTUATION.get(ch) ?? ch;
  }
  return key;
}

const WHITESPACE = /^\s$/u;

const PUNCTUATION = new Map<string, string>();
for (const [target, variants] of [
  ['(', '(（【〔［〖﹙['],
  [')', ')）】〕］〗﹚]'],
  ['"', '“”‘’"\'「」『』＂＇'],
  [':', ':：﹕'],
  ['.', ',，、﹐﹑､。．.｡'],
  [';', ';；﹔'],
  ['/', '/／'],
  ['-', '-－—–‐‑―−'],
  ['<', '<《〈'],
  ['>', '>》〉'],
] as const) {
  for (const ch of variants) PUNCTUATION.set(ch, target);
}
