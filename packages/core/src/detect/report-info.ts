import type { OffsetRange, ReportInfo } from '../model/report.js';
import type { TextView } from '../read/text-view.js';
import { rangeToOriginal } from '../read/view-range.js';

/**
 * Report year and agency, read from the title or the first paragraph. No title format is prescribed;
 * in practice it is "<机关名称><年份>年政府信息公开工作年度报告", possibly split over lines, with spaces
 * ("2020 年"), "年度", "关于…的报告", or quoted in the first sentence ("现发布《…年度报告》"). The year
 * may also come from the statistics period ("统计期限为2020年1月1日至…").
 */

/** How far into the document the title is looked for. */
const HEAD = 4000;
const AGENCY = '[^\\s《》<>〈〉“”"\'‘’「」，。,.；;：:【】[\\]、！!？?#＃*]';
const TITLE = new RegExp(
  `(${AGENCY}{2,40}?)(?:关于)?((?:19|20)\\d{2})年度?(?:的)?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:的)?(?:年度)?(?:工作)?报告`,
  'u',
);
/**
 * {@link TITLE} from the year on. A match of TITLE has one of these at its year, 2 to 42 characters after
 * its start (the agency and 关于): TITLE is looked for only from 42 characters before the first of them
 * (the same match, without trying the agency at every character of a head that has no title).
 */
const TITLE_TAIL = /(?:19|20)\d{2}年度?(?:的)?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:的)?(?:年度)?(?:工作)?报告/u;
/** The longest stretch of a TITLE match before its year: 40 characters of agency and 关于. */
const TITLE_LEAD = 42;
const TITLE_FROM = new RegExp(TITLE.source, 'gu');
/** The year first: "2020年示例局政府信息公开工作年度报告". */
const TITLE_YEAR_FIRST = new RegExp(
  `((?:19|20)\\d{2})年度?(${AGENCY}{2,40}?)(?:政府信息公开|政务公开)(?:工作)?(?:的)?(?:年度)?(?:工作)?报告`,
  'u',
);
const PERIOD = /(?:统计期限|统计期间|统计时限|统计时间|统计数据|统计口径|数据统计)[^。；;]{0,16}?((?:19|20)\d{2})年(?:1|01)月(?:1|01)日/u;
const PERIOD_RANGE = /((?:19|20)\d{2})年(?:1|01)月(?:1|01)日(?:起)?(?:至|到|-|—|~)\1年12月31日/u;
const YEAR_TITLE = /((?:19|20)\d{2})年度?(?:政府信息公开|政务公开)/u;
/** Chinese digits by value; 零 and ○ (for 〇) are not in the string and read as 0. */
const CHINESE_DIGITS = '〇一二三四五六七八九';
/** "二〇二〇年": a year written in Chinese digits (four of them, before 年). */
const CHINESE_YEAR = /[二一][〇零○][〇零○一二三四五六七八九]{2}(?=年)/gu;
const LEADING_WORDS = /^(?:现将|现予|现发布|特发布|发布|公布|印发|关于|本|我)+/u;
/**
 * Web-page navigation run into the title when a page's text lost its separators ("首页政务公开政府信息公开年报
 * 平潭…年度报告"): breadcrumb words no agency name starts with.
 */
