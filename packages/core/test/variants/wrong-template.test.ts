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
 *   计量单位 / 本年度 / 历年累计): detected as the built-in pre-2019 format by its own markers and checked
 *   against it; for a year after that format (2020), template/superseded names the format that year calls for.
 *   Checked against a newer template the user names, it gets template/legacy-format.
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
  it('2017: detected as the built-in pre-2019 format and checked against its own arithmetic, not told it is an old format (07-legacy-2017.txt)', async () => {
    const result = await checkVariant('07-legacy-2017.txt');
    expect(result.template?.id).toBe('gov-disclosure-pre2019');
    expect(result.info).toMatchObject({ year: 2017, agency: '示范县林业局' });
    expect(verdict(result)).not.toContain('warning template/legacy-format');
    // No flood of missing sections and tables: the only findings are that invented fixture's own sums of
    // 历年累计 (e.g. 收到申请数 24 ≠ 3 + 3 + 24 + 3).
    expect([...new Set(result.diagnostics.map((d) => `${d.code} ${d.rule ?? ''}`))]).toEqual(['arithmetic/equation S1']);
    expect(result.diagnostics.every((d) => d.message.startsWith('历年累计'))).toBe(true);
  });

  it('2020: the pre-2019 format is superseded, the 2019 format is named (07-legacy-2020.txt)', async () => {
    const result = await checkVariant('07-legacy-2020.txt');
    expect(result.template?.id).toBe('gov-disclosure-pre2019');
    expect(verdict(result)).not.toContain('warning template/legacy-format');
    expect(verdict(result)).not.toContain('error structure/section-missing');
    const [superseded] = findings(result, 'template/superseded');
    expect(superseded.message).toContain('2020 年度应使用“中华人民共和国政府信息公开工作年度报告格式（试行）”');
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
    const result = await checkVariant('07-legacy-2020.txt', { locale: 'en' });
    const [superseded] = findings(result, 'template/superseded');
    expect(superseded.message).toMatch(/2020/u);
    expect(superseded.message).not.toContain('年度应使用');
  });
});
