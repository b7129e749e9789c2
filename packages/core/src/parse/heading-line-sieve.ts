import { keyUnitOf, NO_KEY_UNIT, NOT_ONE_UNIT } from './match-key.js';
import { isWhiteSpaceCode } from './white-space.js';

/**
 * A test that rejects most lines of a report that cannot score as a section heading line, read from the
 * text by offsets (no slice of the line, no look-up of it): the heading finder scores a line by its
 * numbering and the match key of the rest, and a line scores only when that key
 * - is a section's heading or alias (any section for a line numbered "一、" or "第一部分", the section of
 *   its numeral for one numbered "（一）" or "1、", none for a line without a numbering), or
 * - with the numeral of a section, starts with one of its headings or aliases of 4+ units, at most 8
 *   units longer, or is within the edit distance allowed of one: at most `max(2, ⌊0.3 · longer⌋)`, and
 *   the distance is at least the difference of the lengths and at least the count of the key's units
 *   that are in none of the section's headings and aliases.
 * The test checks what it can of these from the key's length, a hash of the key and of its first 4 units,
 * and the count of its units in the section's headings: false only when the line cannot score; true
 * whenever it is unsure (a unit keyed by more than one, a numbering it does not read).
 * It reads the numbering as `NUMBERED`, `PARENTHESISED` and `OTHER_STYLE` of `section-headings.ts` do.
 */

/** A section's numeral and heading and aliases, as match keys (as the heading finder keeps them). */
export interface SievedSection {
  numeral: string;
  heading: string;
  aliases: readonly string[];
}

/** What {@link HeadingLineSieve} keeps of a section. */
interface SectionTargets {
  numeral: string;
  /** Its bit in {@link HeadingLineSieve.unitSections}. */
  bit: number;
  /** Hashes of its heading and aliases. */
  hashes: number[];
  /** Its heading and aliases of at least 4 units (those a near miss is measured against): lengths and hashes of their first 4 units. */
  lengths: number[];
  heads: number[];
}

const NUMERAL_UNITS = '一二三四五六七八九十';
const MARKS = '、.．，,:：';
const DI = 0x7b2c; /* 第 */
const BU = 0x90e8; /* 部 */
const FEN = 0x5206; /* 分 */

/** Kinds of the UTF-16 units read in a numbering, one table for both. */
const NUMERAL = 1;
const MARK = 2;
const UNIT_KINDS = new Uint8Array(0x10000);
for (const c of NUMERAL_UNITS) UNIT_KINDS[c.charCodeAt(0)] = NUMERAL;
for (const c of MARKS) UNIT_KINDS[c.charCodeAt(0)] = MARK;

function isNumeralUnit(c: number): boolean {
  return c >= 0 && UNIT_KINDS[c] === NUMERAL;
}
function isMark(c: number): boolean {
  return UNIT_KINDS[c] === MARK;
}

/** {@link keyUnitOf} of every UTF-16 unit, made with the first sieve. */
let keyUnits: Int32Array | undefined;

function keyUnitTable(): Int32Array {
  const table = new Int32Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) table[unit] = keyUnitOf(unit);
  return table;
}

/**
 * The longest key (in units) that can score against a heading or alias of `length` units: itself, or a
 * near miss (as long as it with 8 more units, or within the edit distance allowed of it).
 */
function longestScoring(length: number): number {
  let longest = length;
  if (length < 4) return longest;
  longest = length + 8;
  for (let key = length; key <= 2 * length + 8; key++) if (key - length <= Math.max(2, Math.floor(key * 0.3))) longest = Math.max(longest, key);
  return longest;
}

/** The hash of key units used here: the same for the same units in order. */
function extend(hash: number, unit: number): number {
  return (Math.imul(hash, 31) + unit) | 0;
}
function hashOf(key: string, length = key.length): number {
  let hash = 0;
  for (let i = 0; i < length; i++) hash = extend(hash, key.charCodeAt(i));
  return hash;
}

/** The sieve of one list of sections (see the top of this file). */
export class HeadingLineSieve {
  /** Hashes of every heading and alias key. */
  private readonly exact = new Set<number>();
  private readonly sections: SectionTargets[];
  /** For each UTF-16 unit, the bits of the sections whose headings or aliases have it. */
  private readonly unitSections = new Uint32Array(0x10000);
  /** The longest key that can score: as a heading or alias (`longestExact`), or as a near miss too (`longest`). */
  private readonly longestExact: number;
  private readonly longest: number;
  /** The bits of the sections by numeral, for the numerals of one unit. */
  private readonly numeralSections = new Map<number, number>();
  private readonly keyUnits: Int32Array;

  /** @param sections the sections, every one with a numeral, at most 32 of them. */
  constructor(sections: readonly SievedSection[]) {
    this.sections = sections.map((s, index) => {
      const targets = [s.heading, ...s.aliases].filter((k) => k !== '');
      for (const target of targets) {
        this.exact.add(hashOf(target));
        for (let i = 0; i < target.length; i++) this.unitSections[target.charCodeAt(i)] |= 1 << index;
      }
      const near = [s.heading, ...s.aliases].filter((k) => k.length >= 4);
      if (s.numeral.length === 1) this.numeralSections.set(s.numeral.charCodeAt(0), (this.numeralSections.get(s.numeral.charCodeAt(0)) ?? 0) | (1 << index));
      return { numeral: s.numeral, bit: 1 << index, hashes: targets.map((k) => hashOf(k)), lengths: near.map((k) => k.length), heads: near.map((k) => hashOf(k, 4)) };
    });
    const lengths = sections.flatMap((s) => [s.heading, ...s.aliases]).map((k) => k.length);
    this.longestExact = Math.max(0, ...lengths);
    this.longest = Math.max(0, ...lengths.map(longestScoring));
    this.keyUnits = keyUnits ??= keyUnitTable();
  }

