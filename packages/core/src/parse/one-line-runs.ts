import { KeyPhrases, keyCharEnd, keyText, type KeyedText } from './match-key.js';
import { nearMissLimit, prefixEditDistance, type LabelPattern } from './label-match.js';
import type { TablePlan } from './table-plan.js';

/**
 * The one-line runs layout family: tables whose text lost its line structure (a web page extracted to
 * text, a crawl that joined every line), so that rows run into each other and every row's numbers are
 * glued to its label and to the next row's label ("一、本年新收政府信息公开申请数量640020470二、上年结转…",
 * "1.属于国家秘密00000002.其他法律…", table 4's fifteen cells as one digit run after its header).
 *
 * The family restores the rows: it finds the template's captions and row labels anywhere in the text —
 * on a match key that keeps the digits, so a label whose enumerator is glued to the previous row's
 * digits ("…00000002.其他…") is found at its own digit — and the start of an unlabelled row's values
 * after its column header, and returns them as virtual line breaks. The cell stream cuts its lines
 * there (lines marked `runOn`), and the rows are then read as rows of glued digits: split by the table's
 * own arithmetic across rows and columns, each cell marked as an arithmetic split, and a row that no
 * split or several splits fit left unread and said to be ambiguous (see row-alignment.ts, glued-rows.ts).
 *
 * Linear: one key of the zone, and a forward search per label (each `indexOf` bounded by the zone).
 */

/** A line at least this long may hold several rows (it is looked at for two row labels). */
const RUN_ON_LINE = 16;
/** A label is searched for at most this far (key characters) past the previous one. */
const LABEL_REACH = 4000;

/**
 * The virtual line breaks that restore the rows of the tables `plans` (in text order) in the zone
 * [start, end) of `text`, or null when the zone keeps its line structure (no line holds the starts of
 * two leaf rows). Sorted, inside (start, end).
 */
export function findRunOnBreaks(text: string, start: number, end: number, plans: readonly TablePlan[]): number[] | null {
  if (!mayRunOn(text, start, end, plans)) return null;
  const keyed = keyText(text, start, end);
  const breaks: number[] = [];
  let cursor = 0;
  let runOn = false;
  const hasLineBreak = lineBreakFinder(text);
  for (const plan of plans) {
    if (plan.caption) {
      const found = keyed.key.slice(cursor, cursor + LABEL_REACH * 4).indexOf(plan.caption.key);
      const at = found < 0 ? -1 : cursor + found;
      if (at >= 0) {
        breaks.push(openingStart(text, keyed.starts[at], at > 0 ? keyCharEnd(text, keyed, at - 1) : start));
        cursor = at + plan.caption.key.length;
      }
    }
    if (plan.unlabelled) {
      const at = valuesAfterHeader(text, keyed, plan, cursor);
      if (at >= 0) {
        const offset = keyed.starts[at];
        breaks.push(offset);
        // The values run on from the header's last label: no line break between them.
        const headerEnd = at > 0 ? keyCharEnd(text, keyed, at - 1) : start;
        if (!/[\n\r\u2028\u2029]/u.test(text.slice(headerEnd, offset))) runOn = true;
        const after = valueRunEnd(text, offset, end);
        if (after > 0) breaks.push(after);
        cursor = at;
      }
      continue;
    }
    const found = anchorLabels(keyed, plan, cursor);
    // A numbered label not recognised (a typo beyond the near-miss tolerance) still starts a row: its
    // enumerator is not the last digit of the previous row's values ("…0 12.其他法律行政止公开").
    for (let h = 0; h + 1 < found.length; h++) {
      breaks.push(...enumeratorStarts(text, keyCharEnd(text, keyed, found[h].keyEnd - 1), keyed.starts[found[h + 1].keyStart]));
    }
    let previousLeaf = -1;
    for (const hit of found) {
      const offset = openingStart(text, keyed.starts[hit.keyStart], hit.keyStart > 0 ? keyCharEnd(text, keyed, hit.keyStart - 1) : start);
      breaks.push(offset);
      if (hit.leaf) {
        if (previousLeaf >= 0 && !hasLineBreak(previousLeaf, offset)) runOn = true;
        previousLeaf = offset;
      }
      cursor = hit.keyEnd;
    }
    const last = found.at(-1);
    if (last) {
      // Whatever follows the last row's values (a table printed without its heading, prose) is no part of it.
      const after = valueRunEnd(text, keyCharEnd(text, keyed, last.keyEnd - 1), end);
      if (after > 0) breaks.push(after);
    }
  }
  if (!runOn) return null;
  const sorted = [...new Set(breaks)].filter((b) => b > start && b < end).sort((a, b) => a - b);
  return sorted.length > 0 ? sorted : null;
}

/** An Arabic enumerator followed by a label, maybe glued to the digits before it: "…0 12.其他…" (at the "2"). */
const GLUED_ENUMERATOR = /[1-9１-９](?=[.．、]\s*\p{Script=Han})/gu;

function enumeratorStarts(text: string, from: number, to: number): number[] {
  if (to - from > MAX_GAP * 4) return [];
  return [...text.slice(from, to).matchAll(GLUED_ENUMERATOR)].map((m) => from + m.index);
}

