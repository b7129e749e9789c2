import type { TextEdit } from '../diagnostics/diagnostic.js';
import { openccUnitClassRanges } from '../generated/opencc-unit-classes.js';
import { digitEditsRenderAlike } from '../read/html/render-html.js';
import { mapsOneToOne, rewriteCopiedText, TextViewBuilder } from '../read/text-view-builder.js';
import type { TextView } from '../read/text-view.js';
import { foldCharacterString } from './character-fold.js';
import { UNMATCHABLE, unitClassesFromRanges } from './opencc-unit-classes.js';

/**
 * The normalised view of a text whose only change is runs of ASCII digits rewritten as other runs of
 * ASCII digits (a fix of table cells), made from the normalised view before the change instead of
 * normalising the whole text again.
 *
 * When the view before maps every offset to itself (`mapsOneToOne`: the normaliser made replacements of
 * the same length only), `normalizeView` of the edited text is that view with the digits changed, again
 * mapping every offset to itself: each pass treats a digit alone and leaves it as it is —
 * - character folding keeps ASCII digits and looks at no character but a CR's next (is it an LF?), which
 *   is a digit before and after the edit when it is an edited one;
 * - a Pinyin reading is a parenthesised run of letters after a letter: no digit is in one or before one;
 * - OpenCC matches no key holding a digit (digits are `UNMATCHABLE`, checked once from the generated
 *   classes), so the text on either side of a digit converts the same.
 * So the passes make the same replacements as before, moved by the change in length.
 */

/**
 * {@link normalizeView} of `text`, which is `source` with `edits` applied, from `before`, the normalised
 * view of `source` (see above); null unless `before` maps each offset to itself and every edit replaces a
 * non-empty run of ASCII digits with one (sorted, not overlapping).
 */
export function normalizeDigitEdits(before: TextView, source: string, edits: readonly TextEdit[], text: string): TextView | null {
  if (!digitsNormalizeAlone() || before.text.length !== source.length || !mapsOneToOne(before)) return null;
  let expected = '';
  let from = 0;
  for (const { range, newText } of edits) {
    if (range.start < from || range.end <= range.start || !asciiDigits(newText, 0, newText.length) || !asciiDigits(source, range.start, range.end)) return null;
    expected += before.text.slice(from, range.start) + newText;
    from = range.end;
  }
  expected += before.text.slice(from);
  if (expected.length !== text.length) return null;
  const builder = new TextViewBuilder(text);
  builder.replace(text.length, expected);
  return builder.build();
}

/**
 * {@link normalizeDigitEdits} for `before`, the normalised view of the rendition of `html`, an HTML source
 * (see `renderHtml`), which does not map offsets to themselves: `text` is `html` with `edits` applied, each
 * rewriting a run of ASCII digits as another of the same length in text the rendition and every view over
 * it copy. Then the rendition of `text` is that of `html` with the digits rewritten, its map unchanged (see
 * `digitEditsRenderAlike`), and each normalising pass makes the same replacements of it as before (the
 * digits normalise alone, see above): the view is `before` with the digits rewritten in it and in every
 * view under it (`rewriteCopiedText`). Null when an edit is not such a rewriting.
 */
export function normalizeRenditionDigitEdits(before: TextView, html: string, edits: readonly TextEdit[], text: string): TextView | null {
  if (!digitsNormalizeAlone() || text.length !== html.length) return null;
  const rewrites = edits.map(({ range, newText }) => ({ start: range.start, end: range.end, text: newText }));
  if (!digitEditsRenderAlike(html, rewrites)) return null;
  for (const { start, end, text: digits } of rewrites) if (text.slice(start, end) !== digits) return null;
  return rewriteCopiedText(before, html, rewrites);
}

let alone: boolean | undefined;

/** Whether ASCII digits fold to themselves and are in no OpenCC key (checked once). */
function digitsNormalizeAlone(): boolean {
  if (alone === undefined) {
    const classes = unitClassesFromRanges(openccUnitClassRanges);
    alone = foldCharacterString('0123456789') === '0123456789';
    for (let c = 0x30; c <= 0x39; c++) if (classes[c] !== UNMATCHABLE) alone = false;
  }
  return alone;
}

function asciiDigits(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
