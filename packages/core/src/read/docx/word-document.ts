import type { HtmlSink } from '../html/html-tree-builder.js';
import { wordBodyHtml } from './word-body-html.js';
import { readWordParts } from './word-package.js';

/**
 * Writes the HTML of a .docx package's text (see `wordBodyHtml`) to `html`: its main document with
 * footnotes and endnotes. Throws when the package or its main document cannot be read.
 */
export function wordDocumentHtml(bytes: Uint8Array, html: HtmlSink): void {
  const parts = readWordParts(bytes);
  wordBodyHtml(parts.document, parts, html);
}
