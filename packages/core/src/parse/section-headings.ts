import type { SectionIR } from '../ir/template-ir.js';
import { editDistance, prefixEditDistance } from './label-match.js';
import { firstKeyUnitIn, keyCharEnd, keyText, matchKey } from './match-key.js';
import { isWhiteSpaceCode } from './white-space.js';

/**
 * Finding the section headings of a report ("一、总体情况" … "六、其他需要报告的事项") in order.
 *
 * A line is a heading candidate when it starts with a Chinese numeral and 、 (or is a bare heading), and
 * what follows matches a section's heading or one of its aliases — exactly, or as a near miss with the
 * right numeral. The numeral alone decides nothing: table 3 numbers its rows 一、二、三、四 too
 * ("四、结转下年度继续办理" is a row, not section 四). Parenthesised numerals ("（一）…") are sub-headings.
 * A heading may also stand inside a line, after prose or a table's last value, its body running on (a
 * report whose line breaks were lost): see `findInlineHeadings`.
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
function isLeadingDecoration(c: number): boolean {
  return c === 0x23 /* # */ || c === 0xff03 /* ＃ */ || c === 0x3e /* > */ || c === 0x2a /* * */ || c === 0x3010 /* 【 */ || isWhiteSpaceCode(c);
}
function isTrailingDecoration(c: number): boolean {
  return c === 0x2a /* * */ || c === 0x3011 /* 】 */ || isWhiteSpaceCode(c);
}
/**
 * The part of `text` in [from, to) without the decoration around a heading line, as offsets: scanned
 * from both ends (no slice of the line, no expression, which on a long line would cost the square of its
 * length unanchored).
 */
function undecorated(text: string, from: number, to: number): { start: number; end: number } {
  let start = from;
  while (start < to && isLeadingDecoration(text.charCodeAt(start))) start++;
  let end = to;
  while (end > start && isTrailingDecoration(text.charCodeAt(end - 1))) end--;
  return { start, end };
}
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
/**
 * A numbered heading start inside a line: "二、", "第二部分". Its spaces are those of a line (`\s` but the
 * line break): searched in the whole text, a match never runs into the next line.
 */
const INLINE_NUMBERED = /(?:第[^\S\n]*([一二三四五六七八九十]{1,3})[^\S\n]*部分[^\S\n]*[、.．，,:：]?|([一二三四五六七八九十]{1,3})[^\S\n]*[、.．，,:：])[^\S\n]*/gu;

/**
 * The matches of {@link INLINE_NUMBERED} in a text, asked for line after line: the search runs over the
 * whole text (no slice of each line) and a match found beyond the line asked about is kept for the line
 * it is on, so the text is scanned about once, not once per line up to the next match.
 */
class InlineNumerals {
  private readonly pattern = new RegExp(INLINE_NUMBERED.source, INLINE_NUMBERED.flags);
  /** The match found last, and the offset its search started from. */
  private found: RegExpExecArray | null = null;
  private searchedFrom = -1;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  /** The first match starting at `from` or later, if it starts before `to`. */
  next(from: number, to: number): RegExpExecArray | null {
    // The match kept is the first from `searchedFrom`: it is the first from `from` too when it starts there or later.
    const reusable = this.searchedFrom >= 0 && this.searchedFrom <= from && (this.found === null || this.found.index >= from);
    if (!reusable) {
      this.pattern.lastIndex = from;
      this.found = this.pattern.exec(this.text);
      this.searchedFrom = from;
    }
    return this.found !== null && this.found.index < to ? this.found : null;
  }
}
/** How far after an inline numeral a heading is looked for (the longest heading and a few edits). */
const INLINE_WINDOW = 48;
/** Score taken from a heading inside a line (a heading on a line of its own wins a tie). */
const INLINE_PENALTY = 0.5;
const HAN = /\p{Script=Han}/u;
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

/** A place in the text that may be a heading: its range, where its body starts, and what it may head. */
interface Spot {
  text: string;
  start: number;
  end: number;
  lineStart: number;
  lineEnd: number;
}

