import type { Locale, Severity } from '@nianbao/core';
import type { Style, StyleName } from '../terminal/style.js';
import { displayWidth, widestOf } from '../terminal/display-width.js';
import { createAuditTranslator } from '../i18n/index.js';
import type { AuditOverview } from './audit-overview.js';

const severityStyle: Record<Severity, StyleName> = { error: 'red', warning: 'yellow', info: 'blue' };

/** Most agencies listed on the terminal (the HTML summary and JSON have them all). */
export const agenciesListed = 20;

/**
 * The terminal summary of an audit: the run in one line, a table of the agencies with the most findings
 * (each year: template, errors, warnings, top codes), every finding across reports in full, the totals.
 */
export function writeTerminalSummary(overview: AuditOverview, write: (text: string) => void, style: Style, locale: Locale): void {
  const t = createAuditTranslator(locale);
  const years = overview.years.map((y) => y.year);
  const yearText = years.length > 0 ? t('years-range', { from: years[0], to: years[years.length - 1] }) : t('no-years');
  write(`${style('bold', t('overview', { files: overview.reports.length, agencies: overview.agencies.length, years: yearText }))}\n\n`);
  const rows: string[][] = [[t('agency'), t('year'), t('template'), t('errors'), t('warnings'), t('top-codes')]];
  for (const agency of overview.agencies.slice(0, agenciesListed)) {
    agency.reports.forEach((report, i) => {
      const top = Object.entries(report.codes)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 2)
        .map(([code, count]) => `${code} ×${count}`)
        .join(', ');
      rows.push([
        i === 0 ? agency.name || t('unknown-agency') : '',
        report.year === null ? t('unknown-year') : String(report.year),
        report.templateId ?? '—',
        String(report.errors),
        String(report.warnings),
        top,
      ]);
    });
  }
  const widths = rows[0].map((_, column) => widestOf(rows.map((row) => row[column])));
  rows.forEach((row, r) => {
    const cells = row.map((cell, column) => {
      const padded = column === 3 || column === 4 ? ' '.repeat(widths[column] - displayWidth(cell)) + cell : cell + ' '.repeat(widths[column] - displayWidth(cell));
      if (r === 0) return style('bold', padded);
      if (column === 3 && cell !== '0') return style('red', padded);
      if (column === 4 && cell !== '0') return style('yellow', padded);
      return padded;
    });
    write(`  ${cells.join('  ').trimEnd()}\n`);
  });
  if (overview.agencies.length > agenciesListed) write(`  ${style('dim', t('more-agencies', { n: overview.agencies.length - agenciesListed }))}\n`);
  write('\n');
  if (overview.findings.count === 0) {
    write(`${style('green', '✔')} ${t('no-across-years')}\n`);
  } else {
    write(`${style('bold', t('across-years'))}\n`);
    for (const { finding } of overview.findings.all()) {
      const position = `${finding.path}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      write(`  ${style('underline', position)}  ${style(severityStyle[finding.severity], finding.severity)}  ${finding.message}  ${style('gray', finding.code)}\n`);
      for (const related of finding.related) {
        write(`    ${style('gray', '↳')} ${style('dim', `${related.path}:${related.range.start.line + 1}:${related.range.start.character + 1}`)}  ${related.message}\n`);
      }
    }
  }
  write(`  ${style('dim', t('series-checked', { pairs: overview.pairsChecked }))}\n`);
  if (overview.unidentified > 0) write(`  ${style('yellow', t('unidentified', { n: overview.unidentified }))}\n`);
  if (overview.acknowledged > 0) write(`  ${style('dim', t('acknowledged', { n: overview.acknowledged }))}\n`);
}
