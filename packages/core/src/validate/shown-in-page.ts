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
 * keeps nothing of it. Each question costs a binary search of the view (it has no way back from the source).
 */
export function shownInPage(source: string, view: TextView): (offset: number) => boolean {
  const n = view.text.length;
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
    // In the text run of the character before it, or of the one after it (a reading right after a tag).
    return !holdsMarkup(source, end, offset + 1) || !holdsMarkup(source, offset, view.toOriginal(low + 1));
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
