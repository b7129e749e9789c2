import { toSimplifiedString } from '../normalize/index.js';

/** Characters that end a report's agency name part and are never part of a place name. */
const AGENCY_WORD = '局厅委办院部会所处司署站队府';
/** A leading province (…省, …自治区) or prefecture (…市, …州, …地区, …盟) written before another place. */
const HIGHER_DIVISION = /^[\u3400-\u9fff]{1,8}?(?:省|自治区|特别行政区|市|自治州|州|地区|盟)/u;
/** The name of a lower place (…市, …区, …县, …旗) at the start of what remains. */
const LOWER_DIVISION = new RegExp(`^[^${AGENCY_WORD}]{1,8}?(?:市|区|县|旗)`, 'u');

/**
 * The key that identifies an agency across its reports: the name without whitespace and punctuation,
 * in Simplified script, without the higher divisions some titles write before the agency's own place
 * ("某市某区人民政府" and "某区人民政府" are one agency; "某市人民政府" keeps its city, and so does
 * "某市公安局").
 */
export function agencyKey(name: string): string {
  let key = toSimplifiedString(name.normalize('NFKC')).replace(/[^\p{L}\p{N}]/gu, '');
  for (;;) {
    const higher = HIGHER_DIVISION.exec(key);
    if (!higher) break;
    const rest = key.slice(higher[0].length);
    if (!LOWER_DIVISION.test(rest)) break;
    key = rest;
  }
  return key;
}
