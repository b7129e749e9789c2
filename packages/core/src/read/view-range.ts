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

/**
 * Moves the ends of a range of `text` off the middle of a character: an offset between the `\r` and
 * `\n` of a CRLF moves after the `\n` (the line break stays whole), one inside a surrogate pair moves
 * to the pair's start (a range start) or end (a range end). Editors and byte-level fixes can then use
 * the range as is.
 */
export function snapRange(text: string, range: OffsetRange): OffsetRange {
  const start = snapOffset(text, range.start, 'start');
  const end = snapOffset(text, range.end, 'end');
  return start === range.start && end === range.end ? range : { start, end: Math.max(start, end) };
}

function snapOffset(text: string, offset: number, side: 'start' | 'end'): number {
  if (offset <= 0 || offset >= text.length) return offset;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (before === 0x0d && after === 0x0a) return offset + 1;
  if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return side === 'start' ? offset - 1 : offset + 1;
  return offset;
}
