import { renderHtml } from '../html/render-html.js';
import { ReadError } from '../read-error.js';
import { wordDocumentHtml } from './word-document.js';
import { exceedsInflatedLimit, MAX_DOCX_XML_BYTES } from './zip-limits.js';

/**
 * Renders a Word document (.docx) as text; what `renderDocx` runs, in a module of its own that is loaded
 * only when a .docx is read (see there). Refuses a document that inflates to more than
 * {@link MAX_DOCX_XML_BYTES} of XML before converting it.
 */
export function convertDocxToText(bytes: Uint8Array, fileName?: string, maxCharacters = Number.POSITIVE_INFINITY): string {
  if (exceedsInflatedLimit(bytes)) throw new ReadError('docx-too-large', { fileName, maxBytes: MAX_DOCX_XML_BYTES });
  let html: string;
  try {
    html = wordDocumentHtml(bytes);
  } catch {
    throw new ReadError('docx-invalid', { fileName });
  }
  const text = renderHtml(html).text;
  if (text.length > maxCharacters) throw new ReadError('docx-too-large', { fileName, maxBytes: maxCharacters });
  return text;
}

