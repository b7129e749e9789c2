/** The module that converts a .docx, once loaded (see {@link renderDocx}). */
let converter: typeof import('./convert-docx.js') | undefined;

/**
 * Loads the reader of .docx files (the zip inflater, the size limits, the Word reader), if not loaded yet.
 * After it, {@link renderDocxIfLoaded} converts at once, and `readReportSync` reads a .docx too.
 */
export async function loadDocxReader(): Promise<void> {
  converter ??= await import('./convert-docx.js');
}

/**
 * Renders a Word document (.docx) as text: its body is written as HTML (paragraphs, tables with
 * `gridSpan`/`vMerge` as colspan/rowspan, line breaks, footnotes; see `wordBodyHtml`, which writes what
 * mammoth would for the text) as a tree, rendered as that HTML would be (see `renderHtml`: one table row
 * per line, TAB between cells, merged cells expanded into empty cells). The result is the document's
 * text form; ranges of a docx report point into it.
 *
 * A document that inflates to more than 16 MB of XML (a zip bomb), or whose text exceeds
 * `maxCharacters`, is refused (`docx-too-large`) before or instead of being converted; a document the
 * reader cannot read (a damaged archive, no main document, no body, nesting beyond reason) is refused as
 * `docx-invalid`, in the user's words (the library's own message is not shown).
 *
 * The reader of .docx files is loaded on the first call (see {@link loadDocxReader}): loading the inflater
 * alone cost a start on a text report several milliseconds.
 */
export async function renderDocx(bytes: Uint8Array, fileName?: string, maxCharacters = Number.POSITIVE_INFINITY): Promise<string> {
  await loadDocxReader();
  return renderDocxIfLoaded(bytes, fileName, maxCharacters)!;
}

/**
 * {@link renderDocx} without waiting: the same text or `ReadError`, once the reader of .docx files is
 * loaded (by a first `renderDocx`, or {@link loadDocxReader}); undefined before.
 */
export function renderDocxIfLoaded(bytes: Uint8Array, fileName?: string, maxCharacters = Number.POSITIVE_INFINITY): string | undefined {
  return converter?.convertDocxToText(bytes, fileName, maxCharacters);
}