/** Characters of a run of values: digits, separators, signs, blank markers, units and approximation words. */
const VALUE_CHAR = /[0-9０-９\s\u00a0\u3000.,，．。:：%％/／\\|｜+\-－—–―−﹣万元千亿百余约近增减件个项条次]/u;
/** A run of values is looked at up to this many characters. */
const MAX_VALUE_RUN = 600;

/**
 * Where the run of values that starts at `from` ends when text follows it on the same line (a Chinese or
 * Latin letter that is no value word), or -1 (the run ends at a line break, at `end`, or is too long).
 */
function valueRunEnd(text: string, from: number, end: number): number {
  const limit = Math.min(end, from + MAX_VALUE_RUN);
  let digits = false;
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return -1;
    if (VALUE_CHAR.test(c)) {
      if (!digits && /[0-9０-９]/u.test(c)) digits = true;
      continue;
    }
    return digits ? i : -1;
  }
  return -1;
}

/** The start of a label whose key starts at `offset`, with the opening brackets before it ("（一）"), not before `floor`. */
function openingStart(text: string, offset: number, floor: number): number {
  let at = offset;
  while (at > floor && OPENING.includes(text[at - 1])) at--;
  return at;
}

const OPENING = '（(［[【〔“"‘「『';

/** Whether a line break stands in [from, to); calls must come with increasing `from` (one scan in all). */
function lineBreakFinder(text: string): (from: number, to: number) => boolean {
  let nl = -2;
  return (from, to) => {
    if (nl !== -1 && nl < from) nl = text.indexOf('\n', from);
    return nl >= 0 && nl < to;
  };
}

/**
 * A cheap first look, so that texts with line structure cost nothing more: some line holds two leaf
 * labels (it is long, and their keys occur in it), or digits follow text on a line with at least as many
 * digits as an unlabelled row has cells (table 4's header and its fifteen values on one line).
 */
export function mayRunOn(text: string, start: number, end: number, plans: readonly TablePlan[]): boolean {
  let cells = Infinity;
  for (let p = 0; p < plans.length; p++) if (plans[p].unlabelled) cells = Math.min(cells, plans[p].table.leafColumns.length);
  // Text after a number (a row's values, then the next row's label), searched in the zone once: a match
  // found beyond the line asked about is kept for the line it is on.
  const zone = text.slice(start, end);
  const numbers = TEXT_AFTER_NUMBERS;
  let number: RegExpExecArray | null | undefined;
  let lineStart = start;
  while (lineStart < end) {
    let nl = text.indexOf('\n', lineStart);
    if (nl < 0 || nl > end) nl = end;
    if (nl - lineStart >= RUN_ON_LINE) {
      if (number === undefined || (number !== null && number.index < lineStart - start)) {
        numbers.lastIndex = lineStart - start;
        number = numbers.exec(zone);
      }
      // A match that starts on the line ends on it: its spaces hold no line break, and the zone ends the search.
      if (number !== null && number.index < nl - start && holdsTwoLeafKeys(text, lineStart, nl, plans)) {
        return true;
      }
    }
    if (cells !== Infinity && nl - lineStart > cells && textThenDigits(text, lineStart, nl, cells)) return true;
    lineStart = nl + 1;
  }
  return false;
}

/** Whether the match key of the line [from, to) holds two of the plans' leaf label keys (a key given twice counts twice). */
function holdsTwoLeafKeys(text: string, from: number, to: number, plans: readonly TablePlan[]): boolean {
  let found = 0;
  for (let p = 0; p < plans.length && found < 2; p++) found += leafKeysOf(plans[p]).countIn(text, from, to, 2 - found);
  return found >= 2;
}

const leafKeyCache = new WeakMap<TablePlan, KeyPhrases>();

/** The keys of a plan's leaf row labels of at least two characters (made once per plan, i.e. per template). */
function leafKeysOf(plan: TablePlan): KeyPhrases {
  let keys = leafKeyCache.get(plan);
  if (keys === undefined) {
    keys = new KeyPhrases(plan.leaves.flatMap((l) => l.patterns.map((pattern) => pattern.key)).filter((k) => k.length >= 2));
    leafKeyCache.set(plan, keys);
  }
  return keys;
}

/** A digit followed, after spaces and pipes on its line, by a Chinese character or an opening bracket. */
const TEXT_AFTER_NUMBER = /[0-9０-９](?:[^\S\n]|\|)*[\p{Script=Han}（(]/u;
/**
 * {@link TEXT_AFTER_NUMBER} searched from an offset: one expression for every zone (each search sets its
 * `lastIndex` first), not one made per zone.
 */
const TEXT_AFTER_NUMBERS = new RegExp(TEXT_AFTER_NUMBER.source, 'gu');

/** Whether the line [from, to) has a Chinese character followed later by at least `count` digits. */
function textThenDigits(text: string, from: number, to: number, count: number): boolean {
  let han = false;
  let digits = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) han = true;
    else if (han && ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) && ++digits >= count) return true;
  }
  return false;
}

