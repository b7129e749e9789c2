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