  /** Whether a list of sections can be sieved: each has a numeral (see `firstUnits` of the finder), at most 32 of them. */
  static fits(sections: readonly SievedSection[]): boolean {
    return sections.length <= 32 && sections.every((s) => s.numeral !== '');
  }

  /**
   * False when the line `text[from, to)` (without its decoration, not empty) cannot score as a heading
   * line; true when it may.
   */
  mayScore(text: string, from: number, to: number): boolean {
    // The numbering: the numeral's units [numeralFrom, numeralTo) (none for a line without one) and where the rest starts.
    let numeralFrom = from;
    let numeralTo = from;
    let rest = from;
    // Numbered in another style: scored only as the section of its numeral.
    let styled = false;
    const first = text.charCodeAt(from);
    if (first === DI) {
      // "第一部分": 第, spaces, 1 to 3 numerals, spaces, 部分.
      let i = skipSpaces(text, from + 1, to);
      const start = i;
      while (i < to && isNumeralUnit(text.charCodeAt(i))) i++;
      const run = i - start;
      i = skipSpaces(text, i, to);
      if (run >= 1 && run <= 3 && i + 1 < to && text.charCodeAt(i) === BU && text.charCodeAt(i + 1) === FEN) {
        numeralFrom = start;
        numeralTo = start + run;
        rest = i + 2;
      }
    } else if (isNumeralUnit(first)) {
      // "一、", "一 总体情况": 1 to 3 numerals, then spaces and a mark, or spaces and more.
      let i = from;
      while (i < to && isNumeralUnit(text.charCodeAt(i))) i++;
      const j = skipSpaces(text, i, to);
      if (i - from <= 3 && j < to && (isMark(text.charCodeAt(j)) || j > i)) {
        numeralTo = i;
        rest = i;
      }
    } else if (first === 0x28 /* ( */ || first === 0xff08 /* （ */) {
      let i = skipSpaces(text, from + 1, to);
      const c = i < to ? text.charCodeAt(i) : -1;
      if (isNumeralUnit(c) || (c >= 0x30 && c <= 0x39)) {
        // "（一）": scored only in that form, with 1 to 3 numerals; "（1）" or "（一" not.
        const start = i;
        while (i < to && isNumeralUnit(text.charCodeAt(i))) i++;
        const run = i - start;
        i = skipSpaces(text, i, to);
        const close = i < to ? text.charCodeAt(i) : -1;
        if (run < 1 || run > 3 || (close !== 0x29 && close !== 0xff09)) return false;
        numeralFrom = start;
        numeralTo = start + run;
        rest = i + 1;
        styled = true;
      }
    } else if ((first >= 0x31 && first <= 0x39) || (first >= 0xff11 && first <= 0xff19)) {
      // "1、": its numeral is the digit's, looked up below.
      const i = skipSpaces(text, from + 1, to);
      if (i < to && isMark(text.charCodeAt(i))) {
        numeralTo = from + 1;
        rest = i + 1;
        styled = true;
      }
    }
    // The key of the rest: its length, hash, the hash of its first 4 units, and how many of its units
    // the headings of the sections with the line's numeral have.
    const mask = numeralTo > numeralFrom ? this.sectionsNumbered(text, numeralFrom, numeralTo) : 0;
    let length = 0;
    let hash = 0;
    let head = 0;
    let inSection = 0;
    // Past this length the line cannot score (scanned no further).
    const most = mask === 0 ? this.longestExact : this.longest;
    const units = this.keyUnits;
    for (let i = rest; i < to; i++) {
      const unit = units[text.charCodeAt(i)];
      if (unit === NO_KEY_UNIT) continue;
      if (unit === NOT_ONE_UNIT) return true;
      if (++length > most) return false;
      hash = extend(hash, unit);
      if (length === 4) head = hash;
      if ((this.unitSections[unit] & mask) !== 0) inSection++;
    }
    if (length === 0) return false;
    if (!styled && this.exact.has(hash)) return true;
    for (const section of this.sections) {
      if ((section.bit & mask) === 0) continue;
      if (styled && section.hashes.includes(hash)) return true;
      for (let t = 0; t < section.lengths.length; t++) {
        const target = section.lengths[t];
        if (length >= target && length - target <= 8 && head === section.heads[t]) return true;
        const limit = Math.max(2, Math.floor(Math.max(length, target) * 0.3));
        if (Math.abs(length - target) <= limit && length - inSection <= limit) return true;
      }
    }
    return false;
  }

  /** The bits of the sections whose numeral is `text[from, to)` (a digit stands for its numeral). */
  private sectionsNumbered(text: string, from: number, to: number): number {
    if (to - from === 1) {
      const code = text.charCodeAt(from);
      const unit = code >= 0x31 && code <= 0x39 ? NUMERAL_UNITS.charCodeAt(code - 0x31) : code >= 0xff11 && code <= 0xff19 ? NUMERAL_UNITS.charCodeAt(code - 0xff11) : code;
      return this.numeralSections.get(unit) ?? 0;
    }
    let numeral = text.slice(from, to);
    const digit = numeral.charCodeAt(0);
    if (digit >= 0x31 && digit <= 0x39) numeral = NUMERAL_UNITS[digit - 0x31];
    else if (digit >= 0xff11 && digit <= 0xff19) numeral = NUMERAL_UNITS[digit - 0xff11];
    let mask = 0;
    for (const section of this.sections) if (section.numeral === numeral) mask |= section.bit;
    return mask;
  }
}

function skipSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isWhiteSpaceCode(text.charCodeAt(i))) i++;
  return i;
}
