import { openccUnitClassRanges } from '../generated/opencc-unit-classes.js';
import { buildTw2cnConverter } from './opencc-converter.js';
import { MAY_CHANGE, UNMATCHABLE, unitClassesFromRanges, WHOLE_TEXT } from './opencc-unit-classes.js';
import { identityView } from '../read/identity-view.js';
import { TextViewBuilder } from '../read/text-view-builder.js';
import type { TextView } from '../read/text-view.js';

/**
 * Traditional → Simplified conversion with OpenCC (`tw` → `cn`: Taiwan/standard Traditional variants,
 * OpenCC phrases, then characters). Simplified text passes through unchanged.
 *
 * Every OpenCC dictionary entry used here maps a phrase to one of the same number of code points (the
 * tests check this against the installed dictionaries), so the output is aligned code point by code
 * point with the input and the offset map stays exact; only where a code point changes UTF-16 length
 * (a BMP character ↔ a supplementary one) does a one-character run map to its start. Should a future
 * dictionary break the alignment for a line, that line maps as one replaced run.
 */
export function toSimplified(base: string | TextView): TextView {
  const text = typeof base === 'string' ? base : base.text;
  const converted = convertString(text);
  // Unchanged (a Simplified text): the view a builder would finish without an edit, without the builder.
  if (converted === text) return typeof base === 'string' ? identityView(text) : base;
  const builder = new TextViewBuilder(base);
  if (converted.length === text.length && !SURROGATE.test(text) && !SURROGATE.test(converted)) {
    builder.replace(text.length, converted);
    return builder.build();
  }
  if (!alignCodePoints(builder, text, 0, text.length, converted)) {
    // Defensive: convert line by line so a misaligned line cannot shift the others.
    return convertByLine(base, text);
  }
  return builder.build();
}

/** Converts a string to Simplified (no offset map). */
export function toSimplifiedString(text: string): string {
  return convertString(text);
}

const SURROGATE = /[\uD800-\uDFFF]/;

function convertString(text: string): string {
  if (!HAS_CJK.test(text)) return text;
  const stretches = foundStretches;
  const count = findStretches(text, stretches);
  if (count < 0) return converterFor([text])(text);
  // Most often every stretch is remembered (the format's set phrases, a re-check's text): one pass. Else
  // the stretches that are not decide the converter, and the pass is made with it.
  return (
    withStretchesConverted(text, stretches, count, undefined) ??
    withStretchesConverted(text, stretches, count, converterFor(unrememberedStretches(text, stretches, count)))!
  );
}

/**
 * The stretches found in the text being converted (see {@link findStretches}): its first entries, as many
 * as found, two a stretch. Reused from text to text, written over, never truncated (truncating an array
 * gives its storage back, and the next text's stretches allocate it again).
 */
const foundStretches: number[] = [];

/** The stretches of `text` (`stretches[0, count)`, see {@link findStretches}) whose conversion is not remembered. */
function unrememberedStretches(text: string, stretches: readonly number[], count: number): string[] {
  const unknown: string[] = [];
  for (let k = 0; k < count; k += 2) {
    const stretch = text.slice(stretches[k], stretches[k + 1]);
    if (stretch.length > LONGEST_REMEMBERED_STRETCH || !convertedStretches.has(stretch)) unknown.push(stretch);
  }
  return unknown;
}

/**
 * `text` with each of its stretches (see {@link findStretches}) replaced by its conversion
 * ({@link convertStretch}); undefined, without `convert`, at a stretch whose conversion is not remembered.
 * The stretches that change (and the text before each) are appended to one string: the engine joins the
 * pieces once, when the text is read (an array of every piece, joined, cost a second copy). Most often
 * none changes (a Simplified report: 核 or 才 may change, in no phrase it has): the text comes back.
 */
function withStretchesConverted(text: string, stretches: readonly number[], count: number, convert: Convert | undefined): string | undefined {
  let converted = '';
  let changed = false;
  let copied = 0;
  for (let k = 0; k < count; k += 2) {
    const stretch = text.slice(stretches[k], stretches[k + 1]);
    const to = convertStretch(stretch, convert);
    if (to === undefined) return undefined;
    if (to === stretch) continue;
    converted += text.slice(copied, stretches[k]) + to;
    copied = stretches[k + 1];
    changed = true;
  }
  return changed ? converted + text.slice(copied) : text;
}

/**
 * Writes into `stretches`, from its start, the start and end of each stretch of `text` with a character
 * OpenCC could change, and returns how many entries it wrote (two a stretch); -1 when the text must be
 * converted whole.
 *
 * Only the stretches with a character OpenCC could change are converted (most reports are Simplified: a
 * clause or two). A character that is in no dictionary key (punctuation, spaces, line breaks, digits…) can
 * be neither matched nor crossed by a match, so OpenCC converts the text on either side of it
 * independently; a text with an ideographic description character, whose sequence OpenCC reads as one, is
 * converted whole.
 *
 * The text is scanned for the characters that may change only ({@link nextChanging}: in a Simplified
 * report nearly every character is in no key, and a loop that does nothing else at them costs half as
 * much); from each, the stretch is found by walking back to the cut before it (not past the end of the
 * stretch before: every character is read at most twice) and on to the cut after it.
 */
