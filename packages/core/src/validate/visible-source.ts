import type { OffsetRange } from '../model/report.js';
import type { TextView } from '../read/text-view.js';
import { endToOriginal } from '../read/view-range.js';

/**
 * The text of a page that a reader sees, in the page's own characters: the stretches of the source that
 * its rendition was made from, joined by line breaks, with the way back to source offsets. Markup between
 * them (tags, comments such as the `<!-- saved from url=… -->` a browser writes into a saved page, scripts,
 * styles, hidden elements) is left out; what normalisation dropped inside visible text (an injected Pinyin
 * reading, a zero-width character) stays, as it is not markup.
 */
export interface VisibleSource {
  readonly text: string;
  /** The source range of a range of {@link text}. */
  toSource(range: OffsetRange): OffsetRange;
}

/**
 * {@link VisibleSource} of `source` (an HTML page) by `view`, a view of it whose `toOriginal` points into it
 * (its rendition, normalised or not). Two consecutive characters of the view belong to one stretch when
 * what lies between their sources holds no `<` or `>`.
 */
export function visibleSource(source: string, view: TextView): VisibleSource {
  const starts: number[] = [];
  const ends: number[] = [];
  const n = view.text.length;
  for (let i = 0; i < n; i++) {
    const start = view.toOriginal(i);
    const end = Math.max(start, endToOriginal(view, i + 1));
    const last = ends.length - 1;
    if (last >= 0 && start <= ends[last]) {
      ends[last] = Math.max(ends[last], end);
    } else if (last >= 0 && !holdsMarkup(source, ends[last], start)) {
      ends[last] = end;
    } else if (end > start) {
      starts.push(start);
      ends.push(end);
    }
  }
  const pieces: string[] = [];
  const textStarts: number[] = [];
  let length = 0;
  for (let k = 0; k < starts.length; k++) {
    if (k > 0) length += 1;
    textStarts.push(length);
    pieces.push(source.slice(starts[k], ends[k]));
    length += ends[k] - starts[k];
  }
  const text = pieces.join('\n');
  const toSourceOffset = (offset: number, isEnd: boolean): number => {
    // The last stretch starting at or before `offset` (an end exactly at a stretch's start belongs to the one before).
    let low = 0;
    let high = textStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (textStarts[mid] < offset || (!isEnd && textStarts[mid] === offset)) low = mid;
      else high = mid - 1;
    }
    if (textStarts.length === 0) return 0;
    return Math.min(ends[low], starts[low] + Math.max(0, offset - textStarts[low]));
  };
  return {
    text,
    toSource: (range) => {
      const start = toSourceOffset(range.start, false);
      return { start, end: Math.max(start, toSourceOffset(range.end, true)) };
    },
  };
}

/** True when `source` between `from` and `to` holds a tag's bracket. */
function holdsMarkup(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x3c || c === 0x3e) return true;
  }
  return false;
}
