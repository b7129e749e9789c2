/**
 * A text view: a derived text (an HTML rendition, a normalised copy…) that remembers, for each of its
 * UTF-16 offsets, the offset in the original document it came from. Views compose: normalising a view
 * gives a view whose `toOriginal` still points into the original document.
 */
export interface TextView {
  /** The derived text. */
  readonly text: string;
  /**
   * Maps an offset of `text` (0..text.length inclusive) to an offset of the original document.
   * Monotonic non-decreasing. An offset inside an inserted character maps to where it was inserted.
   */
  toOriginal(offset: number): number;
  /**
   * Optional: maps an offset used as the *end* of a range to the end, in the original document, of the
   * character before it (so a range over a replaced run such as `&amp;` → `&` covers the whole entity and
   * does not swallow text deleted after it). Monotonic non-decreasing; `toOriginalEnd(o) >= toOriginal(o')`
   * for every `o' < o`. Views without it fall back to `toOriginal` (see `rangeToOriginal`).
   */
  toOriginalEnd?(offset: number): number;
}