function findStretches(text: string, stretches: number[]): number {
  const units = (unitClasses ??= unitClassesFromRanges(openccUnitClassRanges));
  const n = text.length;
  let count = 0;
  // End of the last stretch found: no stretch starts before it.
  let done = 0;
  for (let i = nextChanging(units, text, 0); i < n; i = nextChanging(units, text, i + 1)) {
    if (units[text.charCodeAt(i)] === WHOLE_TEXT) return -1;
    let start = i;
    while (start > done && units[text.charCodeAt(start - 1)] !== UNMATCHABLE) start--;
    const end = stretchEnd(units, text, i + 1);
    if (end < 0) return -1;
    stretches[count] = start;
    stretches[count + 1] = end;
    count += 2;
    done = end;
    i = end - 1;
  }
  return count;
}

/**
 * The first offset from `from` of a unit of `text` that may change or makes the text convert whole, or
 * the text's length. A function of its own that ends at its loop: V8 keeps the code it compiles for a long
 * loop while the loop runs (on-stack replacement), and code after the loop that had not run when it was
 * compiled made every later call leave that code at the loop's end (a deoptimisation on each call).
 */
function nextChanging(units: Uint8Array, text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n && units[text.charCodeAt(i)] < MAY_CHANGE) i++;
  return i;
}

/** Where the stretch going on at `from` ends (the next cut, or the text's end); -1 at a unit that makes the text convert whole. */
function stretchEnd(units: Uint8Array, text: string, from: number): number {
  const n = text.length;
  for (let end = from; end < n; end++) {
    const kind = units[text.charCodeAt(end)];
    if (kind === UNMATCHABLE) return end;
    if (kind === WHOLE_TEXT) return -1;
  }
  return n;
}

/** A conversion of text from Traditional to Simplified. */
type Convert = (text: string) => string;

/**
 * The converter with every dictionary entry, once built. Building it (tries of some 10,000 entries) cost a
 * start on one text report more than the rest of its conversion, so a process first builds converters
 * with only the entries the texts it converts can match ({@link converterFor}).
 */
let fullConverter: Convert | undefined;
/** The last converter built with part of the entries, and the characters it is complete for. */
let partialConverter: { characters: Set<number>; convert: Convert } | undefined;
let partialBuilds = 0;
/** Converters with part of the entries built at most, before the one with them all. */
const PARTIAL_BUILDS = 16;

/**
 * A converter that converts each of `texts` exactly as OpenCC's `tw` → `cn` converter does: until a
 * process has built {@link PARTIAL_BUILDS} of them, one with only the dictionary entries those texts can
 * match (see `buildTw2cnConverter`; a Simplified report loads a few dozen), kept for later texts made of
 * the same characters; then the one with every entry.
 */
function converterFor(texts: readonly string[]): Convert {
  if (fullConverter) return fullConverter;
  const characters = new Set(partialConverter?.characters);
  let grown = partialConverter === undefined;
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      if (code > 0xffff) i++;
      if (!characters.has(code)) {
        characters.add(code);
        grown = true;
      }
    }
  }
  if (!grown) return partialConverter!.convert;
  if (partialBuilds >= PARTIAL_BUILDS) {
    partialConverter = undefined;
    fullConverter = buildTw2cnConverter();
    return fullConverter;
  }
  partialBuilds++;
  partialConverter = { characters, convert: buildTw2cnConverter(characters) };
  return partialConverter.convert;
}

/**
 * Stretches converted lately, with their conversion: the headings, table labels and set phrases of the
 * format recur in every report, and a re-check (a suggested fix verified, an edit in the editor) converts
 * the same text again. Bounded (at most 10,000 stretches of up to 100 characters): emptied when full.
 */
const convertedStretches = new Map<string, string>();
const CONVERTED_STRETCHES = 10_000;
const LONGEST_REMEMBERED_STRETCH = 100;

/** The conversion of `stretch`: remembered, else made by `convert` (and remembered); undefined without `convert`. */
function convertStretch(stretch: string, convert: Convert | undefined): string | undefined {
  if (stretch.length > LONGEST_REMEMBERED_STRETCH) return convert?.(stretch);
  let converted = convertedStretches.get(stretch);
  if (converted === undefined && convert !== undefined) {
    converted = convert(stretch);
    if (convertedStretches.size >= CONVERTED_STRETCHES) convertedStretches.clear();
    convertedStretches.set(stretch, converted);
  }
  return converted;
}

/**
 * The class of every UTF-16 unit (see `opencc-unit-classes.ts`), from the table generated with the
 * dictionaries.
 */
let unitClasses: Uint8Array | undefined;

const HAS_CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uD840-\uD87F]/;

/**
 * Appends `converted` (the conversion of `text[from, to)`) to `builder`, one code point against one code
 * point. Returns false, appending nothing, when the code point counts differ.
 */
function alignCodePoints(builder: TextViewBuilder, text: string, from: number, to: number, converted: string): boolean {
  if (countCodePoints(text, from, to) !== countCodePoints(converted, 0, converted.length)) return false;
  let i = from;
  let j = 0;
  const n = to;
  while (i < n) {
    const a = codePointLength(text, i, n);
    const b = codePointLength(converted, j, converted.length);
    if (a !== b || text.charCodeAt(i) !== converted.charCodeAt(j) || (a === 2 && text[i + 1] !== converted[j + 1])) {
      builder.keep(i);
      builder.replace(i + a, converted.slice(j, j + b));
    }
    i += a;
    j += b;
  }
  builder.keep(n);
  return true;
}

function convertByLine(base: string | TextView, text: string): TextView {
  const builder = new TextViewBuilder(base);
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline + 1;
    const line = text.slice(start, end);
    const converted = convertString(line);
    builder.keep(start);
    if (converted !== line && !alignCodePoints(builder, text, start, end, converted)) {
      builder.replace(end, converted);
    }
    start = end;
  }
  return builder.finish();
}

function countCodePoints(s: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

function codePointLength(s: string, i: number, end: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}
