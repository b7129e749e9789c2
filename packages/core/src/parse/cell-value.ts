import type { CellType } from '../ir/template-ir.js';
import type { CellState } from '../model/report.js';
import { isUnitTail, quantityStartChars, quantityTextChars, readQuantity, unitTailStartChars } from './cell-value-grammar.js';
import { isPlainNumberIn } from './plain-number.js';
import { plainCellNumber } from './plain-cell-number.js';
import { TextMemo } from './text-memo.js';
import { isWhiteSpaceCode } from './white-space.js';

/**
 * What a cell's text means for a cell of a given type: a blank marker ("/", "—", ""), or a quantity read
 * by the Chevrotain grammar of `cell-value-grammar.ts` ("0", "1,085", "-55", "增1万", "19万", "约300",
 * "2千余", "94.52万元", "75394432.52元"), converted to the cell's unit; anything else is invalid.
 */

/** What a cell's text means. */
export interface CellValue {
  state: CellState;
  /** The value in the cell's unit (money converted), or null. */
  value: number | null;
  /** The unit written in the cell, if any. */
  unit?: string;
}

const BLANK = /^(?:[/\\／]+|[-－—–―−﹣]+|无|空|[Nn]\/?[Aa])$/;
const SPACES = /[\s\u00a0\u3000\u200b\ufeff]+/g;
const FULL_WIDTH = /[０-９．，－＋]/g;

/** Yuan per unit, for converting between money units. */
const YUAN: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };
const MULTIPLIER: Record<string, number> = { 百: 1e2, 千: 1e3, 万: 1e4, 亿: 1e8 };

/** Whether `text` is a plain count (see {@link isPlainNumberIn}): asked of every cell and of every field and word of a table's lines. */
function isPlainNumber(text: string): boolean {
  return isPlainNumberIn(text, 0, text.length);
}

/** True when `text` (trimmed) is a blank marker: empty, "/", "—", "-", "无". */
export function isBlankText(text: string): boolean {
  const first = firstCompactCode(text);
  // Most texts asked about are labels and numbers: their first character settles it.
  if (first >= 0 && (START_CODES[first] & BLANK_MARK) === 0) return false;
  if (isPlainNumber(text)) return false;
  const t = text.replace(SPACES, '');
  return t === '' || BLANK.test(t);
}

/** True when `text` reads as a number in the value grammar (with sign, unit, approximation words). */
export function isValueText(text: string): boolean {
  if (isPlainNumber(text)) return true;
  // A label (most texts asked about) is told by its first character, without compacting it or looking it
  // up: the look-up hashes the whole text.
  const first = firstCompactCode(text);
  if (first < 0 || (START_CODES[first] & QUANTITY) === 0) return false;
  // A numbered label ("5.属于三类内部事务信息") starts as a number does: a character no quantity holds tells it.
  if (!onlyQuantityChars(text)) return false;
  const known = valueTexts.get(text);
  if (known !== undefined) return known;
  return valueTexts.remember(text, readQuantity(compact(text)) !== undefined);
}

/**
 * Whether every character of `compact(text)` is one a quantity can hold (see `quantityTextChars`): when not,
 * the text does not lex as a quantity, and is no value.
 */
function onlyQuantityChars(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isCompactedSpace(code)) continue;
    const fullWidth = (code >= 0xff10 && code <= 0xff19) || code === 0xff0e || code === 0xff0c || code === 0xff0d || code === 0xff0b;
    if ((START_CODES[fullWidth ? code - 0xfee0 : code] & IN_QUANTITY) === 0) return false;
  }
  return true;
}

/** The characters a blank marker (see `BLANK`) starts with. */
const BLANK_START = new Set([...'/\\／-－—–―−﹣无空Nn'].map((c) => c.charCodeAt(0)));

/** Flags of {@link START_CODES}: a quantity, a non-empty unit tail, a blank marker can start with the unit. */
const QUANTITY = 1;
const UNIT_TAIL = 2;
const BLANK_MARK = 4;
/** Flag of {@link START_CODES}: a quantity can hold the unit (anywhere, see `quantityTextChars`). */
const IN_QUANTITY = 8;

/**
 * For each UTF-16 unit, which texts may start with it (a quantity, a unit tail, a blank marker), and
 * whether a quantity may hold it: the character tests by code, without making a string of the character
 * to look it up.
 */
const START_CODES = startCodes();

function startCodes(): Uint8Array {
  const codes = new Uint8Array(0x10000);
  for (const c of quantityStartChars()) codes[c.charCodeAt(0)] |= QUANTITY;
  for (const c of unitTailStartChars()) codes[c.charCodeAt(0)] |= UNIT_TAIL;
  for (const c of BLANK_START) codes[c] |= BLANK_MARK;
  for (const c of quantityTextChars()) codes[c.charCodeAt(0)] |= IN_QUANTITY;
  return codes;
}

/** Whether the UTF-16 unit `c` is one of the spaces `compact` removes (`SPACES`). */
function isCompactedSpace(c: number): boolean {
  return isWhiteSpaceCode(c) || c === 0x200b;
}

/** The first UTF-16 unit of `compact(text)` (-1 when there is none), without compacting the text. */
function firstCompactCode(text: string): number {
  return firstCompactCodeIn(text, 0, text.length);
}

