import { labelKey } from '../normalize/index.js';
import type { CellStream } from './cell-stream.js';
import { matchKey } from './match-key.js';

/**
 * Finding a template label in the key of a cell stream: exactly, without its enumerator ("予以公开" for
 * "（一）予以公开"), truncated ("（二）部分公开" for the long 2019 label), or as a near miss (a few characters
 * off). The comparison is on match keys, so width, script, whitespace and punctuation never matter.
 */

/** A template label prepared for matching. */
export interface LabelPattern {
  /** The label as the template writes it. */
  label: string;
  /** Match key of the whole label. */
  key: string;
  /** Match key of its enumerator ("一" for "一、" or "（一）", "1" for "1."), '' when it has none. */
  enumerator: string;
  /** Match key of the label without its enumerator. */
  body: string;
}

/** How a label was found. */
export type MatchQuality = 'exact' | 'body' | 'truncated' | 'near';

/** A label found in a stream key. */
export interface LabelMatch {
  quality: MatchQuality;
  /** Higher is better: exact 4, body 3, truncated 2, near 1 (less a little per edit). */
  score: number;
  /** Range of the match in the stream key. */
  keyStart: number;
  keyEnd: number;
}

const ENUMERATOR = /^(?:\(([一二三四五六七八九十百0-9]{1,3})\)|([一二三四五六七八九十百]{1,3})[.:]|([0-9]{1,3})[.:)])/;

/** Prepares a label for matching. */
export function labelPattern(label: string): LabelPattern {
  const folded = labelKey(label);
  const m = ENUMERATOR.exec(folded);
  const enumerator = m ? (m[1] ?? m[2] ?? m[3]) : '';
  const body = matchKey(m ? folded.slice(m[0].length) : folded);
  return { label, key: matchKey(enumerator) + body, enumerator: matchKey(enumerator), body };
}

/** The number of edits a near miss of a key of `length` characters may have. */
export function nearMissLimit(length: number): number {
  if (length < 8) return 0;
  if (length < 12) return 1;
  return Math.floor(length / 6);
}

/** Which kinds of match are allowed. */
export interface MatchOptions {
  body?: boolean;
  truncated?: boolean;
  near?: boolean;
}

/** Keys this short must end where a stream item ends ("其他" must not match inside "其他结果"). */
const SHORT = 4;

/** Tries to match `pattern` at key position `p` of `stream`. */
export function matchLabelAt(
  stream: CellStream,
  p: number,
  pattern: LabelPattern,
  options: MatchOptions = {},
): LabelMatch | null {
  const key = stream.keyed.key;
  if (pattern.key === '' || p >= key.length) return null;
  if (key.startsWith(pattern.key, p) && clean(stream, p + pattern.key.length, pattern.key.length)) {
    return { quality: 'exact', score: 4, keyStart: p, keyEnd: p + pattern.key.length };
  }
  const body = options.body !== false && pattern.enumerator !== '' && pattern.body.length >= 2;
  if (body && key.startsWith(pattern.body, p) && clean(stream, p + pattern.body.length, pattern.body.length + 1)) {
    return { quality: 'body', score: 3, keyStart: p, keyEnd: p + pattern.body.length };
  }
  if (options.truncated) {
    const itemEnd = stream.items[stream.keyItem[p]].keyEnd;
    // The rest of the item's key from `p` (the piece), compared where it lies: no slice of it per call.
    const pieceLength = itemEnd - p;
    // The key, then the body (when it may stand alone): no array of the two and no for…of, which allocate
    // on every call in V8's mid tier (see `tokenize` in report-lexer.ts).
    for (let w = 0; w < (body ? 2 : 1); w++) {
      const whole = w === 0 ? pattern.key : pattern.body;
      const min = Math.max(4, Math.ceil(whole.length * 0.4));
      if (pieceLength >= min && pieceLength < whole.length && startsWithAt(whole, key, p, pieceLength)) {
        return { quality: 'truncated', score: 2, keyStart: p, keyEnd: itemEnd };
      }
    }
  }
  if (options.near) {
    for (let w = 0; w < (body ? 2 : 1); w++) {
      const whole = w === 0 ? pattern.key : pattern.body;
      const limit = nearMissLimit(whole.length);
      if (limit === 0) continue;
      const near = prefixEditDistance(whole, key, p, limit);
      if (near) return { quality: 'near', score: 1 - near.distance / (limit + 1) / 2, keyStart: p, keyEnd: near.end };
    }
    const numbered = numberedNearMiss(stream, p, pattern);
    if (numbered) return numbered;
  }
  return null;
}

/**
 * The edits a label body of `length` characters may have when the row's own enumerator stands exactly
 * before it ("2.其他法律行政止公开" for "2.其他法律行政法规禁止公开": three characters dropped): the enumerator
 * anchors the row, so a quarter of the body may be off.
 */
