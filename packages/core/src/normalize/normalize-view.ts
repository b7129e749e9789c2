import type { TextView } from '../read/text-view.js';
import { foldCharactersSeeingToneMarks } from './character-fold.js';
import { removePinyinReadings } from './pinyin-readings.js';
import { toSimplified } from './script-conversion.js';

/**
 * The text the parser matches on, with its offset map back to the original document:
 * 1. character folding ({@link foldCharacters}): line breaks → LF, exotic spaces → ASCII space,
 *    invisible characters removed, full-width ASCII → ASCII, ㈠ → (一);
 * 2. injected Pinyin readings removed ({@link removePinyinReadings}): "規(guī)定" → "規定";
 * 3. Traditional → Simplified ({@link toSimplified}).
 * Whitespace runs are kept (layouts rely on them); labels are compared with `labelKey`.
 * Pure-ASCII text without CR, VT or FF comes back unchanged (the same view).
 */
export function normalizeView(view: TextView): TextView {
  return normalize(view);
}

/** {@link normalizeView} of a bare string (the original document is the string itself). */
export function normalizeText(text: string): TextView {
  return normalize(text);
}

/**
 * The passes. A text without a tone-marked vowel holds no Pinyin reading (see `markPinyinUnits`), and
 * `removePinyinReadings` would give the folded view back as it is: the folding loop tells (see
 * `foldCharactersSeeingToneMarks`), the text is not searched for readings.
 */
function normalize(base: string | TextView): TextView {
  const folded = foldCharactersSeeingToneMarks(base);
  return toSimplified(folded.toneMarks ? removePinyinReadings(folded.view) : folded.view);
}
