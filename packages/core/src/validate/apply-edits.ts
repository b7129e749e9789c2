import type { TextEdit } from '../diagnostics/diagnostic.js';

/** Thrown by {@link applyEdits} when two different edits overlap. */
export class OverlappingEditsError extends Error {
  constructor(
    readonly first: TextEdit,
    readonly second: TextEdit,
  ) {
    super(
      `overlapping edits [${first.range.start}, ${first.range.end}) and [${second.range.start}, ${second.range.end})`,
    );
    this.name = 'OverlappingEditsError';
  }
}

/**
 * Applies text edits (ranges are UTF-16 offsets into `text`): sorted, with the text between them kept.
 * Identical edits (the same fix attached to several findings) count once; two different edits that
 * overlap — or insert at the same offset — throw {@link OverlappingEditsError}; a range outside the text
 * throws a RangeError. Pure.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const unique = new Map<string, TextEdit>();
  for (const edit of edits) {
    const { start, end } = edit.range;
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length)) {
      throw new RangeError(`edit range [${start}, ${end}) outside the text (length ${text.length})`);
    }
    unique.set(`${start}:${end}:${edit.newText}`, edit);
  }
  const sorted = [...unique.values()].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (current.range.start < previous.range.end || current.range.start === previous.range.start) {
      throw new OverlappingEditsError(previous, current);
    }
  }
  // Front to back from the text's own pieces: a slice of the text so far (a concatenation) would copy it
  // whole, once per edit.
  let result = '';
  let from = 0;
  for (let i = 0; i < sorted.length; i++) {
    const { range, newText } = sorted[i];
    result += text.slice(from, range.start) + newText;
    from = range.end;
  }
  return result + text.slice(from);
}
