import { HtmlTreeBuilder } from '../html/html-tree-builder.js';
import { renderHtmlTree } from '../html/render-html.js';
import { ReadError } from '../read-error.js';
import { wordDocumentHtml } from './word-document.js';
import { inflateXmlParts, MAX_DOCX_XML_BYTES } from './zip-limits.js';

/**
 * Renders a Word document (.docx) as text; what `renderDocx` runs, in a module of its own that is loaded
 * only when a .docx is read (see there). Refuses a document that inflates to more than
 * {@link MAX_DOCX_XML_BYTES} of XML before converting it; the XML parts that check inflates are read from
 * there (see `inflateXmlParts`), not inflated again. The document's HTML is built as a tree
 * (`HtmlTreeBuilder`), rendered as the same HTML written and parsed would be, without the string.
 */
export function convertDocxToText(bytes: Uint8Array, fileName?: string, maxCharacters = Number.POSITIVE_INFINITY): string {
  const { exceeded, inflated } = inflateXmlParts(bytes);
  if (exceeded) throw new ReadError('docx-too-large', { fileName, maxBytes: MAX_DOCX_XML_BYTES });
  const html = new HtmlTreeBuilder();
  try {
    wordDocumentHtml(bytes, html, inflated);
  } catch (error) {
    // Nesting beyond what HTML is read to (`too-deep`) is refused as such, as when the HTML was parsed.
    if (error instanceof ReadError) throw error;
    throw new ReadError('docx-invalid', { fileName });
  }
  const tree = html.finish();
  const text = renderHtmlTree(tree.root, tree.source, tree.htmlLength).text;
  if (text.length > maxCharacters) throw new ReadError('docx-too-large', { fileName, maxBytes: maxCharacters });
  return text;
}
