import type { AuditFindingStore } from './audit-finding-store.js';
import { regionFigures } from './audit-payload.js';
import type { AuditedReport } from './audit-records.js';

/** One year of the region: reports, findings and the key figures added up. */
export interface RegionYear {
  year: number;
  reports: number;
  errors: number;
  warnings: number;
  /** Sum of each key figure over the reports that state it with certainty, and how many do. */
  figures: Record<string, { total: number; reports: number }>;
}

/** The region's key figures added up per year as reports are checked (nothing kept per report). */
export class RegionFigureTally {
  private readonly years = new Map<number, RegionYear['figures']>();

  /** Adds one report's key figures (null: not read with certainty) to its year. */
  add(year: number | null, figures: Readonly<Record<string, number | null>> | undefined): void {
    if (year === null) return;
    let sums = this.years.get(year);
    if (!sums) {
      sums = Object.fromEntries(Object.keys(regionFigures).map((name) => [name, { total: 0, reports: 0 }]));
      this.years.set(year, sums);
    }
    for (const [name, value] of Object.entries(figures ?? {})) {
      if (value === null || !sums[name]) continue;
      sums[name].total += value;
      sums[name].reports++;
    }
  }

  /** The sums of a year (zero when no report of the year stated any). */
  of(year: number): RegionYear['figures'] {
    return this.years.get(year) ?? Object.fromEntries(Object.keys(regionFigures).map((name) => [name, { total: 0, reports: 0 }]));
  }
}

/** An agency's reports (or a report without agency, alone), with its counts. */
export interface AuditedAgency {
  name: string;
  reports: AuditedReport[];
  errors: number;
  warnings: number;
}

/** Everything the summaries (terminal, HTML) show, computed once at the end of the run. */
export interface AuditOverview {
  reports: AuditedReport[];
  /** Reports grouped by agency key (reports without one alone, by path), agencies sorted by findings. */
  agencies: AuditedAgency[];
  years: RegionYear[];
  /** Findings per code over the whole run, most frequent first. */
  topCodes: Array<{ code: string; count: number }>;
  /** Findings across reports (read back from disk as they are shown). */
  findings: AuditFindingStore;
  pairsChecked: number;
  unidentified: number;
  acknowledged: number;
}

/** Builds the overview of a run from its report records, the key figures per year and the findings across reports. */
export function auditOverview(
  reports: AuditedReport[],
  figures: RegionFigureTally,
  findings: AuditFindingStore,
  stats: { pairsChecked: number; unidentified: number; acknowledged: number },
): AuditOverview {
  const byAgency = new Map<string, AuditedAgency>();
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
      year = { year: report.year, reports: 0, errors: 0, warnings: 0, figures: figures.of(report.year) };
      years.set(report.year, year);
    }
    year.reports++;
    year.errors += report.errors;
    year.warnings += report.warnings;
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
