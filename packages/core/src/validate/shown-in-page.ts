import type { TextView } from '../read/text-view.js';
import { endToOriginal } from '../read/view-range.js';

/**
 * Whether a place in a web page's source is text its reader sees, by `view`, a view of the page whose
 * `toOriginal` points into it (its rendition, normalised or not). A place is shown when a character of the
 * view was made from it, or when no `<` or `>` stands between it and the source of the character of the
 * view before it, or of the one after it: what normalisation dropped inside shown text (an injected Pinyin
 * reading, a zero-width character) is shown, at a tag's edge too; markup (tags, comments such as the
 * `<!-- saved from url=… -->` a browser writes into a saved page, scripts, styles, hidden elements) is not.
 * Dropped text with tags on both sides (`規<span>(guī)</span>定`) is taken for markup: the normalised view
 * keeps nothing of it. Each question costs a binary search of the view (it has no way back from the source);
 * each gap between two shown characters is scanned at most once.
 */
export function shownInPage(source: string, view: TextView): (offset: number) => boolean {
  const n = view.text.length;
  // Per gap between two characters of the view (by the index of the first): its first and last bracket,
  // found once, so that many findings in one long script cost one scan of it, not one each.
  const brackets = new Map<number, { first: number; last: number }>();
  return (offset) => {
    if (n === 0 || offset < view.toOriginal(0)) return false;
    // The last character of the view made from at or before `offset`.
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (view.toOriginal(mid) <= offset) low = mid;
      else high = mid - 1;
    }
    const end = endToOriginal(view, low + 1);
    if (offset < end) return true;
    if (low + 1 >= n) return false;
    let gap = brackets.get(low);
    if (gap === undefined) {
      const next = view.toOriginal(low + 1);
      gap = { first: firstBracket(source, end, next), last: lastBracket(source, end, next) };
      brackets.set(low, gap);
    }
    // In the text run of the character before it (no bracket up to it), or of the one after it (none after it).
    return offset < gap.first || offset > gap.last;
  };
}

/** The first `<` or `>` of `source` in `[from, to)`, or `to`. */
function firstBracket(source: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x3c || c === 0x3e) return i;
  }
  return to;
}

/** The last `<` or `>` of `source` in `[from, to)`, or `from - 1`. */
function lastBracket(source: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const c = source.charCodeAt(i);
    if (c === 0x3c || c === 0x3e) return i;
  }
  return from - 1;
}
