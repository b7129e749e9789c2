import { Converter } from 'opencc-js/t2cn';
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
  const builder = new TextViewBuilder(base);
  if (converted === text) return builder.finish();
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

let converter: ((text: string) => string) | undefined;

function convertString(text: string): string {
  if (!HAS_CJK.test(text)) return text;
  const convert = (converter ??= Converter({ from: 'tw', to: 'cn' }));
  return convert(text);
}

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
