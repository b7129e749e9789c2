import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParsedReport } from '../../src/model/report.js';
import { officialReportDocx, officialReportHtml, t3Values, t4Values } from './official-grid.js';
import { parseBytes, rowValues, table } from './seed-helpers.js';

/**
 * Reports read through `readReport` from HTML (rowspan/colspan, &nbsp; cells), Word (.docx with
 * gridSpan/vMerge) and a GB18030-encoded text file: the parser sees the reader's TAB-separated grid.
 */

function expectOfficialValues(report: ParsedReport): void {
  expect(report.templateId).toBe('gov-disclosure-2021');
  expect(report.info).toMatchObject({ year: 2022, agency: '示例县示例局' });
  expect(report.sections.map((s) => s.match)).toEqual(['exact', 'exact', 'exact', 'exact', 'exact', 'exact']);
  expect(rowValues(report, 't2-1', 'regulations')).toEqual([1, 0, 5]);
  expect(rowValues(report, 't2-1', 'normativeDocuments')).toEqual([3, 1, 20]);
  expect(rowValues(report, 't2-5', 'licensing')).toEqual([120]);
  expect(rowValues(report, 't2-6', 'penalties')).toEqual([35]);
  expect(rowValues(report, 't2-6', 'compulsoryMeasures')).toEqual([4]);
  expect(rowValues(report, 't2-8', 'fees')).toEqual([1.5]);
  for (const [row, values] of Object.entries(t3Values)) {
    expect(rowValues(report, 't3', row), row).toEqual(values.map((v) => (v === null ? '' : v)));
  }
  expect(rowValues(report, 't4', 'cases')).toEqual(t4Values);
  for (const t of report.tables) {
    expect(t.missingRows, t.id).toEqual([]);
    expect(t.notes, t.id).toEqual([]);
    for (const row of t.rows) for (const cell of row.cells) expect(cell.guessed, cell.id).toBeUndefined();
  }
}

describe('HTML with rowspan/colspan and &nbsp; cells', () => {
  it('reads every cell, blanks included, with ranges into the HTML source', async () => {
    const html = officialReportHtml();
    const report = await parseBytes(new TextEncoder().encode(html), 'report.html');
    expect(report.source.format).toBe('html');
    expectOfficialValues(report);
    expect(table(report, 't3').layout).toBe('grid');
    const carried = table(report, 't3').rows.find((r) => r.id === 'carriedOver')!;
    const blank = carried.cells[1];
    expect(blank.state).toBe('blank');
    // The blank cell's range lies inside its <td>…</td>.
    const before = html.lastIndexOf('<td', blank.range!.start);
    expect(html.slice(before, html.indexOf('</td>', before))).toMatch(/^<td>(&nbsp;)?$/);
    const total = table(report, 't3').rows.find((r) => r.id === 'results.total')!.cells[6];
    expect(html.slice(total.range!.start, total.range!.end)).toBe('15');
  });
});

describe('Word document (.docx)', () => {
  it('reads every cell of merged-cell tables', async () => {
    const report = await parseBytes(await officialReportDocx(), 'report.docx');
    expect(report.source.format).toBe('docx');
    expectOfficialValues(report);
  });
});

describe('GB18030 text with CRLF line ends', () => {
  it('decodes and reads every table', async () => {
    const path = fileURLToPath(new URL('../fixtures/parse/report-2019-gb18030.txt', import.meta.url));
    const report = await parseBytes(new Uint8Array(readFileSync(path)), 'report-2019-gb18030.txt');
    expect(report.source.encoding).toBe('gb18030');
    expect(report.templateId).toBe('gov-disclosure-2019');
    expect(report.info).toMatchObject({ year: 2020, agency: '示例区示例局' });
    expect(rowValues(report, 't2-1', 'normativeDocuments')).toEqual([2, 2, 17]);
    expect(rowValues(report, 't2-5', 'licensing')).toEqual([31, -2, 1085]);
    expect(rowValues(report, 't2-6', 'compulsoryMeasures')).toEqual([5, '', 13]);
    expect(rowValues(report, 't2-9', 'centralPurchasing')).toEqual([16, 3414.41]);
    expect(rowValues(report, 't3', 'newReceived')).toEqual([5, 0, 0, 0, 0, 1, 6]);
    expect(rowValues(report, 't3', 'results.granted')).toEqual([3, 0, 0, 0, 0, 1, 4]);
    expect(rowValues(report, 't3', 'results.unableToProvide.notHeld')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(rowValues(report, 't3', 'results.total')).toEqual([5, 0, 0, 0, 0, 1, 6]);
    expect(rowValues(report, 't4', 'cases')).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(table(report, 't3').missingRows).toEqual([]);
    const text = report.source.text;
    const cell = table(report, 't2-9').rows[0].cells[1];
    expect(text.slice(cell.range!.start, cell.range!.end)).toBe('3414.41 万元');
  });
});
