import type { OffsetRange } from '../model/report.js';

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
 * The artefact patterns, each with literals one of which every match contains: a text without them is
 * not searched (the escape pattern starts with a lookbehind, which the regular expression engine would
 * otherwise try at every position of every report).
 */
const PATTERNS: readonly { kind: ConverterArtefact['kind']; pattern: RegExp; needs: readonly string[] }[] = [
  { kind: 'bookmark', pattern: /\[bookmark:[^\]\n]{0,200}\]/g, needs: ['[bookmark:'] },
  {
    kind: 'span-attributes',
    needs: ['{'],
    pattern: /\{(?:[.#][A-Za-z][\w-]*)(?:\s+(?:[.#][A-Za-z][\w-]*|[A-Za-z][\w-]*="[^"\n]*"))*\}/g,
  },
  { kind: 'html-comment', pattern: /<!--[^\n]{0,500}?-->/g, needs: ['<!--'] },
  {
    kind: 'escape',
    needs: ['\\'],
    pattern: /(?<=[\p{Script=Han}\d\u3000-\u303F\uFF00-\uFFEF])\\[[\]*_#`|<>~]|\\[[\]*_#`|<>~](?=[\p{Script=Han}\d\u3000-\u303F\uFF00-\uFFEF])/gu,
  },
  {
    kind: 'field-code',
    needs: ['PAGEREF', 'MERGEFORMAT', 'HYPERLINK', 'TOC'],
    pattern: /\bPAGEREF\s+_Toc\d+(?:\s+\\[a-z])*|\\\*\s*MERGEFORMAT\b|\bHYPERLINK\s+(?:\\l\s+)?"[^"\n]{0,500}"|\bTOC\s+\\o\s+"[^"\n]*"(?:\s+\\[a-z])*/g,
  },
];

/**
 * Finds artefacts of document converters (Word → text via Pandoc and the like) — markup that is not part
 * of the report. Conservative: only the forms listed in {@link ConverterArtefact} `kind`, so legitimate
 * brackets, braces and backslashes elsewhere are left alone. Ranges are sorted and do not overlap.
 */
export function findConverterArtefacts(text: string): ConverterArtefact[] {
  const found: ConverterArtefact[] = [];
  for (const { kind, pattern, needs } of PATTERNS) {
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
