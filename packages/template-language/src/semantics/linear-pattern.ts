import { RE2JS, RE2Set } from 're2js';
import { charactersNoMatchContains, firstCharacters } from './first-characters.js';
import { indexOfString } from './string-search.js';

/**
 * Template patterns run on a linear-time engine (RE2, through re2js): no pattern, however written,
 * makes a check take longer than the text is long — an expression with nested quantifiers such as
 * `(\d+)+x` costs seconds to minutes in a backtracking engine on a 32-digit run. Patterns are written
 * as ECMAScript expressions (flags `gu`); this module translates them to RE2's syntax with the same
 * meaning (`\s` with its Unicode white space, `.` without line terminators, `\u` escapes, named
 * groups). What RE2 cannot run in linear time — backreferences, lookahead, lookbehind — is refused.
 */

/** ECMAScript's white space and line terminators (`\s`), in RE2 class syntax. */
const WHITE_SPACE = String.raw`\t\n\x{0B}\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}`;
const NOT_LINE_TERMINATOR = String.raw`[^\n\r\x{2028}\x{2029}]`;

/**
 * A pattern compiled for the linear-time engine, or why it cannot be. `starts`: the strings one of which
 * every match begins with, when the source says so (see {@link leadingStrings}), else null.
 */
export type LinearPattern = ({ ok: true; pattern: RE2JS } & MatchStarts) | { ok: false; detail: string };

/** Whether a match can begin at `at` in `text` (false only where none can); see {@link matchStartTest}. */
export type MatchStartTest = (text: string, at: number) => boolean;

const cache = new Map<string, LinearPattern>();

/** Compiles an ECMAScript pattern source (flags `gu`) for the linear-time engine; cached by source. */
export function compileLinearPattern(source: string): LinearPattern {
  let compiled = cache.get(source);
  if (!compiled) {
    try {
      compiled = { ok: true, pattern: RE2JS.compile(toRe2Syntax(source)), ...matchStarts(source) };
    } catch (error) {
      compiled = { ok: false, detail: error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error) };
    }
    cache.set(source, compiled);
  }
  return compiled;
}

/**
 * Where the matches of a pattern source can begin, known from the source alone: its leading strings (see
 * {@link leadingStrings}) and the test of the character after one (see {@link matchStartTest}); null
 * when the source does not say.
 */
export interface MatchStarts {
  starts: readonly string[] | null;
  canStart: MatchStartTest | null;
  /** Characters no match contains (of {@link CUT_CANDIDATES}): an attempt need not read past one. */
  cuts: readonly string[];
}

/** The characters looked for as ends of attempts (see {@link linearMatches}): those that end sentences and lines. */
const CUT_CANDIDATES = ['\n', '。', '，', '；', '！', '？'];

const startsCache = new Map<string, MatchStarts>();

/** The {@link MatchStarts} of an ECMAScript pattern source; cached by source. */
export function matchStarts(source: string): MatchStarts {
  let known = startsCache.get(source);
  if (!known) {
    known = { starts: leadingStrings(source), canStart: matchStartTest(source), cuts: charactersNoMatchContains(source, CUT_CANDIDATES) ?? [] };
    startsCache.set(source, known);
  }
  return known;
}

/**
 * Whether a match of a pattern with these starts may begin somewhere in `text`: false only when none of
 * its leading strings occurs at a place where {@link MatchStarts.canStart} allows one — then
 * {@link linearMatches} finds nothing, and the pattern need not even be compiled (compiling costs far more
 * than this look at the text the first time a process meets a pattern). Linear in the text for each
 * leading string.
 */
export function mayMatchIn(text: string, { starts, canStart }: MatchStarts): boolean {
  if (starts === null || starts.length === 0) return true;
  for (const start of starts) {
    for (let at = indexOfString(text, start); at >= 0; at = indexOfString(text, start, at + 1)) {
      if (canStart === null || canStart(text, at)) return true;
    }
  }
  return false;
}

/** One match of a linear pattern: where it is, its text, and its named group `n` if it has one. */
export interface LinearMatch {
  index: number;
  text: string;
  n: string | undefined;
}

/**
 * The non-empty matches of `pattern` in `text`, left to right, without overlaps. With `starts` (the
 * strings one of which every match begins with, see {@link leadingStrings}), a match is only tried where
 * one of them occurs, anchored there: the same matches as a search of the whole text (the leftmost
 * match starts at the first such place where one is found, and is the one a search finds there), at
 * the cost of the attempts instead of a pass of the engine over every character. Failed attempts may
 * cost at most {@link ANCHORED_BUDGET} passes over the text; then the rest is searched as a whole, so the
 * time stays linear. With `canStart` as well, places where it says no match can begin are not tried;
 * with `cuts` (characters no match contains, see {@link MatchStarts}), an attempt reads no further than
 * the next of them.
 */
