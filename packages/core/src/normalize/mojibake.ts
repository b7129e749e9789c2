import type { OffsetRange } from '../model/report.js';

/** One stretch of garbled text. */
export interface MojibakeSpot extends OffsetRange {
  /**
   * `replacement-character`: U+FFFD (bytes a decoder could not read);
   * `question-marks`: ASCII `?` inside Chinese text, where an encoder put it for a character it could not
   *   map or a byte-shifted GBK decoder lost one ("三審三?!敝贫?");
   * `utf8-as-gbk`: UTF-8 bytes read as GBK ("鈥滃", "锟斤拷", "銆");
   * `utf8-as-latin1`: UTF-8 bytes read as Latin-1/Windows-1252 ("å…¬å¼€").
   */
  kind: 'replacement-character' | 'question-marks' | 'utf8-as-gbk' | 'utf8-as-latin1';
}

/**
 * Finds garbled text (mojibake) left by a wrong decoding somewhere upstream. The heuristic is
 * conservative — a false alarm on a clean report is worse than a missed spot:
 * - every run of U+FFFD;
 * - an ASCII `?` directly after a Han character and directly before a Han character, another `?`, or one
 *   printable ASCII character that is itself followed by a Han character (the byte left over from a
 *   shifted double-byte pair). A Chinese question mark is written `？`; a half-width `?` wedged between
 *   Han characters is what lossy converters leave;
 * - "锟斤拷" (the classic double-decoded U+FFFD), and runs of at least three characters that UTF-8
 *   punctuation or common Hanzi become when read as GBK (鈥 銆 锛 涓 鐨 鍦 …, each a GBK character with
 *   lead byte E2–E9/EF and trail byte 80–BF) — such characters are individually rare, so only a dense
 *   run counts;
 * - two or more consecutive Latin-1 renderings of UTF-8 sequences ("å…¬", "æ”¿").
 * Evidence closer than {@link MOJIBAKE_MERGE_GAP} characters merges into one spot.
 */
export function findMojibake(text: string): MojibakeSpot[] {
  const spots: MojibakeSpot[] = [];
  collect(spots, text, REPLACEMENT, 'replacement-character');
  collectQuestionMarks(spots, text);
  collect(spots, text, KUNJINKAO, 'utf8-as-gbk');
  collectGbkSignatures(spots, text);
  collect(spots, text, LATIN1, 'utf8-as-latin1');
  return merge(spots);
}

/**
 * Marks with `flag` in `table` (indexed by UTF-16 unit) every unit that some evidence of {@link findMojibake}
 * holds: U+FFFD, `?`, 锟, 烫 and 屯, the GBK signature characters, and the lead characters of Latin-1
 * renderings (U+00C2–U+00F4). A text without any of them has no spot.
 */
export function markMojibakeUnits(table: Uint8Array, flag: number): void {
  for (const unit of '\uFFFD?锟烫屯') table[unit.charCodeAt(0)] |= flag;
  const signature = signatureCharacters();
  for (let c = 0; c < signature.length; c++) if (signature[c] === 1) table[c] |= flag;
  for (let c = 0xc2; c <= 0xf4; c++) table[c] |= flag;
}

/** Spots closer than this many characters are one spot. */
export const MOJIBAKE_MERGE_GAP = 6;

const REPLACEMENT = /\uFFFD+/g;
const KUNJINKAO = /(?:锟斤拷)+|(?:烫){3,}|(?:屯){3,}/g;
const HAN = /\p{Script=Han}/u;
const LATIN1_UNIT = '[\\u00C2-\\u00F4][\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122]{1,3}';
const LATIN1 = new RegExp(`(?:${LATIN1_UNIT}){2,}`, 'g');

function collect(spots: MojibakeSpot[], text: string, pattern: RegExp, kind: MojibakeSpot['kind']): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    spots.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}

