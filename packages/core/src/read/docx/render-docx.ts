/**
 * Renders a Word document (.docx) as text: its body is written as HTML (paragraphs, tables with
 * `gridSpan`/`vMerge` as colspan/rowspan, line breaks, footnotes; see `wordBodyHtml`, which writes what
 * mammoth would for the text), rendered like any HTML source (see `renderHtml`: one table row per line,
 * TAB between cells, merged cells expanded into empty cells). The result is the document's text form;
 * ranges of a docx report point into it.
 *
 * A document that inflates to more than 16 MB of XML (a zip bomb), or whose text exceeds
 * `maxCharacters`, is refused (`docx-too-large`) before or instead of being converted; a document the
 * reader cannot read (a damaged archive, no main document, no body, nesting beyond reason) is refused as
 * `docx-invalid`, in the user's words (the library's own message is not shown).
 *
 * The reader of .docx files (the zip inflater, the size limits, the Word reader) is loaded on the first
 * call: loading the inflater alone cost a start on a text report several milliseconds.
 */
export async function renderDocx(bytes: Uint8Array, fileName?: string, maxCharacters = Number.POSITIVE_INFINITY): Promise<string> {
  const { convertDocxToText } = await import('./convert-docx.js');
  return convertDocxToText(bytes, fileName, maxCharacters);
}