export function* linearMatches(
  pattern: RE2JS,
  text: string,
  withNumber: boolean,
  starts?: readonly string[] | null,
  canStart?: MatchStartTest | null,
  cuts: readonly string[] = [],
): Generator<LinearMatch> {
  let from = 0;
  if (starts && starts.length > 0) {
    const next = starts.map(() => -1);
    const nextCut = cuts.map(() => -1);
    // What failed attempts may cost: each looks at most at the text after it.
    let budget = ANCHORED_BUDGET * text.length;
    for (;;) {
      let at = -1;
      for (let i = 0; i < starts.length; i++) {
        // The next place of each string is looked up again only once passed (-2: there is none).
        if (next[i] < from && next[i] !== -2) {
          const found = indexOfString(text, starts[i], from);
          next[i] = found >= 0 ? found : -2;
        }
        if (next[i] >= 0 && (at < 0 || next[i] < at)) at = next[i];
      }
      if (at < 0) return;
      if (canStart && !canStart(text, at)) {
        from = at + 1;
        continue;
      }
      // The attempt reads the text up to the next character no match contains, not the whole rest: the
      // engine's work (and memory) then follows the sentence, not the text. What it finds there is what it
      // finds in the whole text: every way of matching that reads such a character fails on it, as it
      // fails at the end of the shorter text, and the sources tried this way have no assertions.
      let stop = text.length;
      for (let i = 0; i < cuts.length; i++) {
        if (nextCut[i] < at && nextCut[i] !== -2) {
          const found = text.indexOf(cuts[i], at);
          nextCut[i] = found >= 0 ? found : -2;
        }
        if (nextCut[i] >= 0 && nextCut[i] < stop) stop = nextCut[i];
      }
      if (budget < stop - at) {
        from = at;
        break;
      }
      const slice = text.slice(at, stop);
      // Most attempts fail (a leading string followed by something else): the test without groups says so
      // far cheaper than the matcher, which is run only where a match begins.
      const found = matchesAtStart(pattern, slice) ? groupsAtStart(pattern, slice, withNumber) : null;
      if (found !== null && found.end > 0) {
        const end = at + found.end;
        yield { index: at, text: text.slice(at, end), n: found.n };
        from = end;
      } else {
        budget -= stop - at;
        from = at + 1;
      }
    }
  }
  const matcher = pattern.matcher(text);
  let found = from === 0 ? matcher.find() : matcher.find(from);
  while (found) {
    const start = matcher.start();
    const end = matcher.end();
    if (end > start) yield { index: start, text: text.slice(start, end), n: withNumber ? (matcher.group('n') ?? undefined) : undefined };
    found = matcher.find();
  }
}

/**
 * The match of `pattern` that begins at the start of `text` (anchored there, as `Matcher.lookingAt`
 * finds it): its end, and with `withNumber` the text of its group `n`; null when none begins there. The
 * match and its groups come from one run of the engine, where a matcher runs it twice (once for the match,
 * again for its groups) and is an object more per match. A pattern without a group `n` is left to the
 * matcher, which says so as it always did.
 */
function groupsAtStart(pattern: RE2JS, text: string, withNumber: boolean): { end: number; n: string | undefined } | null {
  const group = withNumber ? pattern.namedGroups().n : 0;
  if (group === undefined) {
    const matcher = pattern.matcher(text);
    return matcher.lookingAt() ? { end: matcher.end(), n: matcher.group('n') ?? undefined } : null;
  }
  const [matched, groups] = pattern.re2().matchWithGroup(text, 0, text.length, RE2Set.ANCHOR_START, group + 1) as [boolean, number[] | null];
  if (!matched || groups === null) return null;
  // A group that took no part in the match has no range (-1), as `Matcher.group` says with null.
  const n = withNumber && groups[2 * group] >= 0 ? text.slice(groups[2 * group], groups[2 * group + 1]) : undefined;
  return { end: groups[1], n };
}

/**
 * Whether a match of `pattern` begins at the start of `text`, as `lookingAt` says, without its groups: a
 * run without groups goes to re2js's DFA, which stops where no match can go on, while a matcher with groups
 * (the backtracker) costs several steps per character. The pattern's own program is run anchored at the
 * start (RE2's `ANCHOR_START`), not a second one compiled from `^(?:…)` for the test: every pattern tried
 * this way was compiled twice, and the DFA states the runs build are the pattern's own.
 */
function matchesAtStart(pattern: RE2JS, text: string): boolean {
  const [matched] = pattern.re2().matchWithGroup(text, 0, text.length, RE2Set.ANCHOR_START, 0) as [boolean, number[] | null];
  return matched;
}

/**
 * How many passes over a text the failed anchored attempts of {@link linearMatches} may cost at most,
 * counting each as a pass over the rest of the text; past that, the rest is searched as a whole.
 */