function collectQuestionMarks(spots: MojibakeSpot[], text: string): void {
  for (let i = text.indexOf('?'); i >= 0; i = text.indexOf('?', i + 1)) {
    if (!isHanBefore(text, i)) continue;
    let j = i;
    while (text[j] === '?') j++;
    const next = text.charCodeAt(j);
    let end: number;
    if (isHanAt(text, j)) end = j; // "贫?加": Han characters on both sides
    else if (next > 0x20 && next < 0x7f && isHanAt(text, j + 1)) end = j + 1; // "?!敝", "??h局": a stray byte
    else continue;
    spots.push({ start: i, end, kind: 'question-marks' });
    i = end - 1;
  }
}

function isHanBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) return HAN.test(text.slice(i - 2, i));
  return HAN.test(text[i - 1]);
}

function isHanAt(text: string, i: number): boolean {
  const cp = text.codePointAt(i);
  return cp !== undefined && HAN.test(String.fromCodePoint(cp));
}

let gbkSignatureCharacters: Uint8Array | undefined;

/**
 * Characters that the first two bytes of a UTF-8 CJK character or punctuation mark become when read as
 * GBK: lead byte E2–E9 or EF, trail byte 80–BF, marked by UTF-16 unit (all are in the BMP; a table
 * lookup per character, since every report is scanned). Built once from the platform's GBK decoder;
 * all unmarked when there is none.
 */
function signatureCharacters(): Uint8Array {
  if (gbkSignatureCharacters) return gbkSignatureCharacters;
  const table = new Uint8Array(0x10000);
  const leads = [0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xef];
  const bytes = new Uint8Array(leads.length * 64 * 2);
  let k = 0;
  for (const lead of leads) {
    for (let trail = 0x80; trail <= 0xbf; trail++) {
      bytes[k++] = lead;
      bytes[k++] = trail;
    }
  }
  let decoded = '';
  try {
    decoded = new TextDecoder('gbk').decode(bytes);
  } catch {
    // No GBK decoder on this platform: this heuristic is off.
  }
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if (c >= 0x80 && c !== 0xfffd) table[c] = 1;
  }
  gbkSignatureCharacters = table;
  return table;
}

/**
 * Runs of at least three signature characters, at most two other characters apart (a UTF-8 CJK character
 * is three bytes, a GBK one two, so every second character read lands on a signature pair).
 */
function collectGbkSignatures(spots: MojibakeSpot[], text: string): void {
  const signature = signatureCharacters();
  const n = text.length;
  let runStart = -1;
  let runEnd = -1;
  let count = 0;
  // The run's spot, pushed at its third character and stretched with it: nothing is left to do after the
  // loop (V8 keeps the code it compiles for a long loop while the loop runs, and code after the loop that
  // had not run when it was compiled made every later call leave that code there, a deoptimisation each time).
  let spot: MojibakeSpot | undefined;
  for (let i = nextSignature(signature, text, 0); i < n; i = nextSignature(signature, text, i + 1)) {
    if (runStart < 0 || i - runEnd > 2) {
      runStart = i;
      count = 0;
      spot = undefined;
    }
    runEnd = i + 1;
    count++;
    if (spot) spot.end = runEnd;
    else if (count >= 3) {
      spot = { start: runStart, end: runEnd, kind: 'utf8-as-gbk' };
      spots.push(spot);
    }
  }
}

/**
 * The first offset from `from` of a signature character of `text`, or its length: a loop that does
 * nothing else (signature characters are rare), in a function of its own that ends at it.
 */
function nextSignature(signature: Uint8Array, text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n && signature[text.charCodeAt(i)] !== 1) i++;
  return i;
}

function merge(spots: MojibakeSpot[]): MojibakeSpot[] {
  spots.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: MojibakeSpot[] = [];
  for (const spot of spots) {
    const last = merged[merged.length - 1];
    if (last && spot.start - last.end <= MOJIBAKE_MERGE_GAP) {
      last.end = Math.max(last.end, spot.end);
    } else {
      merged.push({ ...spot });
    }
  }
  return merged;
}
