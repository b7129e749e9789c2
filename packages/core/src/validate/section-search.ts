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
  const compiled = compileLinearPattern(source);
  if (!compiled.ok) return null;
  return { matches: (text) => linearMatches(compiled.pattern, text, withNumber) };
}

/** The normalised bodies of the named sections that were found (the whole text when none is named). */
export function sectionTexts(ctx: ValidationContext, sectionIds: readonly string[]): TextSegment[] {
  if (sectionIds.length === 0) return [{ sectionId: null, text: ctx.view.text, viewStart: 0 }];
  return sectionIds.flatMap((id) => {
    const section = ctx.sectionText(id);
    return section ? [{ sectionId: id, text: section.text, viewStart: section.viewStart }] : [];
  });
}