/**
 * The section headings of `text`, in text order and template order (at most one per section). The
 * headings of the last text asked are kept and given again for the same text and sections (a fix's
 * re-check asks for those of the checked text again, see `check/cell-edits.ts`): the result is shared,
 * never to be changed.
 */
export function findSectionHeadings(text: string, sections: SectionIR[]): readonly HeadingMatch[] {
  if (lastSearch !== undefined && lastSearch.sections === sections && lastSearch.text === text) return lastSearch.found;
  const found = searchSectionHeadings(text, sections);
  lastSearch = { text, sections, found };
  return found;
}

/** The last search of {@link findSectionHeadings}. */
let lastSearch: { text: string; sections: SectionIR[]; found: readonly HeadingMatch[] } | undefined;

function searchSectionHeadings(text: string, sections: SectionIR[]): HeadingMatch[] {
  const { wanted, scored, firstUnits } = lineScores(sections);
  const spots: Spot[] = [];
  const candidates: Candidate[] = [];
  const addSpot = (spot: Spot, found: Omit<Candidate, 'line'>[]): void => {
    const line = spots.length;
    spots.push(spot);
    for (const f of found) candidates.push({ ...f, line });
  };
  const inline = new InlineNumerals(text);
  let at = 0;
  while (at <= text.length) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    // The line without its decoration (see `undecorated`, written out here: no object per line).
    let trimStart = at;
    while (trimStart < nl && isLeadingDecoration(text.charCodeAt(trimStart))) trimStart++;
    let trimEnd = nl;
    while (trimEnd > trimStart && isTrailingDecoration(text.charCodeAt(trimEnd - 1))) trimEnd--;
    const lineEnd = Math.min(text.length, nl + 1);
    let inlineFrom = at;
    if (trimStart < trimEnd && trimEnd - trimStart <= MAX_HEADING_LINE) {
      // The line's own start is judged as a whole line; inline headings are looked for after it.
      inlineFrom = trimStart + 1;
      if (firstUnits === null || mayStartHeading(text, trimStart, trimEnd, firstUnits)) {
        const trimmed = text.slice(trimStart, trimEnd);
        let found = scored.get(trimmed);
        if (found === undefined) {
          found = scoreAnyLine(trimmed, wanted);
          if (scored.size >= SCORED_LINES) scored.clear();
          scored.set(trimmed, found);
        }
        if (found.length > 0) addSpot({ text: trimmed, start: trimStart, end: trimEnd, lineStart: at, lineEnd }, found);
      }
    }
    findInlineHeadings(text, inlineFrom, nl, wanted, addSpot, inline);
    if (nl >= text.length) break;
    at = nl + 1;
  }
  // A heading with nothing under it before the next candidate is likely an entry of a table of contents
  // ("目录" listing the six parts before the body).
  // Candidates are in spot order: one pass over both.
  let c = 0;
  spots.forEach((spot, i) => {
    const next = i + 1 < spots.length ? spots[i + 1].start : text.length;
    const empty = !(next < spot.lineEnd || hasText(text, spot.lineEnd, next));
    for (; c < candidates.length && candidates[c].line === i; c++) if (empty) candidates[c].score -= EMPTY_BODY_PENALTY;
  });
  const styledSections = new Set(candidates.filter((c) => c.styled).map((c) => c.section));
  const usable = styledSections.size >= MIN_STYLED_HEADINGS ? candidates : candidates.filter((c) => !c.styled);
  return bestChain(usable, sections.length).map((c) => ({
    section: c.section,
    match: c.match,
    ...spots[c.line],
  }));
}

/**
 * Headings inside a line, after prose or a table's last value ("…切实提升质效。二、主动公开政府信息情况第二十条…",
 * a report whose line breaks were lost): a numeral and 、 (or "第N部分") followed by a section's heading or
 * alias, or a near miss of it with the right numeral (the same tolerance as a heading line, measured on the
 * best prefix of what follows, since the body runs on without a break). A near miss must not follow a
 * Chinese character ("…总体情况" inside a sentence). Scored a little below a heading on a line of its own.
 */
