import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '@nianbao/core';
import { translate } from '../../i18n/index.js';
import type { DiagnosticExtras, OutputDiagnostic, TableView } from '../../outcome/index.js';
import type { AuditedAgency, AuditOverview } from '../audit-overview.js';
import type { AuditedReport, AuditFindingRecord } from '../audit-records.js';
import { SpillFile, type SpillRef } from '../spill-file.js';
import { escapeHtml } from './escape-html.js';
import { cellAnchor, pageId, reportPage, type PageLink, type PageLinks, type ReportPageData } from './report-page.js';
import { agencyRows, summarySection, summaryStyle } from './summary-page.js';

/**
 * How the HTML summary is laid out: `single` — one file, each report's page shown by its anchor;
 * `split` — the summary file, and beside it a folder with one file per agency (its reports' pages) and
 * the list of all agencies in pages; `auto` — single up to {@link singleFileReports} reports.
 */
export type HtmlLayout = 'auto' | 'single' | 'split';

/** The layouts of `--html-pages`. */
export const htmlLayouts = ['auto', 'single', 'split'] as const;

/** Most reports whose pages `auto` puts into the summary file itself. */
export const singleFileReports = 200;

/** Most agencies and findings across reports a split summary lists itself (the rest are on the pages). */
export const splitSummaryAgencies = 100;
export const splitSummaryFindings = 200;

/** Agencies per page of the list of all agencies. */
export const agenciesPerIndexPage = 500;

