import type { ReportDigest } from './report-digest.js';

/** What grouping needs of a report: who and which year it is (a {@link ReportDigest}, or a smaller record of it). */
export type ReportKey = Pick<ReportDigest, 'path' | 'agency' | 'agencyKey' | 'year' | 'templateId'>;

/** Several years of one agency's reports (digests, or any record carrying their {@link ReportKey}). */
export interface ReportSeries<T extends ReportKey = ReportDigest> {
  /** The agency key shared by the reports. */
  key: string;
  /** The agency's name: the longest way one of its reports writes it. */
  agency: string;
  /** One report per year, by year; the first file wins when several claim the same year. */
  reports: T[];
  /** Files that claim a year another file of the series already claims, each with that first file. */
  duplicates: Array<{ report: T; first: T }>;
}

/** Reports grouped into series, and those that could not be placed (no agency or no year). */
export interface ReportSets<T extends ReportKey = ReportDigest> {
  series: Array<ReportSeries<T>>;
  unidentified: T[];
}

/**
 * Groups reports by agency (normalised key) and year. Input order decides which of two files claiming
 * the same agency and year is used; series are ordered by agency key, reports by year. The objects given
 * are the ones grouped (an audit can group small records and load the full digests series by series).
 */
export function groupReports<T extends ReportKey = ReportDigest>(digests: Iterable<T>): ReportSets<T> {
  const byKey = new Map<string, ReportSeries<T>>();
  const unidentified: T[] = [];
  for (const digest of digests) {
    if (!digest.agencyKey || digest.year === null || !digest.agency) {
      unidentified.push(digest);
      continue;
    }
    let series = byKey.get(digest.agencyKey);
    if (!series) {
      series = { key: digest.agencyKey, agency: digest.agency, reports: [], duplicates: [] };
      byKey.set(digest.agencyKey, series);
    }
    if (digest.agency.length > series.agency.length) series.agency = digest.agency;
    const first = series.reports.find((report) => report.year === digest.year);
    if (first) series.duplicates.push({ report: digest, first });
    else series.reports.push(digest);
  }
  const series = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const one of series) one.reports.sort((a, b) => a.year! - b.year!);
  return { series, unidentified };
}
