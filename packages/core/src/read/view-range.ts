import type { OffsetRange } from '../model/report.js';
import type { TextView } from './text-view.js';

/**
 * Maps a range of a view's text to the original document: the start through `toOriginal`, the end
 * through `toOriginalEnd` when the view has it (tight ends around deleted text), else `toOriginal`.
 */
export function rangeToOriginal(view: TextView, range: OffsetRange): OffsetRange {
  const start = view.toOriginal(range.start);
  if (range.end <= range.start) {
    return { start, end: start };
  }
  const end = view.toOriginalEnd ? view.toOriginalEnd(range.end) : view.toOriginal(range.end);
  return { start, end: Math.max(start, end) };
}

/** Maps an offset used as a range end (see `TextView.toOriginalEnd`), with the `toOriginal` fallback. */
export function endToOriginal(view: TextView, offset: number): number {
  return view.toOriginalEnd ? view.toOriginalEnd(offset) : view.toOriginal(offset);
}

/**
 * Maps ranges found in a view's text (e.g. by `findMojibake(view.text)`) to the original document,
 * keeping their other fields. Use it for HTML sources, whose original text is markup: run text finders
 * on the rendition, not on the HTML.
 */
export function rangesToOriginal<T extends OffsetRange>(view: TextView, ranges: readonly T[]): T[] {
  return ranges.map((range) => ({ ...range, ...rangeToOriginal(view, range) }));
}
