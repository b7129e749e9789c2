import { TextViewBuilder } from '../read/text-view-builder.js';
import type { TextView } from '../read/text-view.js';
import { markPinyinUnits } from './pinyin-readings.js';

/**
 * Character folding, the first normalisation pass. The canonical form:
 * - line breaks: CRLF, lone CR, U+0085, U+2028, U+2029, VT and FF → LF;
 * - spaces: NBSP, U+2000–U+200A, U+202F, U+205F, U+3000 (ideographic space) → ASCII space (one for one;
 *   runs are not collapsed, so column padding keeps its width);
 * - invisible characters: U+200B–U+200F, U+2060, U+FEFF, U+00AD (soft hyphen) → removed;
 * - full-width ASCII U+FF01–U+FF5E (０-９ Ａ-Ｚ ， ： ； （ ） ． ／ …) → ASCII, so （一）, (一) and ﹙一﹚
 *   all read `(一)`; small-form ﹙﹚ → (); half-width ｡｢｣､ → 。「」、;
 * - U+2212 MINUS SIGN, U+FE63, U+2010, U+2011 → `-`;
 * - parenthesised ideographs ㈠–㈩ → `(一)`…`(十)` and parenthesised numbers ⑴–⒇ → `(1)`…`(20)`.
 * Chinese punctuation without an ASCII twin (。、“”《》〔〕【】—) is kept: it is not a width variant.
 */
export function foldCharacters(base: string | TextView): TextView {
  const builder = new TextViewBuilder(base);
  const text = typeof base === 'string' ? base : base.text;
  stretch = '';
  toneMarks = false;
  if (foldInto(builder, text, (lookedAt ??= lookedAtTable())) >= 0) builder.replace(text.length, stretch + text.slice(stretchCopied));
  stretch = '';
  return builder.finish();
}

/**
 * {@link foldCharacters}, and whether the text holds a tone-marked vowel (see `markPinyinUnits`: without
 * one, it holds no injected Pinyin reading), seen by the same loop. No fold makes or removes one (they
 * fold to nothing, ASCII, spaces and CJK punctuation), so the folded text holds one exactly when the text does.
 */
export function foldCharactersSeeingToneMarks(base: string | TextView): { view: TextView; toneMarks: boolean } {
  const view = foldCharacters(base);
  return { view, toneMarks };
}

/**
 * For each UTF-16 unit, what the folding loop must look at it for (built when first needed): {@link FOLD}
 * for one that may fold, and the surrogates (a lone one ends a stretch, see {@link foldInto});
 * {@link TONE_MARK} for a tone-marked vowel (see {@link foldCharactersSeeingToneMarks}); 0 for the others,
 * which are kept as they are.
 */
let lookedAt: Uint8Array | undefined;
const FOLD = 1;
const TONE_MARK = 2;

function lookedAtTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if ((c >= 0xd800 && c <= 0xdfff) || foldedCharacter(c, -1) !== undefined) table[c] = FOLD;
  markPinyinUnits(table, TONE_MARK);
  return table;
}

/** Whether the last text {@link foldCharacters} folded holds a tone-marked vowel. */
let toneMarks = false;

/**
 * The folded stretch being written (see {@link foldInto}), appended to piece by piece (the text between
 * its folds and the folds' replacements: the engine joins them once, when the view's text is made); and
 * where the text it has taken ends.
 */
let stretch = '';
let stretchCopied = 0;

/**
 * The folding loop. One-for-one folds (a full-width comma to `,`: the most frequent) do not go to the
 * builder one by one, two chunks each: from the first of them, the stretch is gathered in {@link stretch}
 * and the builder gets it as one same-length replacement (which maps character by character, as the
 * copies and one-unit replacements it stands for would) when a fold that changes the length, a lone
 * surrogate or the end of the text comes. The text between two units to look at is skipped by a loop
 * that does nothing else ({@link nextLookedAt}, with the table of {@link lookedAtTable}). Returns where
 * the stretch still being written starts, or -1 when none is (the rest is copied by `finish`).
 *
 * A function of its own that ends at its loop: V8 keeps the code it compiles for a long loop while the
 * loop runs (on-stack replacement), and code after the loop that had not run yet when it was compiled made
 * every later call leave that code at the loop's end (a deoptimisation on each call).
 */
function foldInto(builder: TextViewBuilder, text: string, looked: Uint8Array): number {
  const n = text.length;
  // Start of the stretch gathered in `stretch`, or -1 while the text since the last fold is only copied.
  let start = -1;
  for (let i = nextLookedAt(looked, text, 0); i < n; i = nextLookedAt(looked, text, i + 1)) {
    const c = text.charCodeAt(i);
    if ((looked[c] & TONE_MARK) !== 0) toneMarks = true;
    if (c >= 0xd800 && c <= 0xdfff) {
      const low = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) i++;
      else if (start >= 0) {
        builder.replace(i, stretch + text.slice(stretchCopied, i));
        stretch = '';
        start = -1;
      }
      continue;
    }
    const replacement = foldedCharacter(c, i + 1 < n ? text.charCodeAt(i + 1) : -1);
    if (replacement === undefined) continue;
    if (replacement.length === 1) {
      if (start < 0) {
        builder.keep(i);
        start = i;
        stretchCopied = i;
      }
      stretch += text.slice(stretchCopied, i) + replacement;
      stretchCopied = i + 1;
      continue;
    }
    if (start >= 0) {
      builder.replace(i, stretch + text.slice(stretchCopied, i));
      stretch = '';
      start = -1;
    }
    builder.keep(i);
    builder.replace(i + 1, replacement);
  }
  return start;
}

/**
 * The first offset from `from` of a unit of `text` the folding loop must look at, or the text's length. A
 * function of its own that ends at its loop (see {@link foldInto}).
 */
function nextLookedAt(looked: Uint8Array, text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n && looked[text.charCodeAt(i)] === 0) i++;
  return i;
}

/** Folds a single string (no offset map); same canonical form as {@link foldCharacters}. */
export function foldCharacterString(text: string): string {
  return foldCharacters(text).text;
}

const PARENTHESISED_IDEOGRAPHS = '一二三四五六七八九十';

/** The replacement of UTF-16 unit `c` (followed by `next`), or undefined to keep it. */
function foldedCharacter(c: number, next: number): string | undefined {
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  switch (c) {
    case 0x0d:
      return next === 0x0a ? '' : '\n';
    case 0x0b:
    case 0x0c:
    case 0x85:
    case 0x2028:
    case 0x2029:
      return '\n';
    case 0xa0:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return ' ';
    case 0xad:
    case 0x2060:
    case 0xfeff:
      return '';
    case 0x2010:
    case 0x2011:
    case 0x2212:
    case 0xfe63:
      return '-';
    case 0xfe59:
      return '(';
    case 0xfe5a:
      return ')';
    case 0xff61:
      return '。';
    case 0xff62:
      return '「';
    case 0xff63:
      return '」';
    case 0xff64:
      return '、';
  }
  if (c >= 0x2000 && c <= 0x200a) return ' ';
  if (c >= 0x200b && c <= 0x200f) return '';
  if (c >= 0x3220 && c <= 0x3229) return `(${PARENTHESISED_IDEOGRAPHS[c - 0x3220]})`;
  if (c >= 0x2474 && c <= 0x2487) return `(${c - 0x2473})`;
  return undefined;
}
