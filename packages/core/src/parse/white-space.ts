/**
 * Whether the UTF-16 unit `c` is white space as `\s` of a regular expression reads it (the line breaks,
 * TAB and the Unicode spaces: NBSP, U+3000, U+FEFF…), tested without an expression, for scans of a text
 * by offsets.
 */
export function isWhiteSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
