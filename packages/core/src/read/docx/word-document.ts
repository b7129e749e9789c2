import type { HtmlSink } from '../html/html-tree-builder.js';
import { wordBodyHtml } from './word-body-html.js';
import { readWordParts } from './word-package.js';
import type { InflatedPackage } from './zip-limits.js';

/**
 * Writes the HTML of a .docx package's text (see `wordBodyHtml`) to `html`: its main document with
 * footnotes and endnotes, read from `inflated` when given (the package's XML parts inflated already).
 * Throws when the package or its main document cannot be read.
 */
export function wordDocumentHtml(bytes: Uint8Array, html: HtmlSink, inflated?: InflatedPackage): void {
  const parts = readWordParts(bytes, inflated);
  wordBodyHtml(parts.document, parts, html);
}