function findInlineHeadings(
  text: string,
  from: number,
  to: number,
  wanted: Wanted[],
  addSpot: (spot: Spot, found: Omit<Candidate, 'line'>[]) => void,
  inline: InlineNumerals = new InlineNumerals(text),
): void {
  if (from >= to) return;
  for (let m = inline.next(from, to); m; m = inline.next(from, to)) {
    const numeral = m[1] ?? m[2];
    const start = m.index;
    const after = start + m[0].length;
    // The search goes on after this match (a match is never empty).
    from = after;
    if (!NUMERALS.includes(numeral[0]) || after >= to) continue;
    const window = keyText(text, after, Math.min(to, after + INLINE_WINDOW));
    const boundary = start === 0 || !HAN.test(text[start - 1]);
    // The best section (the first of the best score), without a closure or array per section and match.
    let found: Omit<Candidate, 'line'> | null = null;
    let keyEnd = 0;
    for (let section = 0; section < wanted.length; section++) {
      const got = inlineSectionScore(wanted[section], numeral, boundary, window.key);
      if (got !== null && (found === null || got.score > found.score)) {
        found = { section, score: got.score - INLINE_PENALTY, match: got.match };
        keyEnd = got.keyEnd;
      }
    }
    if (found === null) continue;
    const end = keyEnd > 0 && keyEnd <= window.starts.length ? keyCharEnd(text, window, keyEnd - 1) : after;
    let bodyStart = end;
    while (bodyStart < to && isWhiteSpaceCode(text.charCodeAt(bodyStart))) bodyStart++;
    addSpot({ text: text.slice(start, end), start, end, lineStart: start, lineEnd: bodyStart >= to ? Math.min(text.length, to + 1) : bodyStart }, [found]);
    from = Math.max(from, end);
  }
}

/**
 * How well the key after an inline numeral (`key`) starts with the heading of `w`: its heading or longest
 * alias (a near miss when the numeral is another), or, with the right numeral and at a word boundary, a
 * near miss of its heading or an alias; the score before the inline penalty, and the key length matched.
 */
function inlineSectionScore(
  w: Wanted,
  numeral: string,
  boundary: boolean,
  key: string,
): { score: number; match: HeadingMatch['match']; keyEnd: number } | null {
  const penalty = numeral === w.numeral ? 0 : 3;
  if (key.startsWith(w.heading)) return { score: 10 - penalty, match: penalty ? 'near' : 'exact', keyEnd: w.heading.length };
  // The longest alias the key starts with (the first of them on a tie).
  let alias = '';
  for (let a = 0; a < w.aliases.length; a++) if (w.aliases[a].length > alias.length && key.startsWith(w.aliases[a])) alias = w.aliases[a];
  if (alias !== '') return { score: 9 - penalty, match: penalty ? 'near' : 'alias', keyEnd: alias.length };
  if (penalty || !boundary) return null;
  for (let t = -1; t < w.aliases.length; t++) {
    const target = t < 0 ? w.heading : w.aliases[t];
    if (target.length < 4) continue;
    const limit = Math.max(2, Math.floor(target.length * 0.3));
    const near = prefixEditDistance(target, key, 0, limit);
    if (near && near.end > 0) return { score: 5 - near.distance / (limit + 1), match: 'near', keyEnd: near.end };
  }
  return null;
}

/**
 * The sections' headings as match keys, and the scores of the lines met lately (a line's score depends on
 * the line alone): table rows, sub-headings and the headings themselves recur in every report and in
 * every re-check. Per section list (one per template); bounded, emptied when full.
 */
const lineScoreCache = new WeakMap<readonly SectionIR[], LineScores>();
const SCORED_LINES = 5_000;

/** What {@link findSectionHeadings} keeps per section list. */
interface LineScores {
  wanted: Wanted[];
  scored: Map<string, Omit<Candidate, 'line'>[]>;
  /**
   * The first match-key units of the headings and aliases: an unnumbered line matches one only by its
   * whole key, so a line whose key starts otherwise heads nothing (see {@link mayStartHeading}). Null when
   * a section has no numeral: an unnumbered line may then be a near miss of its heading, starting anyhow.
   */
  firstUnits: UnitSet | null;
}

