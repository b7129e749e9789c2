import { tw2cnDictionaries } from './opencc-converter.js';

/**
 * Classes of UTF-16 units for the Traditional → Simplified conversion (see `toSimplified`): what may
 * change, what cuts a text into stretches OpenCC converts independently. Computed from OpenCC's
 * dictionaries when the package is built, not at each start (reading some 10,000 entries took a start on
 * one report several milliseconds): the generated module is checked against the dictionaries by a test
 * and by `node packages/core/scripts/generate-opencc-unit-classes.ts --check`.
 */

/** In no dictionary key: a cut between stretches. */
export const UNMATCHABLE = 0;
/** In some key, but no entry changes it (or a surrogate: never a cut). */
export const UNCHANGED = 1;
/** A unit of a character some dictionary entry changes (or the high surrogate of one). */
export const MAY_CHANGE = 2;
/** An ideographic description character (U+2FF0–U+2FFF): OpenCC reads its sequence as one. */
export const WHOLE_TEXT = 3;

/**
 * The class of every UTF-16 unit, computed from the dictionaries: characters at which a dictionary entry
 * differs from its replacement (all characters of an entry whose length changes) may change; a stretch
 * without any of them converts to itself, since every dictionary match in it is replaced by the same
 * text. What `src/generated/opencc-unit-classes.ts` holds (see {@link renderOpenccUnitClassesModule}).
 */
export function classifyOpenccUnits(): Uint8Array {
  const units = new Uint8Array(0x10000);
  const raise = (unit: number, kind: number) => {
    if (units[unit] < kind) units[unit] = kind;
  };
  /** Classifies the key `from` against its replacement `to`, both given as ranges of `text`. */
  const classify = (text: string, from: number, fromEnd: number, to: number, toEnd: number) => {
    // Same length in UTF-16 units and no surrogates: code point i of one is unit i of the other.
    let aligned = fromEnd - from === toEnd - to;
    for (let i = from; i < fromEnd && aligned; i++) if (isSurrogate(text.charCodeAt(i))) aligned = false;
    for (let j = to; j < toEnd && aligned; j++) if (isSurrogate(text.charCodeAt(j))) aligned = false;
    if (aligned) {
      for (let i = 0; i < fromEnd - from; i++) {
        const unit = text.charCodeAt(from + i);
        raise(unit, unit === text.charCodeAt(to + i) ? UNCHANGED : MAY_CHANGE);
      }
      return;
    }
    const a = [...text.slice(from, fromEnd)];
    const b = [...text.slice(to, toEnd)];
    a.forEach((ch, i) => {
      const kind = a.length !== b.length || ch !== b[i] ? MAY_CHANGE : UNCHANGED;
      for (let k = 0; k < ch.length; k++) raise(ch.charCodeAt(k), kind);
    });
  };
  for (const dictionary of tw2cnDictionaries()) {
    if (typeof dictionary === 'string') {
      // "from to|from to|…", read in place (splitting it allocates tens of thousands of strings).
      let at = 0;
      while (at < dictionary.length) {
        let end = dictionary.indexOf('|', at);
        if (end < 0) end = dictionary.length;
        const space = dictionary.indexOf(' ', at);
        if (space >= 0 && space < end) {
          // As OpenCC reads an entry: the replacement ends at a second space, if any.
          const second = dictionary.indexOf(' ', space + 1);
          classify(dictionary, at, space, space + 1, second >= 0 && second < end ? second : end);
        } else classify(dictionary, at, end, end, end);
        at = end + 1;
      }
    } else {
      for (const [from, to] of dictionary) {
        const text = from + to;
        classify(text, 0, from.length, from.length, text.length);
      }
    }
  }
  for (let unit = 0xd800; unit < 0xe000; unit++) raise(unit, UNCHANGED);
  for (let unit = 0x2ff0; unit <= 0x2fff; unit++) units[unit] = WHOLE_TEXT;
  return units;
}

/**
 * The classes as generated data: for each class but {@link UNMATCHABLE}, its units as ranges, a string
 * of `first last` pairs of UTF-16 units (index: the class).
 */
export function unitClassRanges(classes: Uint8Array): string[] {
  const ranges = ['', '', '', ''];
  for (let unit = 0; unit < classes.length; ) {
    const kind = classes[unit];
    let last = unit;
    while (last + 1 < classes.length && classes[last + 1] === kind) last++;
    if (kind !== UNMATCHABLE) ranges[kind] += String.fromCharCode(unit, last);
    unit = last + 1;
  }
  return ranges;
}

/** The unit classes back from {@link unitClassRanges}. */
export function unitClassesFromRanges(ranges: readonly string[]): Uint8Array {
  const classes = new Uint8Array(0x10000);
  ranges.forEach((pairs, kind) => {
    for (let i = 0; i + 1 < pairs.length; i += 2) classes.fill(kind, pairs.charCodeAt(i), pairs.charCodeAt(i + 1) + 1);
  });
  return classes;
}

/** The text of `src/generated/opencc-unit-classes.ts`, written ASCII-only (every other unit as `\\uXXXX`). */
export function renderOpenccUnitClassesModule(classes: Uint8Array): string {
  return [
    '/******************************************************************************',
    ' * Generated by packages/core/scripts/generate-opencc-unit-classes.ts from the tw -> cn',
    ' * dictionaries of opencc-js.',
    ' * DO NOT EDIT MANUALLY: run the script.',
    ' ******************************************************************************/',
    '',
    '/** The UTF-16 units of each class of `normalize/opencc-unit-classes.ts` (by index), as `first last` ranges. */',
    'export const openccUnitClassRanges: readonly string[] = [',
    ...unitClassRanges(classes).map((ranges) => `  ${asciiStringLiteral(ranges)},`),
    '];',
    '',
  ].join('\n');
}

/** A single-quoted TypeScript string literal of `text`, ASCII-only: every other unit (and `'`, `\\`) as `\\uXXXX`. */
export function asciiStringLiteral(text: string): string {
  return `'${text.replace(/[^ -&(-[\]-~]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)}'`;
}

function isSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdfff;
}

