import { wordBodyHtml } from './word-body-html.js';
import { readWordParts } from './word-package.js';

/**
 * The HTML of a .docx package's text (see `wordBodyHtml`): its main document with footnotes and
 * endnotes. Throws when the package or its main document cannot be read.
 */
export function wordDocumentHtml(bytes: Uint8Array): string {
  const parts = readWordParts(bytes);
  return wordBodyHtml(parts.document, parts);
}