function lineScores(sections: readonly SectionIR[]): LineScores {
  let cached = lineScoreCache.get(sections);
  if (!cached) {
    const wanted = sections.map((s) => ({
      numeral: s.numeral,
      heading: matchKey(s.heading),
      aliases: s.aliases.map(matchKey).filter((k) => k !== ''),
    }));
    const firstUnits = wanted.some((w) => w.numeral === '')
      ? null
      : unitSet(wanted.flatMap((w) => [w.heading, ...w.aliases]).filter((k) => k !== '').map((k) => k.charCodeAt(0)));
    cached = { wanted, scored: new Map(), firstUnits };
    lineScoreCache.set(sections, cached);
  }
  return cached;
}

/** Flag of {@link LINE_START_UNITS}: 第, the numerals 一 … 十 and the brackets that start the numbered and parenthesised heading lines. */
const NUMBERING_START = 1;
/** Flags of {@link LINE_START_UNITS}: the digits of the Arabic-numbered style ("1、总体情况"), and the marks after them (see `OTHER_STYLE`). */
const STYLE_DIGIT = 2;
const STYLE_MARK = 4;
/** The flags above of every UTF-16 unit, in one table (one look-up for all three). */
const LINE_START_UNITS = lineStartUnits();

function lineStartUnits(): Uint8Array {
  const units = new Uint8Array(0x10000);
  for (const c of '第一二三四五六七八九十(（') units[c.charCodeAt(0)] |= NUMBERING_START;
  for (const c of '123456789１２３４５６７８９') units[c.charCodeAt(0)] |= STYLE_DIGIT;
  for (const c of '、.．，,:：') units[c.charCodeAt(0)] |= STYLE_MARK;
  return units;
}

/**
 * Whether the line `text[from, to)` (trimmed, without its line break) may score as a heading line: it
 * starts as a numbered or otherwise styled heading does (see `NUMBERED`, `PARENTHESISED`, `OTHER_STYLE`:
 * each anchored at the line's start), or its match key starts with the first unit of a heading or an
 * alias (see `LineScores.firstUnits`). Decided without slicing the line: most lines of a report are
 * neither, and a slice of each, looked up in the scores, cost more than the rest of the search.
 */
function mayStartHeading(text: string, from: number, to: number, firstUnits: UnitSet): boolean {
  const first = LINE_START_UNITS[text.charCodeAt(from)];
  if ((first & NUMBERING_START) !== 0) return true;
  // A digit, spaces and a mark: "1、", "２．" (a line of a value, "12", is none).
  if ((first & STYLE_DIGIT) !== 0) {
    let i = from + 1;
    while (i < to && isWhiteSpaceCode(text.charCodeAt(i))) i++;
    if (i < to && (LINE_START_UNITS[text.charCodeAt(i)] & STYLE_MARK) !== 0) return true;
  }
  // The match key of the line is the keys of its code points in turn (see `matchKey`): its first unit is
  // that of the first code point with a key.
  const unit = firstKeyUnitIn(text, from, to);
  return unit >= 0 && firstUnits[unit] === 1;
}

/**
 * A set of UTF-16 units as a table, 1 for a member: asked of nearly every line of a report, a look-up by
 * index instead of a hashed one.
 */
type UnitSet = Uint8Array;

function unitSet(units: readonly number[]): UnitSet {
  const set = new Uint8Array(0x10000);
  for (const unit of units) set[unit] = 1;
  return set;
}

/** Whether [from, to) of `text` holds anything but whitespace. */
function hasText(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isWhiteSpaceCode(text.charCodeAt(i))) return true;
  return false;
}

interface Wanted {
  numeral: string;
  heading: string;
  aliases: string[];
}

/**
 * The sections a heading line (trimmed, without its decoration) may head and how well, as the finder
 * scores it; for tests.
 */
export function headingLineScores(
  line: string,
  sections: readonly SectionIR[],
): { section: number; score: number; match: HeadingMatch['match']; styled?: boolean }[] {
  return scoreAnyLine(line, lineScores(sections).wanted);
}

/** A heading line's candidates: numbered in another style (see {@link OTHER_STYLE}) or in the template's. */
function scoreAnyLine(line: string, wanted: Wanted[]): Omit<Candidate, 'line'>[] {
  return PARENTHESISED.test(line) || OTHER_STYLE.test(line) ? scoreStyledLine(line, wanted) : scoreLine(line, wanted);
}

