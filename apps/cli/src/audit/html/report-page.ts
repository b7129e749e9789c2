import type { Locale } from '@nianbao/core';
import type { DiagnosticExtras, OutputDiagnostic, TableView } from '../../outcome/index.js';
import { createAuditTranslator, translate } from '../../i18n/index.js';
import type { AuditedReport, AuditOutputFinding } from '../audit-records.js';
import { escapeHtml } from './escape-html.js';

/** The anchor of a report's page. */
export function pageId(report: Pick<AuditedReport, 'index'>): string {
  return `r${report.index}`;
}

/** One finding of a page: its anchor, the finding, and links for related places in other reports. */
export function findingItem(
  id: string,
  finding: OutputDiagnostic | AuditOutputFinding,
  locale: Locale,
  pageOf: (path: string) => string | undefined,
): string {
  const line = translate(locale, 'audit-line', { line: finding.range.start.line + 1 });
  const related = finding.related
    .map((r) => {
      const path = (r as { path?: string }).path;
      const page = path === undefined ? undefined : pageOf(path);
      const where = `${path === undefined ? '' : `${path} · `}${translate(locale, 'audit-line', { line: r.range.start.line + 1 })}`;
      const place = page ? `<a href="#${page}">${escapeHtml(where)}</a>` : escapeHtml(where);
      return `<li>${place}：${escapeHtml(r.message)}</li>`;
    })
    .join('');
  return (
    `<li id="${id}" class="finding ${finding.severity}"><span class="severity">${escapeHtml(finding.severity)}</span> ` +
    `<span class="where">${escapeHtml(line)}</span> ${escapeHtml(finding.message)} <code>${escapeHtml(finding.code)}</code>` +
    (related ? `<ul class="related">${related}</ul>` : '') +
    `</li>`
  );
}

/**
 * The start of a report's page (everything but its closing tag, so that findings across reports can be
 * added once the whole run is known): title, findings, and the tables as read, the cells of a finding
 * marked and linked to it.
 */
export function reportPageStart(
  report: AuditedReport,
  shown: readonly OutputDiagnostic[],
  extras: readonly DiagnosticExtras[],
  tables: readonly TableView[],
  locale: Locale,
): string {
  const t = createAuditTranslator(locale);
  const id = pageId(report);
  const findingOfCell = new Map<string, string>();
  const items = shown.map((diagnostic, i) => {
    const findingId = `${id}-f${i}`;
    for (const cell of extras[i]?.cells ?? []) if (!findingOfCell.has(cell)) findingOfCell.set(cell, findingId);
    return findingItem(findingId, diagnostic, locale, () => undefined);
  });
  const heading = `${report.agency ?? t('unknown-agency')} ${report.year ?? ''}`;
  const parts = [
    `<section class="page" id="${id}">`,
    `<p><a href="#summary">← ${escapeHtml(t('back'))}</a></p>`,
    `<h2>${escapeHtml(heading)}</h2>`,
    `<p class="meta">${escapeHtml(report.path)} · ${escapeHtml(report.templateId ?? '—')}</p>`,
    `<h3>${escapeHtml(t('findings'))}</h3>`,
    items.length > 0 ? `<ol class="findings">${items.join('')}</ol>` : `<p>${escapeHtml(t('no-findings'))}</p>`,
    `<h3>${escapeHtml(t('tables'))}</h3>`,
  ];
  if (tables.length === 0) parts.push(`<p>${escapeHtml(t('no-tables'))}</p>`);
  for (const table of tables) {
    const header = table.columns.map((column) => `<th>${escapeHtml(column)}</th>`).join('');
    const rows = table.rows
      .map((row) => {
        const cells = row.cells
          .map((cell) => {
            const text = cell.state === 'na' ? '' : cell.raw;
            const finding = findingOfCell.get(cell.id);
            const classes = [`state-${cell.state}`, ...(finding ? ['failing'] : [])].join(' ');
            const content = finding ? `<a href="#${finding}">${escapeHtml(text || '∅')}</a>` : escapeHtml(text);
            return `<td class="${classes}" data-cell="${escapeHtml(cell.id)}">${content}</td>`;
          })
          .join('');
        return `<tr><th scope="row">${escapeHtml(row.label)}</th>${cells}</tr>`;
      })
      .join('');
    parts.push(`<table><caption>${escapeHtml(table.label)}</caption><thead><tr><th></th>${header}</tr></thead><tbody>${rows}</tbody></table>`);
  }
  return parts.join('\n');
}
