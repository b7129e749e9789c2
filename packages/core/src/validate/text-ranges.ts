import type { OffsetRange } from '../model/report.js';
import type { TextView } from '../read/text-view.js';
import { firstOffsetMappingFrom } from '../read/text-view-builder.js';
import { rangeToOriginal } from '../read/view-range.js';

/**
 * The range of a view's text that came from `range` of the original text: the first view offset that
 * maps at or after `range.start`, to the first that maps at or after `range.end` (the view's map is
 * monotonic). Found as {@link viewRangesOf} finds it: first where the view would have it if it mapped one
 * to one, which most of a view does, rather than by halving the whole text.
 */
export function viewRangeOf(view: TextView, range: OffsetRange): OffsetRange {
  return viewRangesOf(view, [range])[0];
}

/**
 * {@link viewRangeOf} of each of `ranges`, which must be sorted by start: the same ranges, found by a
 * search that goes on from where the one before ended rather than over the whole text each time. It first
 * tries the offset as far past the last one as the target is past that one's original offset (most of a
 * view maps one to one: a table row's end is then found at once), then gallops (a step of 1, 2, 4… then a
 * binary search in the last step). For the many rows of a report's tables, close to each other, that is a
 * few steps each.
 */
export function viewRangesOf(view: TextView, ranges: readonly OffsetRange[]): OffsetRange[] {
  const length = view.text.length;
  // The first offset in [from, length] that maps at or after `target` (`from` is known not to be past it).
  const firstAtOrAfter = (target: number, from: number): number => {
    if (from >= length) return from;
    // A view made by builders says where its offsets reach `target` from its runs.
    const first = firstOffsetMappingFrom(view, target);
    if (first !== undefined) return Math.max(from, first);
    const mapped = view.toOriginal(from);
    if (mapped >= target) return from;
    // view.toOriginal(lo) < target throughout.
    let lo = from;
    const guess = from + (target - mapped);
    if (guess < length) {
      if (view.toOriginal(guess) < target) lo = guess;
      else if (view.toOriginal(guess - 1) < target) return guess;
      else return firstInBetween(view, target, from + 1, guess - 1);
    }
    // hi is past it or the end.
    let step = 1;
    let hi = lo + step;
    while (hi < length && view.toOriginal(hi) < target) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
    if (hi > length) hi = length;
    return firstInBetween(view, target, lo + 1, hi);
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

/** The first offset in [lo, hi] that maps at or after `target`, given that `hi` does (binary search). */
function firstInBetween(view: TextView, target: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (view.toOriginal(mid) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

/**
 * Up to `reach` characters on either side of the spot [start, end) that are on the line of `start` (not
 * beyond a line break; when the spot itself crosses one, nothing after it). Reads only those characters,
 * never the whole line: a report run into one line may hold thousands of spots, each shown with its
 * surroundings (it used to take the whole line with {@link lineAt}: 28,000 spots on one 700,000-character
 * line took 4 s).
 */
export function surroundings(text: string, start: number, end: number, reach: number): OffsetRange {
  let from = start;
  while (from > 0 && start - from < reach && text[from - 1] !== '\n') from--;
  const breakInSpot = text.slice(start, end).includes('\n');
  let to = end;
  if (!breakInSpot) while (to < text.length && to - end < reach && text[to] !== '\n') to++;
  return { start: from, end: to };
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