export const ANCHORED_BUDGET = 2;

/** Characters with a meaning in pattern syntax. */
const SYNTAX = new Set('\\^$.|?*+()[]{}'.split(''));
const QUANTIFIERS = new Set(['?', '*', '+', '{']);
/** Most leading strings {@link leadingStrings} spells out. */
const MAX_LEADING_STRINGS = 16;

/**
 * The strings one of which every match of an ECMAScript pattern source begins with, or null when the
 * source does not say: the literal characters it starts with, and groups of literal alternatives
 * (`(?:实际办理|办结|答复)`, `(?:本年|)新收`) spelled out, up to the first other element. Alternatives at the
 * top level (`(?:机构…)|(?:查阅…)`) each give theirs. Null for a source with an alternative that has no
 * such start, or an assertion (`^`, `$`, `\b`, `\B`, lookbehind): a match tried on the text from where
 * it starts must mean what it means in the whole text.
 */
export function leadingStrings(source: string): string[] | null {
  const parts = leadingParts(source);
  return parts === null ? null : [...new Set(parts.flatMap((part) => part.strings))];
}

/**
 * The leading strings whose places {@link mayMatchIn} needs to look at: those of {@link leadingStrings}
 * less each that ends with another of the same alternative (政府信息公开机构 with 信息公开机构, 本年新收 with
 * 新收). Where the longer stands, the shorter stands too, followed by the same character and the same rest
 * of the source; so wherever {@link matchStartTest} allows the longer, it allows the shorter, and a text
 * holds an allowed place of one of these strings exactly when it holds one of all the leading strings.
 * Null when the source has no leading strings.
 */
export function placeStrings(source: string): string[] | null {
  const parts = leadingParts(source);
  if (parts === null) return null;
  const strings = new Set<string>();
  for (const { strings: all } of parts) {
    for (const string of all) if (!all.some((other) => other.length < string.length && string.endsWith(other))) strings.add(string);
  }
  return [...strings];
}

/** The leading strings of one alternative and the source after them. */
interface LeadingPart {
  strings: string[];
  rest: string;
}

function leadingParts(source: string): LeadingPart[] | null {
  if (source.includes('(?<=') || source.includes('(?<!')) return null;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      if (!inClass && (source[i + 1] === 'b' || source[i + 1] === 'B')) return null;
      i++;
    } else if (inClass) inClass = c !== ']';
    else if (c === '[') {
      inClass = true;
      if (source[i + 1] === '^') i++;
      if (source[i + 1] === ']') i++;
    } else if (c === '^' || c === '$') return null;
  }
  const parts = alternativeParts(source, 0);
  if (parts === null || parts.reduce((n, part) => n + part.strings.length, 0) > 2 * MAX_LEADING_STRINGS) return null;
  return parts;
}

/** Leading parts of each top-level alternative of `source`; an alternative wrapped whole in `(?:…)` is opened. */
function alternativeParts(source: string, depth: number): LeadingPart[] | null {
  if (depth > 8) return null;
  const parts: LeadingPart[] = [];
  for (const alternative of topLevelAlternatives(source)) {
    const inner = wrappedGroupBody(alternative);
    const found = inner === null ? alternativeStart(alternative) : alternativeParts(inner, depth + 1);
    if (found === null) return null;
    parts.push(...(Array.isArray(found) ? found : [found]));
  }
  return parts;
}

/** The source split at its top-level `|`. */
function topLevelAlternatives(source: string): string[] {
  const alternatives: string[] = [];
  let start = 0;
  scanGroupSyntax(source, (c, at, depth) => {
    if (c === '|' && depth === 0) {
      alternatives.push(source.slice(start, at));
      start = at + 1;
    }
    return undefined;
  });
  alternatives.push(source.slice(start));
  return alternatives;
}

/** The body of `(?:body)` when that group is the whole of `source`, else null. */
function wrappedGroupBody(source: string): string | null {
  if (!source.startsWith('(?:') || !source.endsWith(')')) return null;
  const body = scanGroupSyntax(source, (c, at, depth) => {
    if (c !== ')' || depth !== 0) return undefined;
    return at === source.length - 1 ? source.slice(3, at) : null;
  });
  return body ?? null;
}

/**
 * Walks a pattern source outside escapes and character classes and calls `visit` at each `(`, `)` and
 * `|` with the group depth after it; returns the first value `visit` returns other than undefined. A `]`
 * right after `[` or `[^` belongs to the class, as in RE2.
 */
export function scanGroupSyntax<T>(source: string, visit: (c: '(' | ')' | '|', at: number, depth: number) => T | undefined): T | undefined {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') {
      inClass = true;
      if (source[i + 1] === '^') i++;
      if (source[i + 1] === ']') i++;
    } else if (c === '(' || c === ')' || c === '|') {
      if (c === '(') depth++;
      else if (c === ')') depth--;
      const result = visit(c, i, depth);
      if (result !== undefined) return result;
    }
  }
  return undefined;
}

