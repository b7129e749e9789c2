import type { OffsetRange } from '../model/report.js';
import { ARTEFACT_LITERAL, ARTEFACT_PATTERNS } from './converter-artefact-patterns.js';

/** Markup a document converter left in the text. */
export interface ConverterArtefact extends OffsetRange {
  /**
   * `bookmark`: Pandoc's rendering of a Word bookmark, "[bookmark: _GoBack]";
   * `span-attributes`: Pandoc attribute braces, "{.underline}", "{#id .class}";
   * `html-comment`: "<!-- -->" (Pandoc's list separator, or any comment) in a text file;
   * `escape`: a Markdown backslash escape "\[", "\*", "\_" next to Chinese text or digits;
   * `field-code`: Word field instructions that leaked, "PAGEREF _Toc123 \h", "\* MERGEFORMAT", "HYPERLINK \"…\"".
   */
  kind: 'bookmark' | 'span-attributes' | 'html-comment' | 'escape' | 'field-code';
}

/**
 * Marks with `flag` in `table` (indexed by UTF-16 unit) the first unit of every literal one of which each
 * artefact contains (see `ARTEFACT_PATTERNS`): a text without any of them holds no artefact.
 */
export function markArtefactUnits(table: Uint8Array, flag: number): void {
  for (const { needs } of ARTEFACT_PATTERNS) for (const literal of needs) table[literal.charCodeAt(0)] |= flag;
}

/**
 * Finds artefacts of document converters (Word → text via Pandoc and the like) — markup that is not part
 * of the report. Conservative: only the forms listed in {@link ConverterArtefact} `kind`, so legitimate
 * brackets, braces and backslashes elsewhere are left alone. Ranges are sorted and do not overlap.
 */
export function findConverterArtefacts(text: string): ConverterArtefact[] {
  // Almost no report holds any of the literals: one search of the text says so.
  if (!ARTEFACT_LITERAL.test(text)) return [];
  const found: ConverterArtefact[] = [];
  for (const { kind, pattern, needs } of ARTEFACT_PATTERNS) {
    if (!needs.some((literal) => text.includes(literal))) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      found.push({ start: m.index, end: m.index + m[0].length, kind });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: ConverterArtefact[] = [];
  for (const artefact of found) {
    const last = result[result.length - 1];
    if (last && artefact.start < last.end) continue;
    result.push(artefact);
  }
  return result;
}