/** The folder of a split summary's pages, beside the summary file (`audit.html` → `audit.pages`). */
export function pagesDirectoryOf(file: string): string {
  const extension = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, extension)}.pages`);
}

/**
 * Writes the self-contained HTML summary of an audit (`--html FILE`): no script, no external resource,
 * every report text escaped. What each report's page shows is kept in a temporary file as reports are
 * checked (memory does not grow with the pages); at the end the pages are rendered agency by agency,
 * with the findings across reports linked to the cells of the other year's report they relate to.
 */
export class HtmlSummaryWriter {
  private readonly spill = new SpillFile('pages');
  private onPage: () => void = () => undefined;

  constructor(
    private readonly file: string,
    private readonly locale: Locale,
    private readonly version: string,
    private readonly layout: HtmlLayout = 'auto',
  ) {}

  /** Keeps what a checked report's page shows; returns where it is. */
  keep(shown: readonly OutputDiagnostic[], extras: readonly DiagnosticExtras[], tables: readonly TableView[]): SpillRef {
    const data: ReportPageData = {
      findings: shown.map((finding) => ({ ...finding, suggestions: [] })),
      cells: extras.map((extra) => extra.cells ?? []),
      tables: [...tables],
    };
    return this.spill.append(data);
  }

  /**
   * Writes the summary (and in the split layout its folder of pages), calling `onPage` after each report
   * page; returns the number of files written and the folder of pages.
   */
  finish(overview: AuditOverview, onPage: () => void = () => undefined): { files: number; directory?: string } {
    this.onPage = onPage;
    const split = this.layout === 'split' || (this.layout === 'auto' && overview.reports.length > singleFileReports);
    const agencyOf = new Map<AuditedReport, number>();
    overview.agencies.forEach((agency, k) => agency.reports.forEach((report) => agencyOf.set(report, k)));
    const byPath = new Map(overview.reports.map((report) => [report.path, report]));
    const hrefOf = (prefix: string, report: AuditedReport) => (split ? `${prefix}a${agencyOf.get(report)}.html` : '') + `#${pageId(report)}`;
    const linkFrom =
      (prefix: string): PageLink =>
      (reportPath, cell) => {
        const report = byPath.get(reportPath);
        if (!report?.page) return undefined;
        return cell === undefined ? hrefOf(prefix, report) : `${hrefOf(prefix, report).replace(/#.*$/u, '')}#${cellAnchor(report, cell)}`;
      };
    if (!split) {
      this.writeFile(this.file, 'summary', (write) => {
        write(summarySection(overview, this.locale, linkFrom('')));
        const links: PageLinks = { report: linkFrom(''), summary: '#summary' };
        for (const agency of overview.agencies) this.agencyPages(agency, overview.findings, links, write);
      });
      return { files: 1 };
    }

    const directory = pagesDirectoryOf(this.file);
    const directoryName = encodeURIComponent(path.basename(directory));
    const building = `${directory}.${process.pid}.tmp`;
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    const summaryHref = `../${encodeURIComponent(path.basename(this.file))}`;
    let files = 0;
    try {
      const pageLinks: PageLinks = { report: linkFrom(''), summary: summaryHref };
      overview.agencies.forEach((agency, k) => {
        this.writeFile(path.join(building, `a${k}.html`), 'agency', (write) => this.agencyPages(agency, overview.findings, pageLinks, write));
        files++;
      });
      const indexPages = Math.ceil(overview.agencies.length / agenciesPerIndexPage);
      for (let p = 0; p < indexPages; p++) {
        const agencies = overview.agencies.slice(p * agenciesPerIndexPage, (p + 1) * agenciesPerIndexPage);
        this.writeFile(path.join(building, `agencies-${p + 1}.html`), 'index', (write) => {
          const title = translate(this.locale, 'audit-agencies-page', { page: p + 1, pages: indexPages });
          const around = [p > 0 ? `<a href="agencies-${p}.html">←</a>` : '', p + 1 < indexPages ? `<a href="agencies-${p + 2}.html">→</a>` : ''].join(' ');
          write(`<p><a href="${escapeHtml(summaryHref)}">← ${escapeHtml(translate(this.locale, 'audit-back'))}</a> ${around}</p>\n<h1>${escapeHtml(title)}</h1>\n`);
          write(agencyRows(agencies, this.locale, linkFrom('')));
        });
        files++;
      }
      // Replace the folder of an earlier run (only one this writer made: it has the first list page).
      if (existsSync(directory)) {
        if (!existsSync(path.join(directory, 'agencies-1.html'))) throw new Error(`${directory} exists and is not a folder of audit pages`);
        rmSync(directory, { recursive: true, force: true });
      }
      renameSync(building, directory);
    } catch (error) {
      rmSync(building, { recursive: true, force: true });
      throw error;
    }
    const indexLinks = Array.from({ length: Math.ceil(overview.agencies.length / agenciesPerIndexPage) }, (_, p) => `${directoryName}/agencies-${p + 1}.html`);
    this.writeFile(this.file, 'summary', (write) =>
      write(
        summarySection(overview, this.locale, linkFrom(`${directoryName}/`), {
          agencies: splitSummaryAgencies,
          findings: splitSummaryFindings,
          agencyIndex: indexLinks,
        }),
      ),
    );
    return { files: files + 1, directory };
  }

  /** Writes the pages of an agency's reports, each with its findings across reports and the cells they relate to anchored. */
  private agencyPages(agency: AuditedAgency, findings: AuditOverview['findings'], links: PageLinks, write: (text: string) => void): void {
    const across = new Map<AuditedReport, AuditFindingRecord[]>();
    const targets = new Map<string, Set<string>>();
    for (const report of agency.reports) {
      const own = (report.across ?? []).map((ref) => findings.get(ref));
      across.set(report, own);
      for (const { finding } of own) {
        for (const related of finding.related) {
          if (related.cell === undefined) continue;
          const cells = targets.get(related.path) ?? new Set<string>();
          cells.add(related.cell);
          targets.set(related.path, cells);
        }
      }
    }
    for (const report of agency.reports) {
      if (!report.page) continue;
      const data = this.spill.read<ReportPageData>(report.page);
      write(`\n${reportPage(report, data, across.get(report) ?? [], targets.get(report.path) ?? new Set(), links, this.locale)}\n`);
      this.onPage();
    }
  }

  /** Writes one HTML file (atomically: a temporary file renamed over it) with the summary's head and style. */
  private writeFile(file: string, kind: 'summary' | 'agency' | 'index', body: (write: (text: string) => void) => void): void {
    const temporary = `${file}.${process.pid}.tmp`;
    const out = openSync(temporary, 'w');
    const encoder = new TextEncoder();
    try {
      const write = (text: string) => {
        const bytes = encoder.encode(text);
        let written = 0;
        while (written < bytes.length) written += writeSync(out, bytes, written, bytes.length - written);
      };
      const lang = this.locale === 'en' ? 'en' : 'zh-CN';
      write(
        `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
          `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n` +
          `<title>${escapeHtml(translate(this.locale, 'audit-title'))}</title>\n<style>${summaryStyle}</style>\n</head>\n<body${kind === 'summary' ? '' : ` class="${kind}"`}>\n<main>\n`,
      );
      body(write);
      write(`\n<p class="meta">${escapeHtml(translate(this.locale, 'audit-generated', { version: this.version }))}</p>\n</main>\n</body>\n</html>\n`);
    } catch (error) {
      closeSync(out);
      rmSync(temporary, { force: true });
      throw error;
    }
    closeSync(out);
    renameSync(temporary, file);
  }

  /** Removes the temporary file of pages. */
  dispose(): void {
    this.spill.dispose();
  }
}