/** The leading strings of one alternative without `|` at its top level. */
function alternativeStart(source: string): LeadingPart | null {
  let strings = [''];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (!SYNTAX.has(c)) {
      if (QUANTIFIERS.has(source[i + 1] ?? '')) break;
      strings = strings.map((s) => s + c);
      i++;
      continue;
    }
    if (!source.startsWith('(?:', i)) break;
    const close = source.indexOf(')', i);
    if (close < 0) break;
    const alternatives = source.slice(i + 3, close).split('|');
    if (alternatives.some((a) => [...a].some((ch) => SYNTAX.has(ch)))) break;
    if (QUANTIFIERS.has(source[close + 1] ?? '')) break;
    if (strings.length * alternatives.length > MAX_LEADING_STRINGS) break;
    strings = strings.flatMap((s) => alternatives.map((a) => s + a));
    i = close + 1;
  }
  if (strings.some((s) => s === '')) return null;
  return { strings, rest: source.slice(i) };
}

/**
 * A test whether a match of `source` can begin at a place of the text, cheaper than trying one: one of
 * the leading strings is there and the character after it can begin the rest of the source (see
 * {@link firstCharacters}). Null when the source has no leading strings.
 */
export function matchStartTest(source: string): MatchStartTest | null {
  const parts = leadingParts(source);
  if (parts === null) return null;
  // The leading strings by their first unit: a place is compared only with those that begin with the unit
  // there (most places are where a search for one of them stopped; a pattern may have a dozen, such as
  // 政府信息公开… and 查阅… of one rule, and its places are met again and again in a report).
  const byFirstUnit = new Map<number, StartEntry[]>();
  for (const part of parts) {
    const first = firstCharacters(part.rest);
    // Null: any character may follow (the rest is unknown or can match the empty text).
    const follows = first === null || first.nullable ? null : rememberedTest(first.test);
    for (const start of part.strings) {
      const unit = start.charCodeAt(0);
      const entries = byFirstUnit.get(unit);
      if (entries === undefined) byFirstUnit.set(unit, [{ start, follows }]);
      else entries.push({ start, follows });
    }
  }
  return (text, at) => {
    const entries = byFirstUnit.get(text.charCodeAt(at));
    if (entries === undefined) return false;
    for (let i = 0; i < entries.length; i++) {
      const { start, follows } = entries[i];
      if (!text.startsWith(start, at)) continue;
      if (follows === null) return true;
      const next = at + start.length;
      if (next < text.length && follows(text.codePointAt(next)!)) return true;
    }
    return false;
  };
}

/** A leading string of a source and the test of the character after it (see {@link matchStartTest}; null: any). */
interface StartEntry {
  start: string;
  follows: ((codePoint: number) => boolean) | null;
}

/** Most answers a {@link rememberedTest} keeps (then it forgets them all and starts again). */
const MAX_REMEMBERED_ANSWERS = 4_096;

/**
 * A character test by code point that remembers its answers: a leading string is met again and again, in
 * every report, followed by the same few characters (不予公开 by the tab of its table row, 受理 by 的 or
 * 政), and the test itself makes a string of the character and runs an expression on it.
 */
function rememberedTest(test: ((character: string) => boolean) | null): (codePoint: number) => boolean {
  if (test === null) return () => false;
  const answers = new Map<number, boolean>();
  return (codePoint) => {
    let answer = answers.get(codePoint);
    if (answer === undefined) {
      answer = test(String.fromCodePoint(codePoint));
      if (answers.size >= MAX_REMEMBERED_ANSWERS) answers.clear();
      answers.set(codePoint, answer);
    }
    return answer;
  };
}

/** Translates ECMAScript pattern syntax (flags `gu`) to RE2 syntax of the same meaning. */
export function toRe2Syntax(source: string): string {
  const translated = RE2JS.translateRegExp(source);
  let out = '';
  let inClass = false;
  for (let i = 0; i < translated.length; i++) {
    const c = translated[i];
    if (c === '\\' && i + 1 < translated.length) {
      const next = translated[i + 1];
      i++;
      if (next === 's') out += inClass ? WHITE_SPACE : `[${WHITE_SPACE}]`;
      else if (next === 'S' && !inClass) out += `[^${WHITE_SPACE}]`;
      else out += c + next;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
      // A ']' right after '[' or '[^' is a literal in RE2.
      if (translated[i + 1] === '^') out += translated[++i];
    } else if (c === '.') {
      out += NOT_LINE_TERMINATOR;
    } else {
      out += c;
    }
  }
  return out;
}
