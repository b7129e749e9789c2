import { describe, expect, it } from 'vitest';
import { checkVariant, expectVariantValues, findings, tableOf, textAt, values, verdict } from './variant-helpers.js';

/**
 * Variant 1: the report as a government web site publishes it — a whole page (head, scripts, navigation,
 * breadcrumb "政府信息公开年报" above the title, tools, previous/next links, footer with 版权所有 and the ICP
 * number) around the report, whose tables are Word's: table 3 with the 申请人情况 header in rowspan/colspan,
 * 三、本年度办理结果 spanning 22 rows, （三）不予公开 etc. spanning their sub-rows, every value as
 * <td><p><span>0<o:p></o:p></span></p></td>, blanks as &nbsp;, <br> inside labels ("商业<br/>企业"); table 4
 * with its three-level header.
 *
 * 01-gov-page.html: a <div> page; table 2 as one table with its 第二十条 captions spanning four columns;
 * five cells of 二、上年结转 written &nbsp;.
 * 01-gov-page-table-layout.html: an older page laid out with tables (banner, menu and report in cells of
 * nested layout tables); each 第二十条 block its own table.
 *
 * A careful checker reads the report as if the page were not there: title, agency and year from the
 * report's title line (not the breadcrumb), every value, and in the first page one finding for the blanks.
 */

describe('government page with <div> layout (01-gov-page.html)', () => {
  it('reads title, year and agency from the title line, not the breadcrumb above it', async () => {
    const result = await checkVariant('01-gov-page.html');
    expect(result.source.format).toBe('html');
    expect(result.template?.id).toBe('gov-disclosure-2021');
    expect(result.info).toMatchObject({ year: 2022, agency: '示范县市场监督管理局' });
    expect(textAt(result, result.info.titleRange!)).toBe('示范县市场监督管理局2022年政府信息公开工作年度报告');
  });

  it('reads every cell; the &nbsp; cells are blank', async () => {
    const result = await checkVariant('01-gov-page.html');
    expect(values(result, 't3', 'carriedOver')).toEqual([1, '', '', '', '', '', 1]);
    const t3 = tableOf(result, 't3');
    expect(t3.layout).toBe('grid');
    expect(t3.missingRows).toEqual([]);
    for (const t of result.report!.tables) expect(t.notes, t.id).toEqual([]);
    expect(values(result, 't3', 'results.partlyGranted')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(values(result, 't4', 'cases')).toEqual([1, 0, 0, 1, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
    expect(values(result, 't2-5', 'licensing')).toEqual([1085]);
  });

  it('reports the blank cells once and nothing else (the page around the report is not checked)', async () => {
    const result = await checkVariant('01-gov-page.html');
    expect(verdict(result)).toEqual(['warning cell/blank']);
    const [blank] = findings(result, 'cell/blank');
    expect(blank.cells).toHaveLength(5);
    // Its related locations point into the HTML source, each into a &nbsp; cell.
    const html = result.source.text;
    expect(blank.related).toHaveLength(5);
    for (const related of blank.related) {
      const td = html.lastIndexOf('<td', related.range.start);
      expect(html.slice(td, html.indexOf('</td>', td))).toContain('&nbsp;');
    }
  });

  it('reads the label broken by <br> and the section bodies without the page furniture', async () => {
    const result = await checkVariant('01-gov-page.html');
    const row = tableOf(result, 't3').rows.find((r) => r.id === 'results.partlyGranted')!;
    expect(textAt(result, row.labelRange!)).toContain('<br/>');
    const other = result.report!.sections.find((s) => s.id === 'otherMatters')!;
    // Section 六 ends with the report; the footer (版权所有, ICP) is after the last section, not checked.
    expect(textAt(result, other.bodyRange!)).toContain('信息处理费');
  });
});

describe('government page laid out with tables (01-gov-page-table-layout.html)', () => {
  it('reads the report inside the layout tables: sections, tables, every value', async () => {
    const result = await checkVariant('01-gov-page-table-layout.html');
    expect(result.info).toMatchObject({ year: 2022, agency: '示范县市场监督管理局' });
    expect(result.report!.sections.map((s) => s.match)).toEqual(['exact', 'exact', 'exact', 'exact', 'exact', 'exact']);
    expectVariantValues(result, expect);
    expect(verdict(result)).toEqual([]);
  });
});
