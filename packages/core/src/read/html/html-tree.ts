import { readHtmlTree } from './read-html-tree.js';

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

export { MAX_HTML_DEPTH } from './read-html-tree.js';

/**
 * Parses HTML into a light tree keeping source offsets of every text run (htmlparser2, forgiving like a
 * browser about unclosed tags). Comments, processing instructions, scripts, styles, the head and
 * hidden elements (`display:none`, `mso-hide:all`, the `hidden` attribute) are left out. Throws a
 * `ReadError` (`too-deep`) when elements nest deeper than {@link MAX_HTML_DEPTH}.
 */
export function parseHtmlTree(html: string): HtmlElement {
  return readHtmlTree(html);
}
