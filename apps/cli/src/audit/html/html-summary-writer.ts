import { closeSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import type { Locale } from '@nianbao/core';
import type { DiagnosticExtras, OutputDiagnostic, TableView } from '../../outcome/index.js';
import { translate } from '../../i18n/index.js';
import type { AuditOverview } from '../audit-overview.js';
import type { AuditedReport, AuditFindingRecord } from '../audit-records.js';
import { escapeHtml } from './escape-html.js';
import { findingItem, pageId, reportPageStart } from './report-page.js';
import { summaryStyle } from './summary-page.js';
import { summarySection } from './summary-page.js';

/**
 * Writes the self-contained HTML summary of an audit (`--html FILE`): one file, no script, no external
 * resource. Report pages are rendered as each report is checked and kept in a temporary file beside the
 * target (memory stays bounded however many reports there are); at the end the summary is written, then
 * the pages are copied after it, each with the findings across reports that concern it, and the result
 * is renamed over the target.
 */
export class HtmlSummaryWriter {
  private readonly pagesFile: string;
  private readonly pagesFd: number;
  private pagesLength = 0;
  private readonly pages: Array<{ report: AuditedReport; start: number; end: number }> = [];
  private readonly encoder = new TextEncoder();

  constructor(
    private readonly file: string,
    private readonly locale: Locale,
    private readonly version: string,
  ) {
    this.pagesFile = `${file}.${process.pid}.pages.tmp`;
    this.pagesFd = openSync(this.pagesFile, 'w+');
  }

  /** Renders a checked report's page (without findings across reports). */
  page(report: AuditedReport, shown: readonly OutputDiagnostic[], extras: readonly DiagnosticExtras[], tables: readonly TableView[]): void {
    const bytes = this.encoder.encode(reportPageStart(report, shown, extras, tables, this.locale));
    writeSync(this.pagesFd, bytes, 0, bytes.length, this.pagesLength);
    this.pages.push({ report, start: this.pagesLength, end: this.pagesLength + bytes.length });
    this.pagesLength += bytes.length;
  }

  /** Writes the file: summary, then every page with its findings across reports. */
  finish(overview: AuditOverview): void {
    const pageByPath = new Map(this.pages.map(({ report }) => [report.path, pageId(report)]));
    const pageOf = (path: string) => pageByPath.get(path);
    const across = new Map<string, AuditFindingRecord[]>();
    overview.findings.forEach((record) => {
      const list = across.get(record.finding.path) ?? [];
      list.push(record);
      across.set(record.finding.path, list);
    });
    // Cells of findings across reports are marked by style (their pages were rendered before the findings).
    const marked = overview.findings.flatMap(({ finding, extras }) => {
      const page = pageOf(finding.path);
      return page ? (extras.cells ?? []).map((cell) => `#${page} td[data-cell="${cell.replace(/["\\]/gu, '')}"]`) : [];
    });
    const markedStyle = marked.length > 0 ? `${marked.join(',')}{background:#ffd7d5;font-weight:bold}` : '';
    const temporary = `${this.file}.${process.pid}.tmp`;
    const out = openSync(temporary, 'w');
    try {
      const write = (text: string) => {
        const bytes = this.encoder.encode(text);
        writeSync(out, bytes, 0, bytes.length);
      };
      const lang = this.locale === 'en' ? 'en' : 'zh-CN';
      write(
        `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
          `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n` +
          `<title>${escapeHtml(translate(this.locale, 'audit-title'))}</title>\n<style>${summaryStyle}${markedStyle}</style>\n</head>\n<body>\n<main>\n`,
      );
      write(summarySection(overview, this.locale, pageOf));
      const buffer = Buffer.alloc(64 * 1024);
      for (const { report, start, end } of this.pages) {
        for (let at = start; at < end; ) {
          const read = readSync(this.pagesFd, buffer, 0, Math.min(buffer.length, end - at), at);
          if (read <= 0) break;
          writeSync(out, buffer, 0, read);
          at += read;
        }
        const extra = across.get(report.path) ?? [];
        if (extra.length > 0) {
          const items = extra.map(({ finding }, i) => findingItem(`${pageId(report)}-x${i}`, finding, this.locale, pageOf));
          write(`\n<h3>${escapeHtml(translate(this.locale, 'audit-across-years'))}</h3><ol class="findings">${items.join('')}</ol>`);
        }
        write('\n</section>\n');
      }
      write(`<p class="meta">${escapeHtml(translate(this.locale, 'audit-generated', { version: this.version }))}</p>\n</main>\n</body>\n</html>\n`);
    } finally {
      closeSync(out);
    }
    renameSync(temporary, this.file);
    this.dispose();
  }

  /** Removes the temporary pages file. */
  dispose(): void {
    try {
      closeSync(this.pagesFd);
    } catch {
      // already closed
    }
    try {
      unlinkSync(this.pagesFile);
    } catch {
      // already removed
    }
  }
}