/**
 * The first UTF-16 unit of `compact(text.slice(start, end))` (-1 when there is none), without slicing or
 * compacting the text: what the tests below look at first.
 */
export function firstCompactCodeIn(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isCompactedSpace(code)) continue;
    const fullWidth = (code >= 0xff10 && code <= 0xff19) || code === 0xff0e || code === 0xff0c || code === 0xff0d || code === 0xff0b;
    return fullWidth ? code - 0xfee0 : code;
  }
  return -1;
}

/**
 * False when a text whose {@link firstCompactCodeIn} is `first` is certainly neither a blank marker
 * ({@link isBlankText}) nor a value ({@link isValueText}): the cell stream asks this of a field or word
 * (a label, most often) before it slices the text to ask those.
 */
export function mayBeBlankOrValue(first: number): boolean {
  return first < 0 || (START_CODES[first] & (QUANTITY | BLANK_MARK)) !== 0;
}

/**
 * False when a text whose {@link firstCompactCodeIn} is `first` is certainly no unit word
 * ({@link isUnitWord}).
 */
export function mayBeUnitWord(first: number): boolean {
  return first >= 0 && (START_CODES[first] & UNIT_TAIL) !== 0;
}

/** A unit or approximation word that may follow a number after a space ("3414.41 万元", "2 千余"). */
export function isUnitWord(text: string): boolean {
  // Most words asked about start with no unit's first character (a label, a number): told without a look-up.
  const first = firstCompactCode(text);
  if (first < 0 || (START_CODES[first] & UNIT_TAIL) === 0) return false;
  const known = unitWords.get(text);
  if (known !== undefined) return known;
  const t = compact(text);
  return unitWords.remember(text, t !== '' && isUnitTail(t));
}

/**
 * The answers of {@link isValueText} and {@link isUnitWord} for the texts asked about lately: the cell
 * stream asks about every field and word of a table's lines, and labels ("3.危及“三安全一稳定”") recur in
 * every report and re-check. Up to 4,096 texts of up to 128 characters each.
 */
const valueTexts = new TextMemo<boolean>(4096, 128);
const unitWords = new TextMemo<boolean>(4096, 128);

function compact(text: string): string {
  return text
    .replace(SPACES, '')
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Reads a cell's text as a value of type `type`. `headerUnit` is the money unit the column header
 * states ("采购总金额（万元）"): a money value written without a unit is taken to be in it. Never throws.
 */
export function readCellValue(raw: string, type: CellType, headerUnit?: string): CellValue {
  // A text or ignored column holds words (件, 条, 万元): blank or text, never a number.
  if (type.kind === 'text' || type.kind === 'ignored') {
    const words = compact(raw);
    return { state: words === '' || BLANK.test(words) ? 'blank' : 'text', value: null };
  }
  const plain = plainCellNumber(raw, type, headerUnit);
  if (plain !== undefined) return { state: 'number', value: plain };
  const text = compact(raw);
  if (text === '' || BLANK.test(text)) return { state: 'blank', value: null };
  const quantity = readQuantity(text);
  if (!quantity) return { state: 'invalid', value: null };
  const { about, sign: signWord, digits, scale: written, more, countUnit } = quantity;
  const scale = written ?? (type.kind === 'money' ? headerUnit : undefined);
  let value = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(value)) return { state: 'invalid', value: null };
  // Whether the value was multiplied or divided (converted to the cell's unit, or scaled by 万/千…).
  let scaled = false;
  if (signWord === '-' || signWord?.startsWith('减')) value = -value;
  let approximate = about !== undefined || more !== undefined;
  let unit: string | undefined = countUnit;
  if (scale !== undefined) {
    if (type.kind === 'money') {
      const written = scale.endsWith('元') ? scale : `${scale}元`;
      unit = scale;
      const from = YUAN[written];
      const to = YUAN[type.unit];
      const accepted = type.accepted.find((a) => a.unit === scale || a.unit === written);
      if (written === type.unit || scale === type.unit) {
        // already in the cell's unit
      } else if (accepted) {
        value *= accepted.factor;
        scaled = true;
      } else if (from !== undefined && to !== undefined) {
        value = (value * from) / to;
        scaled = true;
      } else return { state: 'invalid', value: null, unit };
    } else if (scale.endsWith('元')) {
      unit = scale;
    } else {
      value *= MULTIPLIER[scale] ?? 1;
      scaled = true;
      unit = scale;
      approximate = true;
    }
  }
  // Rounded to 15 significant digits: that undoes the binary error of a conversion. A value read as written
  // with at most 15 digits has none to undo (a double keeps 15 decimal digits: rounding gives it back), and
  // is not rounded: no string is made for it (see `digitCount`).
  if (scaled || digitCount(digits) > 15) value = Number(value.toPrecision(15));
  if (Object.is(value, -0)) value = 0;
  return { state: approximate ? 'approximate' : 'number', value, ...(unit !== undefined ? { unit } : {}) };
}

/**
 * How many ASCII digits `digits` (a quantity's number: digits, thousands separators, a decimal point) holds.
 * A decimal of at most 15 digits is read into a double that gives it back rounded to 15 significant digits
 * (`toPrecision(15)`, which rounds correctly), so `Number(value.toPrecision(15))` is the value itself.
 */
function digitCount(digits: string): number {
  let count = 0;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) count++;
  }
  return count;
}
