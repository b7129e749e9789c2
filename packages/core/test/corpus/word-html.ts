/**
 * A page saved from Word as HTML ("Web Page, Filtered" or not), generated from the tool-made Markdown of a
 * real report (see converted-markdown.ts): each pipe table becomes a `<table>` of Word's cells, each other
 * line a `MsoNormal` paragraph. An empty cell is written the way Word writes it — a paragraph holding only
 * `<o:p>&nbsp;</o:p>` — or, in every other row, as the bare `<td><o:p> </o:p></td>` that cleaned-up
 * pages keep: blank cells that must keep their column.
 */
export function wordHtml(markdown: string): string {
  const out: string[] = [];
  let table: string[][] | null = null;
  const flush = (): void => {
    if (!table) return;
    out.push('<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style=\'border-collapse:collapse\'>');
    table.forEach((cells, r) => {
      const tds = cells.map((cell) => {
        if (cell !== '') return `<td valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal align=center><span lang=EN-US>${escape(cell)}</span></p></td>`;
        return r % 2 === 0
          ? "<td valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal align=center><span lang=EN-US><o:p>&nbsp;</o:p></span></p></td>"
          : '<td><o:p> </o:p></td>';
      });
      out.push(`<tr style='height:20.0pt'>${tds.join('')}</tr>`);
    });
    out.push('</table>');
    table = null;
  };
  for (const line of markdown.split('\n')) {
    const trimmed = line.trim();
    if (/^\|.*\|$/u.test(trimmed)) {
      if (/^\|(?:\s*:?-{2,}:?\s*\|)+$/u.test(trimmed)) continue;
      table ??= [];
      table.push(trimmed.slice(1, -1).split('|').map((cell) => cell.trim()));
      continue;
    }
    flush();
    out.push(trimmed === '' ? '<p class=MsoNormal><o:p>&nbsp;</o:p></p>' : `<p class=MsoNormal><span style='font-family:仿宋_GB2312'>${escape(line)}</span><o:p></o:p></p>`);
  }
  flush();
  return `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15"></head>
<body lang=ZH-CN style='text-justify-trim:punctuation'><div class=WordSection1>
${out.join('\n')}
</div></body></html>
`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