interface Hit {
  keyStart: number;
  keyEnd: number;
  leaf: boolean;
}

/**
 * The row labels of `plan` in template order, each found at its first occurrence after the previous
 * one (its key, one of its aliases', or its text without enumerator when that is long enough to be
 * specific). A label whose first occurrence lies beyond the next label's is taken as missing, so an
 * absent row cannot pull the reading past the rows that follow it.
 */
function anchorLabels(keyed: KeyedText, plan: TablePlan, from: number): Hit[] {
  const found: (Hit | null)[] = [];
  let cursor = from;
  const labels = plan.labels.filter((l) => l.patterns.length > 0);
  for (let i = 0; i < labels.length; i++) {
    found.push(null);
    const here = firstOccurrence(keyed.key, labels[i].patterns, cursor);
    if (!here) continue;
    // The next label found before this one: this one is not where it was found.
    const next = i + 1 < labels.length ? firstOccurrence(keyed.key, labels[i + 1].patterns, cursor) : null;
    if (next && next.end <= here.start) continue;
    found[i] = { keyStart: here.start, keyEnd: here.end, leaf: labels[i].leaf };
    cursor = here.end;
  }
  // A label missing between two found ones may be there as a near miss ("2.其他法律行政止公开"): the same
  // tolerance as the line family's, looked for in the gap only.
  let previousEnd = from;
  for (let i = 0; i < labels.length; i++) {
    const hit = found[i];
    if (hit) {
      previousEnd = hit.keyEnd;
      continue;
    }
    const nextHit = found.slice(i + 1).find((h) => h !== null);
    if (!nextHit) break;
    const near = nearMissIn(keyed.key, labels[i].patterns, previousEnd, Math.min(nextHit.keyStart, previousEnd + MAX_GAP));
    if (near) {
      found[i] = { keyStart: near.start, keyEnd: near.end, leaf: labels[i].leaf };
      previousEnd = near.end;
    }
  }
  return found.filter((h): h is Hit => h !== null);
}

/** A gap between two labels is searched for a near miss up to this many key characters. */
const MAX_GAP = 400;

/** The first near miss of one of `patterns` in the key range [from, to), ending inside it. */
function nearMissIn(key: string, patterns: readonly LabelPattern[], from: number, to: number): { start: number; end: number } | null {
  for (let p = from; p < to; p++) {
    const c = key.charCodeAt(p);
    for (const pattern of patterns) {
      if (pattern.key.charCodeAt(0) !== c) continue;
      const limit = nearMissLimit(pattern.key.length);
      if (limit === 0) continue;
      const near = prefixEditDistance(pattern.key, key.slice(0, to), p, limit);
      if (near && near.end > p) return { start: p, end: near.end };
    }
  }
  return null;
}

function firstOccurrence(key: string, patterns: readonly LabelPattern[], from: number): { start: number; end: number } | null {
  let best: { start: number; end: number } | null = null;
  // Searched in a window, so that a label absent from a long text costs no scan to its end.
  const window = key.slice(from, from + LABEL_REACH + 200);
  // Index loops, and each pattern's key then its body: no array of needles and no iterator result per pattern.
  for (let p = 0; p < patterns.length; p++) {
    const pattern = patterns[p];
    best = earlierOccurrence(window, from, pattern.key, best);
    if (pattern.body.length >= 4 && pattern.body !== pattern.key) best = earlierOccurrence(window, from, pattern.body, best);
  }
  return best;
}

/**
 * The first occurrence of `needle` in `window` (the key from `from` on) when it comes before `best` (or
 * at its start and longer: the whole label is preferred to its body at the same place), else `best`.
 */
function earlierOccurrence(
  window: string,
  from: number,
  needle: string,
  best: { start: number; end: number } | null,
): { start: number; end: number } | null {
  if (needle === '') return best;
  const found = window.indexOf(needle);
  if (found < 0) return best;
  const at = from + found;
  return !best || at < best.start || (at === best.start && at + needle.length > best.end) ? { start: at, end: at + needle.length } : best;
}

/**
 * Where the values of an unlabelled row (table 4's one row of fifteen) start: the first digit after its
 * column header — after the leaf column labels found in order, or after `from` when the header cannot
 * be followed (garbled). Returns a key index, or -1.
 */
function valuesAfterHeader(text: string, keyed: KeyedText, plan: TablePlan, from: number): number {
  let cursor = from;
  for (const alternatives of plan.leafColumnKeys) {
    let best = -1;
    const window = keyed.key.slice(cursor, cursor + LABEL_REACH);
    for (const k of alternatives) {
      const found = k === '' ? -1 : window.indexOf(k);
      if (found >= 0 && (best < 0 || cursor + found + k.length < best)) best = cursor + found + k.length;
    }
    if (best < 0) {
      cursor = from;
      break;
    }
    cursor = best;
  }
  const limit = Math.min(keyed.key.length, cursor + LABEL_REACH);
  for (let i = cursor; i < limit; i++) {
    const c = keyed.key.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39 && isDigitText(text, keyed.starts[i])) return i;
  }
  return -1;
}

function isDigitText(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}
