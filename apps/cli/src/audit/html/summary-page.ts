import { describeCode, isDiagnosticCode, type Locale } from '@nianbao/core';
import { createAuditTranslator, type AuditMessageKey } from '../../i18n/index.js';
import type { AuditOverview } from '../audit-overview.js';
import { regionFigures } from '../audit-payload.js';
import { escapeHtml } from './escape-html.js';
import type { AuditedAgency } from '../audit-overview.js';
import { findingItem, type PageLink } from './report-page.js';
import { barChart } from './svg-chart.js';

/** The style sheet: a summary, and pages shown one at a time by their anchor (no script). */
export const summaryStyle = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2328;background:#fff}
main{max-width:1100px;margin:0 auto;padding:16px 24px}
h1{font-size:22px}h2{font-size:18px;margin-top:28px}h3{font-size:15px}
table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}
th,td{border:1px solid #d0d7de;padding:3px 6px;text-align:left;vertical-align:top}
td.num,th.num{text-align:right}
caption{text-align:left;font-weight:bold;padding:4px 0}
.page{display:none}.page:target,.page:has(:target){display:block}
body:has(.page:target) #summary,body:has(.page :target) #summary{display:none}
body.agency .page{display:block;border-top:1px solid #d0d7de;margin-top:24px}
td.failing{background:#ffd7d5;font-weight:bold}td.failing a{color:#a40e26}
td.state-blank{background:#f6f8fa}td.state-na{background:#eaeef2}
td.related-cell{box-shadow:inset 0 0 0 2px #bf8700}td:target{background:#fff8c5;box-shadow:inset 0 0 0 3px #0969da}
.finding{margin:4px 0}.finding:target{background:#fff8c5}
.severity{display:inline-block;min-width:4.5em;font-size:12px;font-weight:bold}
.error .severity{color:#cf222e}.warning .severity{color:#9a6700}.info .severity{color:#0969da}
.where,.meta{color:#59636e;font-size:12px}
.chart{max-width:640px;width:100%;height:auto;font-size:11px}
.chart .grid{stroke:#d0d7de;stroke-width:1}
code{font-size:12px;color:#59636e}
.errors{color:#cf222e;font-weight:bold}.warnings{color:#9a6700}
`;

/** How much of a long list the summary shows, and where the rest is. */
export interface SummaryLimits {
  /** Most agencies in the table of agencies and years (all when absent). */
  agencies?: number;
  /** Most findings across reports listed (all when absent); each is on its report's page too. */
  findings?: number;
  /** Pages that list every agency (links, in order), when the summary lists only some. */
  agencyIndex?: string[];
}

/** The rows of the table of agencies and years: per agency and year the template, errors, warnings, top codes; years link to report pages. */
export function agencyRows(agencies: readonly AuditedAgency[], locale: Locale, linkOf: PageLink): string {
  const t = createAuditTranslator(locale);
  const rows: string[] = [];
  for (const agency of agencies) {
    agency.reports.forEach((report, i) => {
      const top = Object.entries(report.codes)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([code, count]) => `<code>${escapeHtml(code)}</code> ×${count}`)
        .join('，');
      const href = linkOf(report.path);
      const year = escapeHtml(report.year === null ? t('unknown-year') : String(report.year));
      rows.push(
        `<tr>${i === 0 ? `<th scope="rowgroup" rowspan="${agency.reports.length}">${escapeHtml(agency.name || t('unknown-agency'))}</th>` : ''}` +
          `<td>${href ? `<a href="${escapeHtml(href)}">${year}</a>` : year}</td><td>${escapeHtml(report.templateId ?? '—')}</td>` +
          `<td class="num${report.errors ? ' errors' : ''}">${report.errors}</td><td class="num${report.warnings ? ' warnings' : ''}">${report.warnings}</td>` +
          `<td>${top || escapeHtml(t('none'))}</td><td class="meta">${escapeHtml(report.path)}</td></tr>`,
      );
    });
  }
  const head = [t('agency'), t('year'), t('template'), t('errors'), t('warnings'), t('top-codes'), t('file')];
  return `<table class="agencies"><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * The summary part of the HTML page: overview, region per year with charts, findings across reports,
 * agencies and years, top codes. Long lists are cut at `limits`, saying where the rest is.
 */
export function summarySection(overview: AuditOverview, locale: Locale, linkOf: PageLink, limits: SummaryLimits = {}): string {
  const t = createAuditTranslator(locale);
  const years = overview.years;
  const yearText = years.length > 0 ? t('years-range', { from: years[0].year, to: years[years.length - 1].year }) : t('no-years');
  const parts: string[] = [`<section id="summary">`, `<h1>${escapeHtml(t('title'))}</h1>`];
  parts.push(`<p>${escapeHtml(t('overview', { files: overview.reports.length, agencies: overview.agencies.length, years: yearText }))}</p>`);

  // The region per year.
  const names = Object.keys(regionFigures);
  parts.push(`<h2>${escapeHtml(t('region-totals'))}</h2>`);
  const head = [t('year'), t('reports'), t('errors'), t('warnings'), ...names.map((name) => t(`figure-${name}` as AuditMessageKey))];
  const body = years.map((year) => {
    const cells = [year.reports, year.errors, year.warnings].map((n) => `<td class="num">${n}</td>`);
    for (const name of names) {
      const figure = year.figures[name];
      cells.push(`<td class="num">${figure.total}${figure.reports < year.reports ? ` (${figure.reports})` : ''}</td>`);
    }
    return `<tr><th scope="row">${year.year}</th>${cells.join('')}</tr>`;
  });
  parts.push(`<table class="region"><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`);
  parts.push(`<p class="meta">${escapeHtml(t('figures-note'))}</p>`);
  const categories = years.map((y) => String(y.year));
  parts.push(
    barChart(t('chart-applications'), categories, [
      { name: t('figure-received'), colour: '#0969da', values: years.map((y) => y.figures.received.total) },
      { name: t('figure-granted'), colour: '#1a7f37', values: years.map((y) => y.figures.granted.total) },
      { name: t('figure-refused'), colour: '#cf222e', values: years.map((y) => y.figures.refused.total) },
      { name: t('figure-unableToProvide'), colour: '#9a6700', values: years.map((y) => y.figures.unableToProvide.total) },
    ]),
    barChart(t('chart-findings'), categories, [
      { name: t('errors'), colour: '#cf222e', values: years.map((y) => y.errors) },
      { name: t('warnings'), colour: '#d4a72c', values: years.map((y) => y.warnings) },
    ]),
  );

  // Findings across reports.
  parts.push(`<h2>${escapeHtml(t('across-years'))}</h2>`);
  if (overview.findings.count === 0) parts.push(`<p>${escapeHtml(t('no-across-years'))}</p>`);
  else {
    const items: string[] = [];
    let i = 0;
    for (const { finding } of overview.findings.all(limits.findings)) {
      const href = linkOf(finding.path);
      const item = findingItem(`x${i++}`, finding, locale, linkOf);
      items.push(href ? item.replace('</span> ', `</span> <a href="${escapeHtml(href)}">${escapeHtml(finding.path)}</a> `) : item);
    }
    parts.push(`<ol class="findings">${items.join('')}</ol>`);
    if (overview.findings.count > items.length) parts.push(`<p class="meta">${escapeHtml(t('more-findings', { n: overview.findings.count - items.length }))}</p>`);
  }

  // Agencies and years.
  parts.push(`<h2>${escapeHtml(t('agencies-years'))}</h2>`);
  const listed = overview.agencies.slice(0, limits.agencies ?? overview.agencies.length);
  parts.push(agencyRows(listed, locale, linkOf));
  if (listed.length < overview.agencies.length) {
    parts.push(`<p class="meta">${escapeHtml(t('more-agencies-pages', { n: overview.agencies.length - listed.length }))}</p>`);
    const links = (limits.agencyIndex ?? []).map((href, p) => `<a href="${escapeHtml(href)}">${p + 1}</a>`);
    if (links.length > 0) parts.push(`<p class="pages">${escapeHtml(t('all-agencies'))} ${links.join(' ')}</p>`);
  }

  // Most frequent codes.
  parts.push(`<h2>${escapeHtml(t('top-codes-region'))}</h2>`);
  const codeRows = overview.topCodes.slice(0, 15).map(
    ({ code, count }) =>
      `<tr><td><code>${escapeHtml(code)}</code></td><td class="num">${count}</td><td>${escapeHtml(isDiagnosticCode(code) ? describeCode(code, locale) : code)}</td></tr>`,
  );
  parts.push(`<table><thead><tr><th>${escapeHtml(t('code'))}</th><th>${escapeHtml(t('count'))}</th><th>${escapeHtml(t('description'))}</th></tr></thead><tbody>${codeRows.join('')}</tbody></table>`);
  if (overview.acknowledged > 0) parts.push(`<p class="meta">${escapeHtml(t('acknowledged', { n: overview.acknowledged }))}</p>`);
  parts.push(`</section>`);
  return parts.join('\n');
}
