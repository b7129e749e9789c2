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
}
