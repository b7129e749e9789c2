import type { ReportKey, ReportSets } from '@nianbao/core';
import { jsonContractVersion } from '../format/json-formatter.js';
import type { FileOutcome, OutputDiagnostic, RunSummary } from '../outcome/index.js';
import { contractSummary } from '../outcome/index.js';
import type { AuditFindingRecord } from './audit-records.js';
import type { BaselineState } from '../format/sarif-formatter.js';

/**
 * `nianbao audit --format json`: one JSON document, written as the run goes (memory stays bounded):
 * `{ version, files: [file objects of the validate contract, only the findings shown], audit: { series,
 * unidentified, findings }, summary }`. Audit findings carry their report's `path`, and each related
 * location the `path` of the report it is in.
 */
export class AuditJsonWriter {
  private files = 0;

  constructor(private readonly write: (text: string) => void) {
    this.write(`{"version":${jsonContractVersion},"files":[`);
  }

  /** One checked file, with the findings shown (those not acknowledged in the baseline). */
  file(outcome: FileOutcome, shown: readonly OutputDiagnostic[], states?: readonly (BaselineState | undefined)[]): void {
    if (!outcome.result) return;
    const diagnostics = states ? shown.map((d, i) => ({ ...d, baselineState: states[i] })) : shown;
    this.write(`${this.files === 0 ? '' : ','}\n${JSON.stringify({ ...outcome.result, diagnostics })}`);
    this.files++;
  }

  /** The audit part and the summary; ends the document (series and findings written one at a time). */
  finish(sets: ReportSets<ReportKey>, findings: Iterable<AuditFindingRecord>, summary: RunSummary): void {
    this.write(`\n],"audit":{"series":[`);
    sets.series.forEach((s, i) => {
      const series = {
        agency: s.agency,
        key: s.key,
        years: s.reports.map((r) => ({ year: r.year, path: r.path, template: r.templateId })),
        duplicates: s.duplicates.map((d) => ({ year: d.report.year, path: d.report.path, first: d.first.path })),
      };
      this.write(`${i === 0 ? '' : ','}${JSON.stringify(series)}`);
    });
    this.write(`],"unidentified":${JSON.stringify(sets.unidentified.map((d) => d.path))},"findings":[`);
    let i = 0;
    for (const { finding, state } of findings) this.write(`${i++ === 0 ? '' : ','}${JSON.stringify(state ? { ...finding, baselineState: state } : finding)}`);
    this.write(`]},"summary":${JSON.stringify(contractSummary(summary))}}\n`);
  }
}
