import type { RenderedTable, ReportTables } from '@nianbao/language-server/protocol';

/** Strings of the tables page, localised by the caller. */
export interface TablesPageStrings {
  title: string;
  notFound: string;
  noReport: string;
  legend: string;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => escapes[c]);
}

/**
 * The HTML page of a report's extracted tables: the template's headers, the values as read, failing cells
 * highlighted with their findings as tooltips (the page opens scrolled to the first one); clicking a cell
 * reveals it in the editor.
 */
export function tablesPage(tables: ReportTables | null, strings: TablesPageStrings, nonce: string, cspSource: string): string {
  const body = tables ? reportBody(tables, strings) : `<p class="empty">${escapeHtml(strings.noReport)}</p>`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(strings.title)}</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 1em 2em; }
  h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin-top: 1.6em; }
  table { border-collapse: collapse; margin: .5em 0; }
  th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 2px 8px; }
  th { background: var(--vscode-editorWidget-background); font-weight: normal; }
  td.value { text-align: right; font-variant-numeric: tabular-nums; cursor: pointer; min-width: 3em; }
  td.label { min-width: 12em; max-width: 28em; }
  td.blank { color: var(--vscode-disabledForeground); }
  td.error { background: var(--vscode-inputValidation-errorBackground, #f443); outline: 2px solid var(--vscode-editorError-foreground, #f44); outline-offset: -2px; }
  td.warning { background: var(--vscode-inputValidation-warningBackground, #fa03); }
  td.info { background: var(--vscode-inputValidation-infoBackground, #08f2); }
  td.involved { outline: 1px dashed var(--vscode-editorWarning-foreground, #fa0); outline-offset: -2px; }
  tr.missing td.label { color: var(--vscode-disabledForeground); font-style: italic; }
  .legend, .empty { color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
${body}
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  (document.querySelector('td.error') ?? document.querySelector('td.warning'))?.scrollIntoView({ block: 'center' });
  document.addEventListener('click', (event) => {
    const cell = event.target.closest('td[data-line]');
    if (cell) vscode.postMessage({ type: 'reveal', line: Number(cell.dataset.line), character: Number(cell.dataset.character) });
  });
</script>
</body>
</html>`;
}

function reportBody(report: ReportTables, strings: TablesPageStrings): string {
  const title = [report.agency, report.year, report.template.title].filter((part) => part !== null && part !== '').join(' · ');
  return [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="legend">${escapeHtml(strings.legend)}</p>`,
    ...report.tables.map((table) => tableHtml(table, strings)),
  ].join('\n');
}

function tableHtml(table: RenderedTable, strings: TablesPageStrings): string {
  const title = table.caption && !table.label.includes(table.caption) ? `${table.caption} ${table.label}` : table.label;
  const heading = `<h2>${escapeHtml(title)}</h2>`;
  if (!table.found) return `${heading}<p class="empty">${escapeHtml(strings.notFound)}</p>`;
  const head = table.header
    .map(
      (row) =>
        `<tr>${row.map((h) => `<th colspan="${h.colspan}" rowspan="${h.rowspan}">${escapeHtml(h.label)}</th>`).join('')}</tr>`,
    )
    .join('');
  const rows = table.rows
    .map((row) => {
      const cells = row.cells
        .map((cell) => {
          const classes = [
            'value',
            cell.state === 'blank' || cell.state === 'na' ? 'blank' : '',
            cell.severity ?? '',
            cell.involved && !cell.severity ? 'involved' : '',
          ]
            .filter(Boolean)
            .join(' ');
          const title = [cell.id, ...cell.messages].join('\n');
          const position = cell.range
            ? ` data-line="${cell.range.start.line}" data-character="${cell.range.start.character}"`
            : '';
          const text = cell.state === 'na' ? '' : cell.raw;
          return `<td class="${classes}" title="${escapeHtml(title)}" data-cell="${escapeHtml(cell.id)}"${position}>${escapeHtml(text)}</td>`;
        })
        .join('');
      return `<tr class="${row.found ? '' : 'missing'}"><td class="label">${escapeHtml(row.labels.join(' › '))}</td>${cells}</tr>`;
    })
    .join('\n');
  return `${heading}<table><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}
