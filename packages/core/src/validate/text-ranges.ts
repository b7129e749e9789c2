import type { OffsetRange } from '../model/report.js';
import type { TextView } from '../read/text-view.js';
import { rangeToOriginal } from '../read/view-range.js';

/**
 * The range of a view's text that came from `range` of the original text: the first view offset that
 * maps at or after `range.start`, to the first that maps at or after `range.end` (binary search; the
 * view's map is monotonic).
 */
export function viewRangeOf(view: TextView, range: OffsetRange): OffsetRange {
  const firstAtOrAfter = (target: number): number => {
    let lo = 0;
    let hi = view.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (view.toOriginal(mid) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const start = firstAtOrAfter(range.start);
  return { start, end: Math.max(start, firstAtOrAfter(range.end)) };
}

/**
 * {@link viewRangeOf} of each of `ranges`, which must be sorted by start: the same ranges, found by a
 * search that goes on from where the one before ended (a galloping search: a step of 1, 2, 4… then a
 * binary search in the last step) rather than over the whole text each time. For the many rows of a
 * report's tables, close to each other, that is a few steps each.
 */
export function viewRangesOf(view: TextView, ranges: readonly OffsetRange[]): OffsetRange[] {
  const length = view.text.length;
  // The first offset in [from, length] that maps at or after `target` (`from` is known not to be past it).
  const firstAtOrAfter = (target: number, from: number): number => {
    if (from >= length || view.toOriginal(from) >= target) return from;
    // view.toOriginal(lo) < target throughout; hi is past it or the end.
    let lo = from;
    let step = 1;
    let hi = from + step;
    while (hi < length && view.toOriginal(hi) < target) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
    if (hi > length) hi = length;
    lo += 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (view.toOriginal(mid) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const out: OffsetRange[] = [];
  let previous = 0;
  for (let i = 0; i < ranges.length; i++) {
    const start = firstAtOrAfter(ranges[i].start, previous);
    out.push({ start, end: Math.max(start, firstAtOrAfter(ranges[i].end, start)) });
    previous = start;
  }
  return out;
}

/** Maps a range of the view's text back to the original text. */
export function originalRangeOf(view: TextView, range: OffsetRange): OffsetRange {
  return rangeToOriginal(view, range);
}

/** The line of `text` that contains `offset`, without its line break and surrounding white space. */
export function lineAt(text: string, offset: number): OffsetRange {
  let start = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return { start, end };
}

/** `range` trimmed of white space at both ends (an all-blank range collapses to its start). */
export function trimRange(text: string, range: OffsetRange): OffsetRange {
  let { start, end } = range;
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return { start, end };
}

/** `text` cut to at most `max` characters, with an ellipsis when cut. */
export function excerpt(text: string, max = 24): string {
  const compact = text.replace(/\s+/gu, ' ').trim();
  return compact.length > max ? `${compact.slice(0, max)}…` : compact;
}
