import {
  compileLinearPattern,
  linearMatches,
  matchStarts,
  mayMatchIn,
  placeStrings,
  scanGroupSyntax,
  type LinearMatch,
  type LinearPattern,
  type MatchStarts,
} from '@nianbao/template-language/linear-pattern';
import { SearchedTexts } from './searched-texts.js';
import type { ValidationContext } from './validation-context.js';

/** A piece of normalised text to search, and where it starts in the view. */
export interface TextSegment {
  /** The section searched, or null for the whole text. */
  sectionId: string | null;
  text: string;
  viewStart: number;
}

/** A template pattern ready to search text in linear time. */
export interface RulePattern {
  /** The non-empty matches in `text`, left to right; `n` is the named group of a prose check's number. */
  matches(text: string): Iterable<LinearMatch>;
}

/**
 * A template pattern for the linear-time engine (see `compileLinearPattern`: no pattern can make a check
 * take longer than the text is long). It is compiled when first needed: a text where no match can begin
 * is not searched — none of the leading strings stands where a match could begin (予以公开 only in a
 * table label, followed by no number; see `mayMatchIn`), or, for a source without leading strings, the
 * literal every match starts with is absent (e.g. 予以公开 in `予以公开(?:的|)\s*(?<n>\d+)件`). A source
 * that cannot run there finds nothing (the template checks reject those, so this only guards hand-made IR).
 */
export function compileRulePattern(source: string, withNumber = false): RulePattern {
  // Keyed by the source itself (no key string built per call: this runs for every rule of every check).
  const patterns = withNumber ? numberPatterns : rulePatterns;
  const known = patterns.get(source);
  if (known !== undefined) return known;
  const starts = scannedStarts(matchStarts(source));
  let compiled: LinearPattern | undefined;
  const pattern = rememberingMatches(mayBeginIn(source, starts), (text) => {
    compiled ??= compileLinearPattern(source);
    return compiled.ok ? [...linearMatches(compiled.pattern, text, withNumber, starts.starts, compiled.canStart, compiled.cuts)] : [];
  });
  patterns.set(source, pattern);
  return pattern;
}

/**
 * What tells whether a match of `source` may begin somewhere in a text: its leading strings where a match
 * could begin (`mayMatchIn`; only the strings `placeStrings` keeps are looked for: one that ends with
 * another of its alternative is found where that one is), else its leading literal (each leading string
 * begins with it, when there are some), else nothing (any text may hold a match).
 */
function mayBeginIn(source: string, starts: MatchStarts): MatchStarts | null {
  if (starts.starts !== null) {
    const places = placeStrings(source);
    return places === null ? starts : scannedStarts({ ...starts, starts: places });
  }
  const literal = leadingLiteral(source);
  return literal === '' ? null : { starts: [literal], canStart: null, cuts: [] };
}

/**
 * `starts` with fewer strings to look for: those that begin with the same character stand for their
 * longest common prefix (予以公开 for 予以公开的政府信息, 予以公开的 and 予以公开; 实际办理 for the four
 * strings 实际办理…申请). Where `canStart` is known the places found are the same: it allows only a place
 * where one of the whole strings stands, and each has its prefix there. The text is searched once per
 * prefix instead of once per string, by `mayMatchIn` (until the pattern is compiled) and by `linearMatches`.
 */
export function scannedStarts(starts: MatchStarts): MatchStarts {
  if (starts.starts === null || starts.canStart === null) return starts;
  const prefixes: string[] = [];
  for (const start of starts.starts) {
    const i = prefixes.findIndex((prefix) => prefix[0] === start[0]);
    if (i < 0) prefixes.push(start);
    else prefixes[i] = commonPrefix(prefixes[i], start);
  }
  return prefixes.length === starts.starts.length ? starts : { ...starts, starts: prefixes };
}

/** The longest string both `a` and `b` begin with. */
function commonPrefix(a: string, b: string): string {
  let end = 0;
  while (end < a.length && end < b.length && a[end] === b[end]) end++;
  return a.slice(0, end);
}

const SYNTAX = new Set('\\^$.|?*+()[]{}'.split(''));
const QUANTIFIERS = new Set(['?', '*', '+', '{']);

/**
 * The literal text every match of an ECMAScript pattern source begins with ('' when there is none): the
 * characters before its first syntax character, less the last one when a quantifier follows it; none when
 * an alternative at the top level could start otherwise.
 */
export function leadingLiteral(source: string): string {
  let end = 0;
  while (end < source.length && !SYNTAX.has(source[end])) end++;
  if (end < source.length && QUANTIFIERS.has(source[end])) end--;
  if (end <= 0) return '';
  const topLevelChoice = scanGroupSyntax(source, (c, _at, depth) => (c === '|' && depth === 0 ? true : undefined));
  return topLevelChoice ? '' : source.slice(0, end);
}

const rulePatterns = new Map<string, RulePattern>();
const numberPatterns = new Map<string, RulePattern>();

/**
 * The matches of the last searches, by text and pattern: re-checking a report with one table value changed
 * (verifying a suggested fix, an edit in the editor) searches the same prose again. The texts kept are
 * bounded in number and in characters (see {@link SearchedTexts}).
 */
const remembered = new SearchedTexts<RulePattern, LinearMatch[]>(64, 4_000_000);

function rememberingMatches(starts: MatchStarts | null, search: (text: string) => LinearMatch[]): RulePattern {
  const pattern: RulePattern = {
    matches(text) {
      if (starts !== null && !mayMatchIn(text, starts)) return [];
      const known = remembered.get(text, pattern);
      if (known !== undefined) return known;
      const matches = search(text);
      remembered.set(text, pattern, matches);
      return matches;
    },
  };
  return pattern;
}

/** The normalised bodies of the named sections that were found (the whole text when none is named). */
export function sectionTexts(ctx: ValidationContext, sectionIds: readonly string[]): TextSegment[] {
  if (sectionIds.length === 0) return [{ sectionId: null, text: ctx.view.text, viewStart: 0 }];
  return sectionIds.flatMap((id) => {
    const section = ctx.sectionText(id);
    return section ? [{ sectionId: id, text: section.text, viewStart: section.viewStart }] : [];
  });
}
