import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/compiler/index.js';
import { checkVariant, findings, textAt, values, verdict } from './variant-helpers.js';

/**
 * Variant 7: reports written in a format that is not the one for their year. What a user should see is
 * one finding that says which format the report uses and which one its year calls for — not the dozens of
 * missing sections, tables and rows a check against the wrong template would produce.
 * - A 2022 report in the 2019 format: read and checked in the format it is written in; one warning
 *   (template/superseded) naming the 2021 format.
 * - A 2020 report with the 2021 markers: likewise, template/anachronistic naming the 2019 format.
 * - A report in the pre-2019 format (prose sections 一 to 七 and a 政府信息公开情况统计表 with 指标名称 /
 *   计量单位 / 本年度 / 历年累计): not checked against a template it does not follow; one warning
 *   (template/legacy-format) naming the old-format phrases, and for a year a template covers (2020), the
 *   template that year calls for; for a year before every template (2017), that there was none yet.
 */

describe('a 2022 report in the 2019 format (07-superseded-2022.md)', () => {
  it('is read in its own format and gets one warning naming the format for 2022', async () => {
    const result = await checkVariant('07-superseded-2022.md');
    expect(result.template?.id).toBe('gov-disclosure-2019');
    expect(result.info.year).toBe(2022);
    expect(values(result, 't2-9', 'centralPurchasing')).toEqual([14, 236.85]);
    expect(verdict(result)).toEqual(['warning template/superseded']);
    const [superseded] = findings(result, 'template/superseded');
    expect(superseded.message).toContain('2022 年度应使用“中华人民共和国政府信息公开工作年度报告格式”');
    expect(textAt(result, superseded.range)).toBe('示例市示例局2022年政府信息公开工作年度报告');
    expect(superseded.related.map((r) => textAt(result, r.range))).toContain('本年新制作数量');
  });
});

describe('a 2020 report with the 2021 markers (07-anachronistic-2020.md)', () => {
  it('gets one warning naming the format for 2020', async () => {
    const result = await checkVariant('07-anachronistic-2020.md');
    expect(result.template?.id).toBe('gov-disclosure-2021');
    expect(verdict(result)).toEqual(['warning template/anachronistic']);
    expect(findings(result, 'template/anachronistic')[0].message).toContain('2020 年度应使用“中华人民共和国政府信息公开工作年度报告格式（试行）”');
  });
});

describe('reports in the pre-2019 format', () => {
  it('2017: one warning, no template applied, no crash (07-legacy-2017.txt)', async () => {
    const result = await checkVariant('07-legacy-2017.txt');
    expect(result.template).toBeNull();
    expect(result.report).toBeNull();
    expect(result.info).toMatchObject({ year: 2017, agency: '示范县林业局' });
    expect(verdict(result)).toEqual(['warning template/legacy-format']);
    const [legacy] = findings(result, 'template/legacy-format');
    expect(legacy.message).toContain('政府信息公开情况统计表、指标名称、计量单位、历年累计');
    expect(legacy.message).toContain('2017 年度早于各模板的适用年度（最早为 2019 年度）');
    expect(textAt(result, legacy.range)).toBe('政府信息公开情况统计表');
    expect(legacy.related.map((r) => textAt(result, r.range))).toEqual(['指标名称', '计量单位', '历年累计']);
  });

  it('2020: one warning naming the 2019 format, not a flood of missing sections and tables (07-legacy-2020.txt)', async () => {
    const result = await checkVariant('07-legacy-2020.txt');
    expect(result.template).toBeNull();
    expect(verdict(result)).toEqual(['warning template/legacy-format']);
    expect(findings(result, 'template/legacy-format')[0].message).toContain(
      '2020 年度应使用“中华人民共和国政府信息公开工作年度报告格式（试行）”',
    );
  });

  it('is checked against a template when the user names one', async () => {
    const result = await checkVariant('07-legacy-2020.txt', { template: 'gov-disclosure-2019' });
    expect(result.template?.id).toBe('gov-disclosure-2019');
    expect(verdict(result)).toContain('warning template/legacy-format');
    expect(verdict(result)).toContain('error structure/section-missing');
  });

  it('is not told it is "not that format" when the template named is the old format itself', async () => {
    // An author's template of the pre-2019 statistics table: its own markers are the phrases the
    // built-in templates list as legacy markers.
    const { ir } = await compileTemplate(`template old-statistics {
      title "政府信息公开情况统计表（示例）"
      notice "示例"
      years 2008 to 2018
      markers { "政府信息公开情况统计表" "指标名称" "计量单位" "历年累计" }
      section overview "一、概述" prose
    }`);
    const result = await checkVariant('07-legacy-2017.txt', { template: ir! });
    expect(result.template?.id).toBe('old-statistics');
    expect(verdict(result)).not.toContain('warning template/legacy-format');
  });

  it('speaks English on request', async () => {
    const result = await checkVariant('07-legacy-2017.txt', { locale: 'en' });
    expect(result.diagnostics[0].message).toMatch(/^The report is in the old, pre-template format/u);
  });
});
