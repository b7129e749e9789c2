/** The numerals a section heading may start with. */
const headingPattern = /^([一二三四五六七八九十]+)、(.+)$/u;

/** Split `一、总体情况` into numeral and text; a heading without a numeral keeps its whole text. */
export function splitHeading(heading: string): { numeral: string; text: string; numbered: boolean } {
  const match = headingPattern.exec(heading.trim());
  if (!match) {
    return { numeral: '', text: heading.trim(), numbered: false };
  }
  return { numeral: match[1], text: match[2].trim(), numbered: true };
}
