import { compileLinearPattern, linearMatches, type LinearMatch } from '@nianbao/template-language/linear-pattern';
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
 * A template pattern compiled for the linear-time engine (see `compileLinearPattern`: no pattern can
 * make a check take longer than the text is long); null when the source cannot run there (the
 * template checks reject those, so this only guards hand-made IR).
 */
export function compileRulePattern(source: string, withNumber = false): RulePattern | null {
  const key = `${withNumber ? 'n' : '-'}${source}`;
  const known = rulePatterns.get(key);
  if (known !== undefined) return known;
  const compiled = compileLinearPattern(source);
  const pattern = compiled.ok ? rememberingMatches((text) => [...linearMatches(compiled.pattern, text, withNumber)]) : null;
  rulePatterns.set(key, pattern);
  return pattern;
}

const rulePatterns = new Map<string, RulePattern | null>();

/**
 * The matches of the last searches, by text and pattern: re-checking a report with one table value changed
 * (verifying a suggested fix, an edit in the editor) searches the same prose again. The texts kept are
 * bounded in number and in characters; the least recently searched go first.
 */
const remembered = new Map<string, Map<RulePattern, LinearMatch[]>>();
const REMEMBERED_TEXTS = 64;
const REMEMBERED_CHARS = 4_000_000;
let rememberedChars = 0;

function rememberingMatches(search: (text: string) => LinearMatch[]): RulePattern {
  const pattern: RulePattern = {
    matches(text) {
      let byPattern = remembered.get(text);
      if (byPattern !== undefined) {
        const known = byPattern.get(pattern);
        if (known !== undefined) return known;
      }
      const matches = search(text);
      if (text.length > REMEMBERED_CHARS) return matches;
      if (byPattern === undefined) {
        byPattern = new Map();
        remembered.set(text, byPattern);
        rememberedChars += text.length;
        for (const old of remembered.keys()) {
          if (remembered.size <= REMEMBERED_TEXTS && rememberedChars <= REMEMBERED_CHARS) break;
          remembered.delete(old);
          rememberedChars -= old.length;
        }
      }
      byPattern.set(pattern, matches);
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