function scoreLine(
  line: string,
  wanted: Wanted[],
): Omit<Candidate, 'line'>[] {
  const m = NUMBERED.exec(line);
  const numeral = m ? (m[1] ?? m[2]) : '';
  const rest = matchKey(m ? line.slice(m[0].length) : line);
  if (rest === '' || (numeral !== '' && !NUMERALS.includes(numeral[0]))) return [];
  const out: Omit<Candidate, 'line'>[] = [];
  for (let section = 0; section < wanted.length; section++) {
    const got = sectionScore(wanted[section], numeral, rest);
    if (got !== null) out.push({ section, score: got.score, match: got.match });
  }
  return out;
}

/**
 * How well a heading line numbered `numeral` ('' for none) whose rest has the key `rest` heads the
 * section `w`: its heading or an alias (a near miss with another numeral), or, with the right numeral, a
 * near miss of one; null when not at all.
 */
function sectionScore(w: Wanted, numeral: string, rest: string): { score: number; match: HeadingMatch['match'] } | null {
  const sameNumeral = numeral === w.numeral;
  const numeralPenalty = numeral === '' || sameNumeral ? 0 : 3;
  if (rest === w.heading) return { score: 10 - numeralPenalty, match: numeralPenalty ? 'near' : 'exact' };
  if (w.aliases.includes(rest)) return { score: 9 - numeralPenalty, match: numeralPenalty ? 'near' : 'alias' };
  if (!sameNumeral) return null;
  // Near misses need the right numeral: "五、存在问题及改进情况".
  for (let t = -1; t < w.aliases.length; t++) {
    const target = t < 0 ? w.heading : w.aliases[t];
    if (target.length < 4) continue;
    if (rest.startsWith(target) && rest.length - target.length <= 8) return { score: 7, match: 'near' };
    const limit = Math.max(2, Math.floor(Math.max(rest.length, target.length) * 0.3));
    const d = editDistance(rest, target, limit);
    if (d <= limit) return { score: 5 - d / (limit + 1), match: 'near' };
  }
  return null;
}

/**
 * A line numbered in another style: near misses of the section its numeral names, scored below the
 * template's style. Scored as the line numbered in the template's style would be ("（二）…" as "二、…"),
 * for the sections of its numeral only (no other may take a styled line).
 */
function scoreStyledLine(
  line: string,
  wanted: Wanted[],
): Omit<Candidate, 'line'>[] {
  const m = OTHER_STYLE.exec(line);
  if (!m) return [];
  const numeral = m[1] ?? NUMERALS[Number(m[2].replace(/[１-９]/u, (d) => String(d.charCodeAt(0) - 0xff10))) - 1];
  // What follows the numbering (`OTHER_STYLE` takes the spaces after it, as `NUMBERED` would after "二、").
  const rest = matchKey(line.slice(m[0].length));
  if (rest === '') return [];
  const out: Omit<Candidate, 'line'>[] = [];
  for (let section = 0; section < wanted.length; section++) {
    if (wanted[section].numeral !== numeral) continue;
    const got = sectionScore(wanted[section], numeral, rest);
    if (got !== null) out.push({ section, score: got.score - 4, match: 'near', styled: true });
  }
  return out;
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

/**
 * Whether one line (without its line break) gives {@link findSectionHeadings} anything: a heading line
 * or a heading inside it. The finder judges every line on its own, so a line for which this is false,
 * before and after an edit, leaves the headings found where they were (shifted by the edit).
 */
export function lineMayHoldHeading(line: string, sections: readonly SectionIR[]): boolean {
  const { wanted } = lineScores(sections);
  const { start, end } = undecorated(line, 0, line.length);
  const trimmed = line.slice(start, end);
  let inlineFrom = 0;
  if (trimmed !== '' && trimmed.length <= MAX_HEADING_LINE) {
    const found = scoreAnyLine(trimmed, wanted);
    if (found.length > 0) return true;
    inlineFrom = start + 1;
  }
  let inline = false;
  findInlineHeadings(line, inlineFrom, line.length, wanted, () => (inline = true));
  return inline;
}
