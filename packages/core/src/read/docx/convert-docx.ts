import { renderHtml } from '../html/render-html.js';
import { ReadError } from '../read-error.js';
import { exceedsInflatedLimit, MAX_DOCX_XML_BYTES } from './zip-limits.js';

/**
 * Renders a Word document (.docx) as text; what `renderDocx` runs, in a module of its own that is loaded
 * only when a .docx is read (see there). Refuses a document that inflates to more than
 * {@link MAX_DOCX_XML_BYTES} of XML before converting it.
 */
export async function convertDocxToText(bytes: Uint8Array, fileName?: string, maxCharacters = Number.POSITIVE_INFINITY): Promise<string> {
  if (exceedsInflatedLimit(bytes)) throw new ReadError('docx-too-large', { fileName, maxBytes: MAX_DOCX_XML_BYTES });
  // Loaded on first use: mammoth (with JSZip) costs tens of milliseconds to load, which every run
  // that reads no .docx (a cold start on a text report) would otherwise pay.
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    // mammoth reads `buffer` under Node and `arrayBuffer` in browsers; both accept these bytes.
    const input = { buffer: bytes, arrayBuffer: toArrayBuffer(bytes) };
    // Images are not read (nor inflated): the text is all the checker needs.
    const options = { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) };
    const result = await mammoth.convertToHtml(input as unknown as { arrayBuffer: ArrayBuffer }, options);
    html = result.value;
  } catch {
    throw new ReadError('docx-invalid', { fileName });
  }
  const text = renderHtml(html).text;
  if (text.length > maxCharacters) throw new ReadError('docx-too-large', { fileName, maxBytes: maxCharacters });
  return text;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes.buffer
    : (bytes.slice().buffer as ArrayBuffer);
}
