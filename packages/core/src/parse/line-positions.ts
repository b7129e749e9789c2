import type { ReportSource } from '../model/report.js';
import type { TextView } from '../read/text-view.js';
import type { LinePosition } from './cell-stream.js';

/**
 * Horizontal positions of view offsets on their lines of the original text (characters and display
 * width), as the column pass of tables laid out with spaces asks for them (see column-positions.ts).
 * Each offset's position is counted once per parse: the column pass asks for the same cell edges under
 * both metrics, and again for every reading of a table. The count of an offset resumes from the furthest
 * offset counted on its line before, so a long line is not counted again from its start for each of its
 * cells (the pass asks column after column, each for every row).
 */
export function linePositions(view: TextView, source: ReportSource): (offset: number) => LinePosition {
  const original = source.text;
  const known = new Map<number, LinePosition>();
  /** Per line start: the furthest original offset counted on the line, and its position. */
  const counted = new Map<number, CountedPosition>();
  return (offset) => {
    let position = known.get(offset);
    if (position === undefined) {
      const at = Math.min(original.length, view.toOriginal(offset));
      const lineStart = original.lastIndexOf('\n', at - 1) + 1;
      const before = counted.get(lineStart);
      if (before !== undefined && before.at <= at) {
        position = countFrom(original, before.at, at, before.chars, before.width);
      } else {
        position = countFrom(original, lineStart, at, 0, 0);
      }
      if (at >= lineStart && (before === undefined || before.at < at)) counted.set(lineStart, { at, chars: position.chars, width: position.width });
      known.set(offset, position);
    }
    return position;
  };
}

/** A position on a line, with the original offset it is the position of. */
interface CountedPosition extends LinePosition {
  at: number;
}

/**
 * The position at offset `at` of `original`, counted from offset `from` on the same line, whose position
 * is `chars` characters and `width` display width.
 */
function countFrom(original: string, from: number, at: number, chars: number, width: number): LinePosition {
  for (let i = from; i < at; i++) {
    const c = original.charCodeAt(i);
    if (c < 0x20 || (c >= 0xdc00 && c <= 0xdfff)) continue;
    chars++;
    width += isWide(c) ? 2 : 1;
  }
  return { chars, width };
}

/** East Asian wide and full-width characters (CJK, kana, Hangul, full-width forms, CJK punctuation). */
function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0xd800 && c <= 0xdbff) ||
    c === 0x201c ||
    c === 0x201d
  );
}
