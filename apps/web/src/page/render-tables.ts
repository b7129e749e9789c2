import type { CheckedPage, PageCell, PageTable } from '../worker/protocol.js';
import { el } from './dom.js';
import type { UiText } from './ui-text.js';

/**
 * The report's tables as tables: the template's headers, the values as read, the likely wrong cells
 * marked by severity with the value a fix proposes, operands of failed equations shaded. A cell links to
 * its first finding.
 */
export function renderTables(container: HTMLElement, page: CheckedPage, text: UiText, reveal: (finding: number) => void): void {
  container.replaceChildren(...page.tables.map((table) => renderTable(table, text, reveal)));
}

function renderTable(table: PageTable, text: UiText, reveal: (finding: number) => void): HTMLElement {
  const title = el('h3', {}, table.caption ? `${table.label}（${table.caption}）` : table.label);
  if (!table.found) return el('div', { class: 'table missing', 'data-table': table.id }, title, el('p', {}, text.notFound));
  const width = table.header.reduce((sum, row) => Math.max(sum, row.reduce((n, h) => n + h.colspan, 0)), 1);
  const head = el(
    'thead',
    {},
    ...table.header.map((row) => el('tr', {}, ...row.map((h) => el('th', { colspan: h.colspan, rowspan: h.rowspan }, h.label)))),
  );
  const body = el(
    'tbody',
    {},
    ...table.rows.map((row) =>
      row.group
        ? el('tr', { class: 'group' }, el('th', { colspan: width, style: indent(row.depth) }, row.label))
        : el(
            'tr',
            { class: row.found ? '' : 'not-found', 'data-row': row.id },
            el('th', { style: indent(row.depth) }, row.label),
            ...row.cells.map((cell) => renderCell(cell, text, reveal)),
          ),
    ),
  );
  return el('div', { class: 'table', 'data-table': table.id }, title, el('table', {}, head, body));
}

function renderCell(cell: PageCell, text: UiText, reveal: (finding: number) => void): HTMLElement {
  const classes = ['cell', cell.state, cell.severity ? `failing ${cell.severity}` : '', cell.involved ? 'involved' : ''];
  const td = el('td', { class: classes.filter(Boolean).join(' '), 'data-cell': cell.id }, cell.raw);
  if (cell.proposed !== undefined) {
    td.append(el('span', { class: 'proposed', title: text.proposed }, `→ ${cell.proposed}`));
  }
  if (cell.findings.length > 0) {
    td.tabIndex = 0;
    td.addEventListener('click', () => reveal(cell.findings[0]));
  }
  return td;
}

function indent(depth: number): string | undefined {
  return depth > 0 ? `padding-left: ${depth * 1.2}em` : undefined;
}
