import type { AuditedReport, AuditFindingRecord } from './audit-records.js';
import { regionFigures } from './audit-payload.js';

/** One year of the region: reports, findings and the key figures added up. */
export interface RegionYear {
  year: number;
  reports: number;
  errors: number;
  warnings: number;
  /** Sum of each key figure over the reports that state it with certainty, and how many do. */
  figures: Record<string, { total: number; reports: number }>;
}

/** Everything the summaries (terminal, HTML) show, computed once at the end of the run. */
export interface AuditOverview {
  reports: AuditedReport[];
  /** Reports grouped by agency key (reports without one alone, by path), agencies sorted by findings. */
  agencies: Array<{ name: string; reports: AuditedReport[]; errors: number; warnings: number }>;
  years: RegionYear[];
  /** Findings per code over the whole run, most frequent first. */
  topCodes: Array<{ code: string; count: number }>;
  findings: AuditFindingRecord[];
  pairsChecked: number;
  unidentified: number;
  acknowledged: number;
}

/** Builds the overview of a run from its report records and findings across reports. */
export function auditOverview(
  reports: AuditedReport[],
  findings: AuditFindingRecord[],
  stats: { pairsChecked: number; unidentified: number; acknowledged: number },
): AuditOverview {
  const byAgency = new Map<string, { name: string; reports: AuditedReport[]; errors: number; warnings: number }>();
  for (const report of reports) {
    const key = report.agencyKey ?? `\u0000${report.path}`;
    let agency = byAgency.get(key);
    if (!agency) {
      agency = { name: report.agency ?? '', reports: [], errors: 0, warnings: 0 };
      byAgency.set(key, agency);
    }
    if ((report.agency ?? '').length > agency.name.length) agency.name = report.agency!;
    agency.reports.push(report);
    agency.errors += report.errors;
    agency.warnings += report.warnings;
  }
  const agencies = [...byAgency.values()].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const agency of agencies) agency.reports.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.index - b.index);
  const years = new Map<number, RegionYear>();
  const codes = new Map<string, number>();
  for (const report of reports) {
    for (const [code, count] of Object.entries(report.codes)) codes.set(code, (codes.get(code) ?? 0) + count);
    if (report.year === null) continue;
    let year = years.get(report.year);
    if (!year) {
      year = { year: report.year, reports: 0, errors: 0, warnings: 0, figures: Object.fromEntries(Object.keys(regionFigures).map((name) => [name, { total: 0, reports: 0 }])) };
      years.set(report.year, year);
    }
    year.reports++;
    year.errors += report.errors;
    year.warnings += report.warnings;
    for (const [name, value] of Object.entries(report.figures)) {
      if (value === null || !year.figures[name]) continue;
      year.figures[name].total += value;
      year.figures[name].reports++;
    }
  }
  return {
    reports,
    agencies,
    years: [...years.values()].sort((a, b) => a.year - b.year),
    topCodes: [...codes].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)),
    findings,
    ...stats,
  };
}
