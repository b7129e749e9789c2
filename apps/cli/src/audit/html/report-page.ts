import type { Locale } from '@nianbao/core';
import { createAuditTranslator, translate } from '../../i18n/index.js';
import type { OutputDiagnostic, TableView } from '../../outcome/index.js';
import type { AuditedReport, AuditFindingRecord, AuditOutputFinding } from '../audit-records.js';
import { escapeHtml } from './escape-html.js';

/** What a report's page shows, kept on disk from the report's check until the summary is written. */
export interface ReportPageData {
  /** The report's own findings that are shown (without their fixes). */
  findings: OutputDiagnostic[];
  /** Cell ids each finding is about (parallel to `findings`). */
  cells: string[][];
  /** The report's tables as read. */
  tables: TableView[];
}

/**
 * Where a report's page is, as a link from the file being written: the report's `path`, and a cell of
 * its tables when given. Undefined when the report has no page.
 */
export type PageLink = (path: string, cell?: string) => string | undefined;

/** The links of the file being written: to report pages, and back to the summary. */
export interface PageLinks {
  report: PageLink;
  summary: string;
}

/** The anchor of a report's page. */
export function pageId(report: Pick<AuditedReport, 'index'>): string {
  return `r${report.index}`;
}

/** The anchor of a cell on a report's page (a place findings of other reports link to). */
export function cellAnchor(report: Pick<AuditedReport, 'index'>, cell: string): string {
  return `${pageId(report)}-${cell}`;
}

/** One finding of a page: its anchor, the finding, and links for related places in other reports (to the cell when there is one). */
export function findingItem(id: string, finding: OutputDiagnostic | AuditOutputFinding, locale: Locale, linkOf: PageLink): string {
  const line = translate(locale, 'audit-line', { line: finding.range.start.line + 1 });
  const related = finding.related
    .map((r) => {
      const { path, cell } = r as { path?: string; cell?: string };
      const href = path === undefined ? undefined : linkOf(path, cell);
      const where = `${path === undefined ? '' : `${path} · `}${translate(locale, 'audit-line', { line: r.range.start.line + 1 })}`;
      const place = href ? `<a href="${escapeHtml(href)}">${escapeHtml(where)}</a>` : escapeHtml(where);
      return `<li>${place}：${escapeHtml(r.message)}</li>`;
    })
    .join('');
  return (
    `<li id="${escapeHtml(id)}" class="finding ${finding.severity}"><span class="severity">${escapeHtml(translate(locale, `severity-${finding.severity}`))}</span> ` +
    `<span class="where">${escapeHtml(line)}</span> ${escapeHtml(finding.message)} <code>${escapeHtml(finding.code)}</code>` +
    (related ? `<ul class="related">${related}</ul>` : '') +
    `</li>`
  );
}

/**
 * A report's page: title, its findings, its findings across reports (each related cell of another
 * year's report linked), and its tables as read — the cells of a finding marked and linked to it, the
 * cells that findings of other reports relate to anchored (`targets`) so those findings can link to them.
 */
export function reportPage(
  report: AuditedReport,
  data: ReportPageData,
  across: ReadonlyArray<Pick<AuditFindingRecord, 'finding' | 'extras'>>,
  targets: ReadonlySet<string>,
  links: PageLinks,
  locale: Locale,
): string {
  const t = createAuditTranslator(locale);
  const id = pageId(report);
  const findingOfCell = new Map<string, string>();
  const items = data.findings.map((diagnostic, i) => {
    const findingId = `${id}-f${i}`;
    for (const cell of data.cells[i] ?? []) if (!findingOfCell.has(cell)) findingOfCell.set(cell, findingId);
    return findingItem(findingId, diagnostic, locale, () => undefined);
  });
  const acrossItems = across.map(({ finding, extras }, i) => {
    const findingId = `${id}-x${i}`;
    for (const cell of extras.cells ?? []) if (!findingOfCell.has(cell)) findingOfCell.set(cell, findingId);
    return findingItem(findingId, finding, locale, links.report);
  });
  const heading = `${report.agency ?? t('unknown-agency')} ${report.year ?? ''}`;
  const parts = [
    `<section class="page" id="${id}">`,
    `<p><a href="${escapeHtml(links.summary)}">← ${escapeHtml(t('back'))}</a></p>`,
    `<h2>${escapeHtml(heading)}</h2>`,
    `<p class="meta">${escapeHtml(report.path)} · ${escapeHtml(report.templateId ?? '—')}</p>`,
    `<h3>${escapeHtml(t('findings'))}</h3>`,
    items.length > 0 ? `<ol class="findings">${items.join('')}</ol>` : `<p>${escapeHtml(t('no-findings'))}</p>`,
  ];
  if (acrossItems.length > 0) parts.push(`<h3>${escapeHtml(t('across-years'))}</h3>`, `<ol class="findings">${acrossItems.join('')}</ol>`);
  parts.push(`<h3>${escapeHtml(t('tables'))}</h3>`);
  if (data.tables.length === 0) parts.push(`<p>${escapeHtml(t('no-tables'))}</p>`);
  for (const table of data.tables) {
    const header = table.columns.map((column) => `<th>${escapeHtml(column)}</th>`).join('');
    const rows = table.rows
      .map((row) => {
        const cells = row.cells
          .map((cell) => {
            const text = cell.state === 'na' ? '' : cell.raw;
            const finding = findingOfCell.get(cell.id);
            const target = targets.has(cell.id);
            // Plain numbers carry no attribute: a page of a few hundred cells stays small.
            const classes = [...(cell.state === 'number' ? [] : [`state-${cell.state}`]), ...(finding ? ['failing'] : []), ...(target ? ['related-cell'] : [])];
            const attributes =
              (target ? ` id="${escapeHtml(cellAnchor(report, cell.id))}"` : '') +
              (classes.length > 0 ? ` class="${classes.join(' ')}"` : '') +
              (finding || target ? ` data-cell="${escapeHtml(cell.id)}"` : '');
            const content = finding ? `<a href="#${finding}">${escapeHtml(text || '∅')}</a>` : escapeHtml(text);
            return `<td${attributes}>${content}</td>`;
          })
          .join('');
        return `<tr><th scope="row">${escapeHtml(row.label)}</th>${cells}</tr>`;
      })
      .join('');
    parts.push(`<table><caption>${escapeHtml(table.label)}</caption><thead><tr><th></th>${header}</tr></thead><tbody>${rows}</tbody></table>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}
