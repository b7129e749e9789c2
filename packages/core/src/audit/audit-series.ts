import type { TemplateIR } from '../ir/template-ir.js';
import { message, type Locale } from '../messages/index.js';
import type { AuditFinding } from './audit-finding.js';
import { checkCopiedText } from './check-copied-text.js';
import { checkCrossYear } from './check-cross-year.js';
import type { ReportDigest } from './report-digest.js';
import type { ReportSeries } from './report-series.js';

/**
 * Every finding an audit makes about one agency's series: each pair of consecutive years is checked with
 * the later report's template (cross-year rules, copied sections); each file that claims a year another
 * file already claims is a finding. Nothing is said about a year whose year before is absent.
 */
export function auditSeries(series: ReportSeries, templates: readonly TemplateIR[], locale: Locale): AuditFinding[] {
  const findings: AuditFinding[] = [];
  for (let i = 1; i < series.reports.length; i++) {
    const later = series.reports[i];
    const earlier = series.reports[i - 1];
    const template = templates.find((t) => t.id === later.templateId);
    if (!template) continue;
    findings.push(...checkCrossYear(later, earlier, template, locale), ...checkCopiedText(later, earlier, template, locale));
  }
  for (const { report, first } of series.duplicates) findings.push(duplicateFinding(series, report, first, locale));
  return findings;
}

function duplicateFinding(series: ReportSeries, report: ReportDigest, first: ReportDigest, locale: Locale): AuditFinding {
  const origin = { range: { start: 0, end: 0 }, start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return {
    code: 'audit/duplicate-report',
    category: 'audit',
    severity: 'warning',
    message: message('audit/duplicate-report', { agency: series.agency, year: report.year ?? '', other: first.path }, locale),
    location: { path: report.path, ...(report.title ?? origin) },
    related: [{ path: first.path, ...(first.title ?? origin), message: message('related/duplicate-report', {}, locale) }],
    evidence: `${series.key}|${report.year}`,
  };
}
