import type { ValidationContext } from './validation-context.js';

/** A piece of normalised text to search, and where it starts in the view. */
export interface TextSegment {
  /** The section searched, or null for the whole text. */
  sectionId: string | null;
  text: string;
  viewStart: number;
}

const compiled = new Map<string, RegExp | null>();

/**
 * A template pattern compiled with the flags the IR prescribes (`gu`); null when the source is not a
 * valid regular expression (the compiler rejects those, so this only guards hand-made IR).
 */
export function compileRulePattern(source: string): RegExp | null {
  if (!compiled.has(source)) {
    let pattern: RegExp | null;
    try {
      pattern = new RegExp(source, 'gu');
    } catch {
      pattern = null;
    }
    compiled.set(source, pattern);
  }
  const pattern = compiled.get(source)!;
  return pattern ? new RegExp(pattern) : null;
}

/** The normalised bodies of the named sections that were found (the whole text when none is named). */
export function sectionTexts(ctx: ValidationContext, sectionIds: readonly string[]): TextSegment[] {
  if (sectionIds.length === 0) return [{ sectionId: null, text: ctx.view.text, viewStart: 0 }];
  return sectionIds.flatMap((id) => {
    const section = ctx.sectionText(id);
    return section ? [{ sectionId: id, text: section.text, viewStart: section.viewStart }] : [];
  });
}
