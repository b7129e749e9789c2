const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** A Chinese numeral such as 两, 十二, 一百零五, 三万二千 (positional digits such as 一〇五 too). */
function parseChineseNumeral(text: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百千万亿]+$/u.test(text)) return null;
  if (!/[十百千万亿]/u.test(text)) {
    return Number([...text].map((ch) => DIGITS[ch]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      section += (digit ?? 1) * UNITS[ch];
      digit = null;
    } else {
      total += (section + (digit ?? 0)) * LARGE_UNITS[ch];
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

/**
 * The number a prose match restates: ASCII or full-width digits with thousands separators and decimals
 * ("1,234", "12.5"), or a Chinese numeral ("两", "十二"). Null when it is neither.
 */
export function parseProseNumber(text: string): number | null {
  const compact = text
    .trim()
    .replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/gu, '')
    .replace(/．/gu, '.');
  if (/^\d+(?:\.\d+)?$/u.test(compact)) return Number(compact);
  return parseChineseNumeral(compact);
}
