import type { ConverterArtefact } from './converter-artefacts.js';

/**
 * The artefact patterns, each with literals one of which every match contains: a text without them is
 * not searched (the escape pattern starts with a lookbehind, which the regular expression engine would
 * otherwise try at every position of every report).
 */
export const ARTEFACT_PATTERNS: readonly { kind: ConverterArtefact['kind']; pattern: RegExp; needs: readonly string[] }[] = [
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
 * Matches where any literal of {@link ARTEFACT_PATTERNS} occurs: a text it does not match holds no
 * artefact (one search instead of one per literal, each of which runs through a text without it).
 */
export const ARTEFACT_LITERAL = new RegExp(
  ARTEFACT_PATTERNS.flatMap(({ needs }) => needs)
    .map((literal) => literal.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'))
    .join('|'),
);