export function numberedNearMissLimit(length: number): number {
  return length < 8 ? 0 : Math.floor(length / 4);
}

/** A near miss of the body right after the label's exact enumerator (a typo in a numbered row label). */
function numberedNearMiss(stream: CellStream, p: number, pattern: LabelPattern): LabelMatch | null {
  const key = stream.keyed.key;
  if (pattern.enumerator === '' || !key.startsWith(pattern.enumerator, p)) return null;
  const limit = numberedNearMissLimit(pattern.body.length);
  if (limit <= nearMissLimit(pattern.key.length)) return null;
  const from = p + pattern.enumerator.length;
  const near = prefixEditDistance(pattern.body, key, from, limit);
  if (!near || near.end - from < pattern.body.length - limit) return null;
  return { quality: 'near', score: 0.5 - near.distance / (limit + 1) / 4, keyStart: p, keyEnd: near.end };
}

/** Whether `whole` starts with `key.slice(from, from + length)` (which lies inside `key`). */
function startsWithAt(whole: string, key: string, from: number, length: number): boolean {
  for (let j = 0; j < length; j++) if (whole.charCodeAt(j) !== key.charCodeAt(from + j)) return false;
  return true;
}

/** A match of a short key must end at the end of a stream item. */
function clean(stream: CellStream, end: number, length: number): boolean {
  if (length > SHORT) return true;
  return end >= stream.keyed.key.length || stream.keyItem[end] !== stream.keyItem[end - 1];
}

/**
 * The smallest edit distance between `pattern` and a prefix of `text.slice(from)`, when it is at most
 * `limit`; with the end of the best prefix. Banded with early exit: O(pattern × limit) at worst, a few
 * rows on unrelated text.
 */
export function prefixEditDistance(
  pattern: string,
  text: string,
  from: number,
  limit: number,
): { distance: number; end: number } | null {
  const m = pattern.length;
  const maxLen = Math.min(text.length - from, m + limit);
  if (m === 0 || maxLen < m - limit) return null;
  const INF = limit + 1;
  // Neither row is cleared: each row is written over the whole band the next one reads (from the entry
  // before its band to the one after it), and row 0 up to the entry after its last finite one.
  let previous = scratchRow(0, maxLen + 2);
  let current = scratchRow(1, maxLen + 2);
  const first = limit < maxLen ? limit : maxLen;
  for (let j = 0; j <= first; j++) previous[j] = j;
  previous[first + 1] = INF;
  for (let i = 1; i <= m; i++) {
    const lo = i > limit ? i - limit : 0;
    const hi = maxLen < i + limit ? maxLen : i + limit;
    if (lo >= 1) current[lo - 1] = INF;
    let rowMin = INF;
    if (lo === 0) {
      current[0] = i;
      rowMin = i;
    }
    const pc = pattern.charCodeAt(i - 1);
    for (let j = lo > 1 ? lo : 1; j <= hi; j++) {
      const cost = text.charCodeAt(from + j - 1) === pc ? 0 : 1;
      let v = previous[j] + 1;
      const insert = current[j - 1] + 1;
      if (insert < v) v = insert;
      const replace = previous[j - 1] + cost;
      if (replace < v) v = replace;
      if (INF < v) v = INF;
      current[j] = v;
      if (v < rowMin) rowMin = v;
    }
    current[hi + 1] = INF;
    if (rowMin > limit) return null;
    const swap = previous;
    previous = current;
    current = swap;
  }
  let best = INF;
  let end = -1;
  for (let j = Math.max(0, m - limit); j <= Math.min(maxLen, m + limit); j++) {
    const d = previous[j];
    if (d < best || (d === best && Math.abs(j - m) < Math.abs(end - m))) {
      best = d;
      end = j;
    }
  }
  return best <= limit ? { distance: best, end: from + end } : null;
}

/** Levenshtein distance of two short strings, or `limit + 1` when it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = scratchRow(0, b.length + 1);
  let current = scratchRow(1, b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      let v = previous[j] + 1;
      const insert = current[j - 1] + 1;
      if (insert < v) v = insert;
      const replace = previous[j - 1] + (ac === b.charCodeAt(j - 1) ? 0 : 1);
      if (replace < v) v = replace;
      current[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return Math.min(previous[b.length], limit + 1);
}

/**
 * The two rows the edit distances are computed in, kept between calls (the label search computes
 * thousands per report): row `which` (0 or 1), at least `length` long, given whole (a view of its first
 * `length` entries would be an object made per call). Its content is left over from the call before: the
 * caller fills what it reads, and reads only its first `length` entries.
 */
const scratch: [Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64)];
function scratchRow(which: 0 | 1, length: number): Int32Array {
  if (scratch[which].length < length) scratch[which] = new Int32Array(Math.max(length, scratch[which].length * 2));
  return scratch[which];
}