const PAGE_CHROME = /^(?:当前位置|您的位置|您当前的位置|当前的位置|所在位置|位置|网站首页|首页|主页|政务公开|政府信息公开(?:工作)?(?:年度报告|年报|专栏|目录|平台)?|信息公开(?:年度报告|年报|目录)?|(?:工作)?年度报告|(?:公开)?年报|法定主动公开内容|主动公开|正文)+/u;
const FIRST_SECTION = /(?:^|\n)[ \t#*]*(?:一|1)\s*[、.．]/u;

/**
 * How far into `text` {@link readReportInfo} reads: the end of its head (see {@link headOf}), or of the
 * first section's numeral that decided it when that lies further. Another text that is the same up to
 * there and at least as long has the same head: its first match of the numeral is the same (one starting
 * before it but reaching further would cross that numeral's characters, none of them a space), so is its
 * head's end; and nothing else of the text is read. A view of it that maps every offset up to there to
 * the original text as the view of `text` does has the same report info.
 */
export function reportInfoReach(text: string): number {
  return headOf(text).reach;
}

/**
 * The head of `text` read for its title (`end`): its first {@link HEAD} characters, cut before the first
 * section's numeral (not before 600 characters) when one is there and not at the start; and how far the
 * cut looked (`reach`, see {@link reportInfoReach}).
 */
function headOf(text: string): { end: number; reach: number } {
  const length = Math.min(text.length, HEAD);
  const first = FIRST_SECTION.exec(text.slice(0, length));
  if (!first || first.index === 0) return { end: length, reach: length };
  const end = Math.max(first.index, Math.min(length, 600));
  return { end, reach: Math.max(end, first.index + first[0].length) };
}

/** The offsets of the head's kept characters (see `read`; it does not call itself). */
let keptOffsets: Int32Array | undefined;

/** Reads year and agency from a report's text (or a view of it: ranges then point into the original). */
export function readReportInfo(input: string | TextView): ReportInfo {
  try {
    return read(input);
  } catch {
    return { year: null, agency: null };
  }
}

function read(input: string | TextView): ReportInfo {
  const text = typeof input === 'string' ? input : input.text;
  const headEnd = headOf(text).end;
  // The head without whitespace, with the offset of each kept character.
  // (Written into one buffer kept for every call: no array grown while it fills.)
  const kept = (keptOffsets ??= new Int32Array(HEAD));
  let count = 0;
  // Copied a run of kept characters at a time, not one character at a time.
  let compact = '';
  let run = 0;
  for (let i = 0; i < headEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x3000) {
      if (i > run) compact += text.slice(run, i);
      run = i + 1;
      continue;
    }
    kept[count++] = i;
  }
  if (headEnd > run) compact += text.slice(run, headEnd);
  // Past its end, as past an array's, an index reads undefined.
  const offsets = kept.subarray(0, count);
  compact = compact.replace(CHINESE_YEAR, (y) => [...y].map((d) => String(Math.max(0, CHINESE_DIGITS.indexOf(d)))).join(''));
  const toRange = (from: number, to: number): OffsetRange => {
    const range = { start: offsets[from] ?? 0, end: to > from ? offsets[to - 1] + 1 : (offsets[from] ?? 0) };
    return typeof input === 'string' ? range : rangeToOriginal(input, range);
  };
  let year: number | null = null;
  let agency: string | null = null;
  let titleRange: OffsetRange | undefined;
  const title = titleIn(compact);
  const yearFirst = title ? null : TITLE_YEAR_FIRST.exec(compact);
  let found = title ? { at: title.index, text: title[0], year: title[2], name: title[1] } : yearFirst ? { at: yearFirst.index, text: yearFirst[0], year: yearFirst[1], name: yearFirst[2] } : null;
  if (title && found) {
    // The agency is on the title's own line when that line names one: a line above (a breadcrumb such as
    // "当前位置：首页 > 政府信息公开年报") is not part of it; an agency alone on the line above is.
    const cut = lastLineStart(text, offsets, found.at, found.at + found.name.length);
    if (cut > found.at && /[\u3400-\u9fff]{2,}/u.test(compact.slice(cut, found.at + found.name.length).replace(LEADING_WORDS, ''))) {
      const drop = cut - found.at;
      found = { at: cut, text: found.text.slice(drop), year: found.year, name: found.name.slice(drop) };
    }
  }
  if (found) {
    year = Number(found.year);
    const chrome = PAGE_CHROME.exec(found.name)?.[0].length ?? 0;
    if (chrome > 0 && chrome < found.name.length) {
      found = { at: found.at + chrome, text: found.text.slice(chrome), year: found.year, name: found.name.slice(chrome) };
    }
    const name = found.name.replace(LEADING_WORDS, '');
    if (/[\u3400-\u9fff]{2,}/u.test(name) && !/^[\d（(]/.test(name)) agency = name;
    titleRange = toRange(found.at, found.at + found.text.length);
  }
  if (year === null) {
    const period = PERIOD.exec(compact) ?? PERIOD_RANGE.exec(compact) ?? YEAR_TITLE.exec(compact);
    if (period) {
      year = Number(period[1]);
      titleRange = toRange(period.index, period.index + period[0].length);
    }
  }
  return { year, agency, ...(titleRange ? { titleRange } : {}) };
}

/** `TITLE.exec(compact)`, looked for only where a match can start (see {@link TITLE_TAIL}). */
function titleIn(compact: string): RegExpExecArray | null {
  const tail = TITLE_TAIL.exec(compact);
  if (tail === null) return null;
  TITLE_FROM.lastIndex = Math.max(0, tail.index - TITLE_LEAD);
  return TITLE_FROM.exec(compact);
}

/** The compact index in [from, to) of the first character after the last line break there, or `from`. */
function lastLineStart(text: string, offsets: Int32Array, from: number, to: number): number {
  for (let k = to - 1; k > from; k--) {
    if (text.slice(offsets[k - 1] + 1, offsets[k]).includes('\n')) return k;
  }
  return from;
}
