import { Parser, type Handler } from 'htmlparser2';
import { ReadError } from '../read-error.js';
import { AttributeFilteringParser } from './attribute-filtering-parser.js';
import type { HtmlElement } from './html-tree.js';
import { TextSkippingTokenizer } from './text-skipping-tokenizer.js';

/** Elements whose content is never rendered. */
const SKIPPED = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'svg', 'math', 'object', 'iframe']);

/**
 * Deepest element nesting read. Real pages nest a few dozen levels; the HTML parser's cost grows with
 * the square of the depth, so a page nesting deeper is refused rather than read for minutes.
 */
export const MAX_HTML_DEPTH = 5000;

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all/i;

/**
 * The member of htmlparser2's parser (12.0.0, the version pinned) that {@link readHtmlTree} reads; its
 * typings declare it private.
 */
interface ParserInternals {
  readonly tokenizer: {
    /**
     * Where the section being read starts: during a text event of a run read from the source, the run's
     * start (the tokenizer reports text as the slice from it); during that of a decoded character
     * reference, the reference's end.
     */
    readonly sectionStart: number;
  };
}

/** The attributes the reading itself looks at (see {@link isHidden}): kept whatever else is. */
const READ_ATTRIBUTES = ['hidden', 'style'];

/**
 * `parseHtmlTree`: the tree of `html`, its elements with all their attributes, or with only those named in
 * `attributes` (lower case) and the two the reading looks at, `hidden` and `style` (a renderer that reads
 * a few attributes asks for those: the tree is the same but for the others, which are not read).
 */
export function readHtmlTree(html: string, attributes?: ReadonlySet<string>): HtmlElement {
  const root: HtmlElement = { kind: 'element', name: '#root', attributes: {}, start: 0, end: html.length, children: [] };
  const stack: HtmlElement[] = [root];
  let skipDepth = 0;
  const handler: Partial<Handler> = {
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
      // The source slice itself: a run the tokenizer read from `start` (the text as long as [start, end)
      // is then that slice) needs no comparing; a decoded reference (the tokenizer is past it) is compared.
      const raw = end - start === text.length && (tokenizer.sectionStart === start || html.startsWith(text, start));
      stack[stack.length - 1].children.push({ kind: 'text', start, end, text, raw });
    },
  };
  const options = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true, Tokenizer: TextSkippingTokenizer } as const;
  const parser: Parser =
    attributes === undefined ? new Parser(handler, options) : new AttributeFilteringParser(handler, options, new Set([...READ_ATTRIBUTES, ...attributes]));
  const tokenizer = (parser as unknown as ParserInternals).tokenizer;
  parser.end(html);
  return root;
}

function isHidden(attributes: Record<string, string>): boolean {
  if ('hidden' in attributes) return true;
  const style = attributes.style;
  return style !== undefined && HIDDEN_STYLE.test(style);
}
