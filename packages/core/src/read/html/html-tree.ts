import { Parser } from 'htmlparser2';
import { ReadError } from '../read-error.js';
import { TextSkippingTokenizer } from './text-skipping-tokenizer.js';

/** A text run of an HTML source: raw text, or one decoded character reference. */
export interface HtmlText {
  readonly kind: 'text';
  /** Offset of the run in the HTML source. */
  readonly start: number;
  /** End offset (exclusive) in the HTML source. */
  readonly end: number;
  /** The text (decoded, for a character reference). */
  readonly text: string;
  /** True when `text` is the source slice itself (not a decoded reference). */
  readonly raw: boolean;
}

/** An element of an HTML source, with its children in document order. */
export interface HtmlElement {
  readonly kind: 'element';
  /** Lower-case tag name. */
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Offset of the start tag in the source. */
  readonly start: number;
  /** Offset after the end tag (or after the last content when the end tag is implied). */
  end: number;
  readonly children: HtmlNode[];
}

/** A node of the tree {@link parseHtmlTree} builds. */
export type HtmlNode = HtmlElement | HtmlText;

/** Elements whose content is never rendered. */
const SKIPPED = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'svg', 'math', 'object', 'iframe']);

/**
 * Deepest element nesting read. Real pages nest a few dozen levels; the HTML parser's cost grows with
 * the square of the depth, so a page nesting deeper is refused rather than read for minutes.
 */
export const MAX_HTML_DEPTH = 5000;

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all/i;

/**
 * Parses HTML into a light tree keeping source offsets of every text run (htmlparser2, forgiving like a
 * browser about unclosed tags). Comments, processing instructions, scripts, styles, the head and
 * hidden elements (`display:none`, `mso-hide:all`, the `hidden` attribute) are left out. Throws a
 * {@link ReadError} (`too-deep`) when elements nest deeper than {@link MAX_HTML_DEPTH}.
 */
export function parseHtmlTree(html: string): HtmlElement {
  const root: HtmlElement = { kind: 'element', name: '#root', attributes: {}, start: 0, end: html.length, children: [] };
  const stack: HtmlElement[] = [root];
  let skipDepth = 0;
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        if (stack.length + skipDepth > MAX_HTML_DEPTH) throw new ReadError('too-deep', { depth: MAX_HTML_DEPTH });
        if (skipDepth > 0 || SKIPPED.has(name) || isHidden(attributes)) {
          skipDepth++;
          return;
        }
        const element: HtmlElement = { kind: 'element', name, attributes, start: parser.startIndex, end: Math.min(html.length, parser.endIndex + 1), children: [] };
        stack[stack.length - 1].children.push(element);
        stack.push(element);
      },
      onclosetag() {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (stack.length > 1) {
          const element = stack.pop() as HtmlElement;
          element.end = Math.min(html.length, Math.max(element.end, parser.endIndex + 1));
        }
      },
      ontext(text) {
        if (skipDepth > 0) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        const raw = end - start === text.length && html.startsWith(text, start);
        stack[stack.length - 1].children.push({ kind: 'text', start, end, text, raw });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true, Tokenizer: TextSkippingTokenizer },
  );
  parser.end(html);
  return root;
}

function isHidden(attributes: Record<string, string>): boolean {
  if ('hidden' in attributes) return true;
  const style = attributes.style;
  return style !== undefined && HIDDEN_STYLE.test(style);
}
