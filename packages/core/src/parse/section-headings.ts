import type { SectionIR } from '../ir/template-ir.js';
import { editDistance } from './label-match.js';
import { matchKey } from './match-key.js';

/**
 * Finding the section headings of a report ("一、总体情况" … "六、其他需要报告的事项") in order.
 *
 * A line is a heading candidate when it starts with a Chinese numeral and 、 (or is a bare heading), and
 * what follows matches a section's heading or one of its aliases — exactly, or as a near miss with the
 * right numeral. The numeral alone decides nothing: table 3 numbers its rows 一、二、三、四 too
 * ("四、结转下年度继续办理" is a row, not section 四). Parenthesised numerals ("（一）…") are sub-headings.
 * Among all candidates the chain with sections in template order and the best total score wins, so a
 * stray line cannot pull a later section in front of an earlier one.
 */

/** A section heading found in the text. */
export interface HeadingMatch {
  /** Index of the section in the template. */
  section: number;
  match: 'exact' | 'alias' | 'near';
  /** The heading line (trimmed) and its range in the text. */
  text: string;
  start: number;
  end: number;
  /** Start of the line, before any Markdown or markup around the heading ("## ", "**"). */
  lineStart: number;
  /** End of the line, including its line break. */
  lineEnd: number;
}

/** "一、" (or 一. 一． 一， 一：, or the numeral and a space: "一 总体情况"), "第一部分". */
const NUMBERED = /^(?:第\s*([一二三四五六七八九十]{1,3})\s*部分\s*[、.．，,:：]?|([一二三四五六七八九十]{1,3})(?:\s*[、.．，,:：]|\s+(?=\S)))\s*/;
/** Markdown/markup around a heading line: "## 一、总体情况", "**一、总体情况**", "【一、总体情况】". */
const DECORATION = /^[#＃>*\s【]+|[*\s】]+$/g;
const PARENTHESISED = /^[(（]\s*[一二三四五六七八九十0-9]/;
/**
 * Other numbering styles of the parts: "（一）总体情况" (the form of sub-headings), "1、总体情况" / "1. 总体情况"
 * (Arabic numerals). A line in such a style is a heading only as a near miss (the numbering is not the
 * template's), with the right numeral, and only when at least {@link MIN_STYLED_HEADINGS} parts of the
 * report are numbered that way: a lone "（二）主动公开政府信息情况" is a sub-heading of 一、总体情况.
 */
const OTHER_STYLE = /^(?:[(（]\s*([一二三四五六七八九十]{1,3})\s*[)）]|([1-9１-９])\s*[、.．，,:：])\s*/;
const MIN_STYLED_HEADINGS = 3;
const NUMERALS = '一二三四五六七八九十';
/** Score taken from a heading with nothing under it before the next heading (a table-of-contents entry). */
const EMPTY_BODY_PENALTY = 1;
/** Headings are short; longer lines are prose. */
const MAX_HEADING_LINE = 80;

interface Candidate {
  section: number;
  score: number;
  match: HeadingMatch['match'];
  line: number;
  /** Numbered in another style (see {@link OTHER_STYLE}). */
  styled?: boolean;
}

/** The section headings of `text`, in text order and template order (at most one per section). */
export function findSectionHeadings(text: string, sections: SectionIR[]): HeadingMatch[] {
  const wanted = sections.map((s) => ({
    numeral: s.numeral,
    heading: matchKey(s.heading),
    aliases: s.aliases.map(matchKey).filter((k) => k !== ''),
  }));
  const lines: { text: string; start: number; end: number; lineStart: number; lineEnd: number }[] = [];
  const candidates: Candidate[] = [];
  // Whether some other text follows each candidate line before the next one: a heading with nothing
  // under it is likely an entry of a table of contents ("目录" listing the six parts before the body).
  const hasBody: boolean[] = [];
  let at = 0;
  while (at <= text.length) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    const rawLine = text.slice(at, nl);
    const trimmed = rawLine.replace(DECORATION, '');
    let candidate = false;
    if (trimmed !== '' && trimmed.length <= MAX_HEADING_LINE) {
      const found = PARENTHESISED.test(trimmed) || OTHER_STYLE.test(trimmed) ? scoreStyledLine(trimmed, wanted) : scoreLine(trimmed, wanted);
      if (found.length > 0) {
        candidate = true;
        const offset = at + rawLine.indexOf(trimmed);
        const line = lines.length;
        lines.push({ text: trimmed, start: offset, end: offset + trimmed.length, lineStart: at, lineEnd: Math.min(text.length, nl + 1) });
        hasBody.push(false);
        for (const f of found) candidates.push({ ...f, line });
      }
    }
    if (!candidate && trimmed.trim() !== '' && hasBody.length > 0) hasBody[hasBody.length - 1] = true;
    if (nl >= text.length) break;
    at = nl + 1;
  }
  for (const c of candidates) if (!hasBody[c.line]) c.score -= EMPTY_BODY_PENALTY;
  const styledSections = new Set(candidates.filter((c) => c.styled).map((c) => c.section));
  const usable = styledSections.size >= MIN_STYLED_HEADINGS ? candidates : candidates.filter((c) => !c.styled);
  return bestChain(usable, sections.length).map((c) => ({
    section: c.section,
    match: c.match,
    ...lines[c.line],
  }));
}

function scoreLine(
  line: string,
  wanted: { numeral: string; heading: string; aliases: string[] }[],
): Omit<Candidate, 'line'>[] {
  const m = NUMBERED.exec(line);
  const numeral = m ? (m[1] ?? m[2]) : '';
  const rest = matchKey(m ? line.slice(m[0].length) : line);
  if (rest === '' || (numeral !== '' && !NUMERALS.includes(numeral[0]))) return [];
  const out: Omit<Candidate, 'line'>[] = [];
  wanted.forEach((w, section) => {
    const sameNumeral = numeral === w.numeral;
    const numeralPenalty = numeral === '' || sameNumeral ? 0 : 3;
    if (rest === w.heading) {
      out.push({ section, score: 10 - numeralPenalty, match: numeralPenalty ? 'near' : 'exact' });
      return;
    }
    if (w.aliases.includes(rest)) {
      out.push({ section, score: 9 - numeralPenalty, match: numeralPenalty ? 'near' : 'alias' });
      return;
    }
    if (!sameNumeral) return;
    // Near misses need the right numeral: "五、存在问题及改进情况".
    for (const target of [w.heading, ...w.aliases]) {
      if (target.length < 4) continue;
      if (rest.startsWith(target) && rest.length - target.length <= 8) {
        out.push({ section, score: 7, match: 'near' });
        return;
      }
      const limit = Math.max(2, Math.floor(Math.max(rest.length, target.length) * 0.3));
      const d = editDistance(rest, target, limit);
      if (d <= limit) {
        out.push({ section, score: 5 - d / (limit + 1), match: 'near' });
        return;
      }
    }
  });
  return out;
}

/** A line numbered in another style: near misses of the section its numeral names, scored below the template's style. */
function scoreStyledLine(
  line: string,
  wanted: { numeral: string; heading: string; aliases: string[] }[],
): Omit<Candidate, 'line'>[] {
  const m = OTHER_STYLE.exec(line);
  if (!m) return [];
  const numeral = m[1] ?? NUMERALS[Number(m[2].replace(/[１-９]/u, (d) => String(d.charCodeAt(0) - 0xff10))) - 1];
  const rest = '一、' + line.slice(m[0].length);
  return scoreLine(rest.replace(/^一/u, numeral), wanted)
    .filter((c) => wanted[c.section].numeral === numeral)
    .map((c) => ({ section: c.section, score: c.score - 4, match: 'near' as const, styled: true }));
}

/** The chain of candidates with increasing lines and sections of the highest total score. */
function bestChain(candidates: Candidate[], sectionCount: number): Candidate[] {
  const bestEnd = new Array<number>(sectionCount).fill(0);
  const endCandidate = new Array<number>(sectionCount).fill(-1);
  const previous = new Array<number>(candidates.length).fill(-1);
  let i = 0;
  while (i < candidates.length) {
    let j = i;
    while (j < candidates.length && candidates[j].line === candidates[i].line) j++;
    // Candidates of one line chain onto earlier lines only.
    const updates: { section: number; value: number; index: number; prev: number }[] = [];
    for (let c = i; c < j; c++) {
      const cand = candidates[c];
      let prefix = 0;
      let prev = -1;
      for (let s = 0; s < cand.section; s++) {
        if (bestEnd[s] > prefix) {
          prefix = bestEnd[s];
          prev = endCandidate[s];
        }
      }
      updates.push({ section: cand.section, value: prefix + cand.score, index: c, prev });
    }
    for (const u of updates) {
      if (u.value > bestEnd[u.section]) {
        bestEnd[u.section] = u.value;
        endCandidate[u.section] = u.index;
        previous[u.index] = u.prev;
      }
    }
    i = j;
  }
  let top = -1;
  let topValue = 0;
  for (let s = 0; s < sectionCount; s++) {
    if (bestEnd[s] > topValue) {
      topValue = bestEnd[s];
      top = endCandidate[s];
    }
  }
  const chain: Candidate[] = [];
  for (let c = top; c >= 0; c = previous[c]) chain.unshift(candidates[c]);
  return chain;
}
