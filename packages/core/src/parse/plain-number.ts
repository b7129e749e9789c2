/**
 * Whether `text.slice(start, end)` is a plain count: 1 to 15 ASCII digits (`/^[0-9]{1,15}$/`), told by its
 * units without slicing the text or running an expression. Such a text is a value of the value grammar
 * and no blank marker (see cell-value.ts), so the cell stream takes a field or word of it for a value
 * without slicing it to ask.
 */
export function isPlainNumberIn(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length <= 0 || length > 15) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
