/**
 * Renders a Word document (.docx) as text: mammoth converts it to HTML (paragraphs, headings, lists,
 * tables with `gridSpan`/`vMerge` as colspan/rowspan), which is rendered like any HTML source (see
 * `renderHtml`: one table row per line, TAB between cells, merged cells expanded into empty cells).
 * The result is the document's text form; ranges of a docx report point into it.
 *
 * A document that inflates to more than 16 MB of XML (a zip bomb), or whose text exceeds
 * `maxCharacters`, is refused (`docx-too-large`) before or instead of being converted; a document the
 * converter cannot read is refused as `docx-invalid`, in the user's words (the converter's own message is
 * not shown).
 *
 * The reader of .docx files (the zip inflater, the size limits, the converter) is loaded on the first
 * call: loading the inflater alone cost a start on a text report several milliseconds.
 */
export async function renderDocx(bytes: Uint8Array, fileName?: string, maxCharacters = Number.POSITIVE_INFINITY): Promise<string> {
  const { convertDocxToText } = await import('./convert-docx.js');
  return convertDocxToText(bytes, fileName, maxCharacters);
}
