import { renderHtml } from '../html/render-html.js';
import { ReadError } from '../read-error.js';

/**
 * Renders a Word document (.docx) as text: mammoth converts it to HTML (paragraphs, headings, lists,
 * tables with `gridSpan`/`vMerge` as colspan/rowspan), which is rendered like any HTML source (see
 * `renderHtml`: one table row per line, TAB between cells, merged cells expanded into empty cells).
 * The result is the document's text form; ranges of a docx report point into it.
 */
export async function renderDocx(bytes: Uint8Array, fileName?: string): Promise<string> {
  // Loaded on first use: mammoth (with JSZip) costs tens of milliseconds to load, which every run
  // that reads no .docx (a cold start on a text report) would otherwise pay.
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    // mammoth reads `buffer` under Node and `arrayBuffer` in browsers; both accept these bytes.
    const input = { buffer: bytes, arrayBuffer: toArrayBuffer(bytes) };
    const result = await mammoth.convertToHtml(input as unknown as { arrayBuffer: ArrayBuffer });
    html = result.value;
  } catch (error) {
    throw new ReadError('docx-invalid', { fileName, cause: error instanceof Error ? error.message : String(error) });
  }
  return renderHtml(html).text;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes.buffer
    : (bytes.slice().buffer as ArrayBuffer);
}
