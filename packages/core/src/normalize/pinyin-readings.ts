import type { OffsetRange } from '../model/report.js';
import { TextViewBuilder } from '../read/text-view-builder.js';
import type { TextView } from '../read/text-view.js';

/**
 * Injected Pinyin readings: some converters and browser add-ons write the reading of a character right
 * after it, "規(guī)定" for "規定", "發(fā)布" for "發布". A reading is recognised when
 * - it is a parenthesised run, with ASCII or full-width parentheses, of lowercase Latin letters;
 * - it carries exactly one tone-marked vowel (āáǎà ēéěè īíǐì ōóǒò ūúǔù ǖǘǚǜ) — unmarked neutral-tone
 *   readings are not recognised, which keeps "(a)", "(pdf)" or "(app)" safe;
 * - without its tone mark it is one well-formed Pinyin syllable (initial + final);
 * - it directly follows a letter: a Han character as a rule, though in mis-decoded text the character
 *   before may itself be garbled into another letter ("蟀l(fā)"); never whitespace, a digit or punctuation.
 */
export function findPinyinReadings(text: string): OffsetRange[] {
  const ranges: OffsetRange[] = [];
  READING.lastIndex = 0;
  for (let m = READING.exec(text); m !== null; m = READING.exec(text)) {
    const start = m.index;
    if (!followsLetter(text, start)) continue;
    if (isReading(m[1])) ranges.push({ start, end: start + m[0].length });
  }
  return ranges;
}

/** Removes injected Pinyin readings (see {@link findPinyinReadings}) from a text or view. */
export function removePinyinReadings(base: string | TextView): TextView {
  const text = typeof base === 'string' ? base : base.text;
  const builder = new TextViewBuilder(base);
  for (const range of findPinyinReadings(text)) {
    builder.keep(range.start);
    builder.skip(range.end);
  }
  return builder.finish();
}

/**
 * Marks with `flag` in `table` (indexed by UTF-16 unit) the tone-marked vowels: every reading
 * {@link findPinyinReadings} finds holds one, so a text without any has none.
 */
export function markPinyinUnits(table: Uint8Array, flag: number): void {
  for (let i = 0; i < TONE_MARKED.length; i++) table[TONE_MARKED.charCodeAt(i)] |= flag;
}

const TONE_MARKED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const TONELESS = 'aaaaeeeeiiiioooouuuuüüüü';

const READING = /[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})[)）]/gu;

const SYLLABLE =
  /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:a|ai|an|ang|ao|e|ei|en|eng|er|i|ia|ian|iang|iao|ie|in|ing|iong|iu|o|ong|ou|u|ua|uai|uan|uang|ue|ui|un|uo|ü|üe|üan|ün)$/;

function isReading(letters: string): boolean {
  let marks = 0;
  let plain = '';
  for (const ch of letters) {
    const k = TONE_MARKED.indexOf(ch);
    if (k >= 0) {
      marks++;
      plain += TONELESS[k];
    } else {
      plain += ch;
    }
  }
  return marks === 1 && SYLLABLE.test(plain);
}

const LETTER = /\p{L}$/u;

function followsLetter(text: string, at: number): boolean {
  if (at === 0) return false;
  const low = text.charCodeAt(at - 1);
  const from = low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return LETTER.test(text.slice(from, at));
}
