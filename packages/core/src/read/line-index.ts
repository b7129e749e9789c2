/** A 0-based line and UTF-16 character position (the LSP convention). */
export interface LinePosition {
  line: number;
  character: number;
}

/**
 * Converts between offsets and line/character positions of a text, for the edges (CLI output, LSP).
 * Lines end at LF, CRLF or a lone CR. Offsets and characters are UTF-16 code units. Lookups are binary
 * searches over the line starts.
 */
export class LineIndex {
  private readonly starts: Int32Array;

  /** @param text the text positions refer to */
  constructor(readonly text: string) {
    this.starts = Int32Array.from(lineStarts(text));
  }

  /** Number of lines (a text ending with a line break has an empty last line). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** The position of `offset` (clamped to the text). */
  positionAt(offset: number): LinePosition {
    const o = Math.max(0, Math.min(Math.floor(offset) || 0, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  /** The offset of `position`; lines and characters beyond the text clamp to its end or the line's end. */
  offsetAt(position: LinePosition): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineContentEnd(position.line));
  }

  /** Offset where `line` starts. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset where `line`'s content ends (before its line break). */
  lineContentEnd(line: number): number {
    const l = Math.max(0, Math.min(line, this.starts.length - 1));
    if (l + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[l + 1] - 1;
    if (end > this.starts[l] && this.text.charCodeAt(end) === 0x0a && this.text.charCodeAt(end - 1) === 0x0d) end--;
    return end;
  }

  /** 1-based line and column, for human-readable output (`file:line:column`). */
  humanPositionAt(offset: number): { line: number; column: number } {
    const p = this.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  }
}

/**
 * Where the lines of `text` start: 0, then after each LF, CRLF or lone CR. The breaks are found by
 * `indexOf` (a native search), the next LF and the next CR kept apart, rather than by a look at each
 * character: a report has a break every few dozen characters, and most have no CR at all.
 */
function lineStarts(text: string): number[] {
  const starts: number[] = [0];
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    if (cr < 0 || (lf >= 0 && lf < cr)) {
      starts.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
      continue;
    }
    // A CR, with the LF right after it when there is one: one break.
    let end = cr + 1;
    if (lf === end) {
      end++;
      lf = text.indexOf('\n', end);
    }
    starts.push(end);
    cr = text.indexOf('\r', end);
  }
  return starts;
}
