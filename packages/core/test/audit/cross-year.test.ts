import { describe, expect, it } from 'vitest';
import { auditSeries, groupReports, type AuditFinding, type ReportDigest } from '../../src/audit/index.js';
import { builtinTemplates } from '../../src/templates/index.js';
import { corpusText, digestText, exampleText, hongzequ2023, hongzequ2024, replaceOnce } from './audit-helpers.js';

async function audit(...reports: Array<[string, string]>): Promise<{ findings: AuditFinding[]; digests: ReportDigest[] }> {
  const digests = await Promise.all(reports.map(([text, path]) => digestText(text, path)));
  const sets = groupReports(digests);
  return { findings: sets.series.flatMap((series) => auditSeries(series, builtinTemplates, 'zh-CN')), digests };
}

describe('cross-year rules on a real two-year series', () => {
  it('groups both years of the district government and finds the series consistent', async () => {
    const digests = await Promise.all([
      digestText(corpusText(hongzequ2023), '2023.txt'),
      digestText(corpusText(hongzequ2024), '2024.txt'),
    ]);
    const sets = groupReports(digests);
    expect(sets.unidentified).toEqual([]);
    expect(sets.series).toHaveLength(1);
    // One title writes the city before the district, the other does not: one agency.
    expect(new Set(digests.map((d) => d.agency))).toEqual(new Set(['洪泽区人民政府', '淮安市洪泽区人民政府']));
    expect(sets.series[0].agency).toBe('淮安市洪泽区人民政府');
    expect(sets.series[0].reports.map((r) => r.year)).toEqual([2023, 2024]);
    expect(auditSeries(sets.series[0], builtinTemplates, 'zh-CN')).toEqual([]);
  });

  it('finds a changed 上年结转 at the 2024 cell, with the 2023 结转下年度 cell related', async () => {
    const text2024 = replaceOnce(
      corpusText(hongzequ2024),
      /(二、上年结转政府信息公开申请数量\s+)0/u,
      '$13',
    );
    const { findings, digests } = await audit([corpusText(hongzequ2023), '2023.txt'], [text2024, '2024.txt']);
    const crossYear = findings.filter((f) => f.code === 'audit/cross-year');
    expect(crossYear).toHaveLength(1);
    const [finding] = crossYear;
    expect(finding.rule).toBe('Y1');
    expect(finding.severity).toBe('warning');
    expect(finding.cells).toEqual(['t3.carriedOver.naturalPerson']);
    expect(finding.location.path).toBe('2024.txt');
    expect(text2024.slice(finding.location.range.start, finding.location.range.end)).toBe('3');
    expect(finding.location.range).toEqual(digests[1].cells['t3.carriedOver.naturalPerson'].at!.range);
    expect(finding.related[0].path).toBe('2023.txt');
    expect(finding.related[0].range).toEqual(digests[0].cells['t3.carriedForward.naturalPerson'].at!.range);
    expect(finding.related[0].start.line).toBe(110);
    expect(finding.related[0].cell).toBe('t3.carriedForward.naturalPerson');
    expect(finding.actual).toBe(3);
    expect(finding.expected).toBe(0);
    expect(finding.message).toContain('二、上年结转（3）');
  });

  it('finds a changed 行政规范性文件 现行有效件数 at the 2024 cell, with the 2023 cell related', async () => {
    const text2024 = replaceOnce(corpusText(hongzequ2024), /(行政规范性文件\s+3\s+0\s+)8/u, '$19');
    const { findings, digests } = await audit([corpusText(hongzequ2023), '2023.txt'], [text2024, '2024.txt']);
    const crossYear = findings.filter((f) => f.code === 'audit/cross-year');
    expect(crossYear).toHaveLength(1);
    const [finding] = crossYear;
    expect(finding.rule).toBe('Y2');
    expect(finding.location.range).toEqual(digests[1].cells['t2-1.normativeDocuments.inForce'].at!.range);
    expect(text2024.slice(finding.location.range.start, finding.location.range.end)).toBe('9');
    const earlier = finding.related.find((r) => r.path === '2023.txt')!;
    expect(earlier.range).toEqual(digests[0].cells['t2-1.normativeDocuments.inForce'].at!.range);
    expect(earlier.message).toContain('2023');
    expect(finding.actual).toBe(9);
    expect(finding.expected).toBe(8);
  });

  it('says nothing when the year before is absent', async () => {
    const text2024 = replaceOnce(corpusText(hongzequ2024), /(行政规范性文件\s+3\s+0\s+)8/u, '$19');
    const text2022 = corpusText(hongzequ2023).replace(/2023/gu, '2022');
    const { findings } = await audit([text2022, '2022.txt'], [text2024, '2024.txt']);
    expect(findings).toEqual([]);
  });

  it('checks 上年结转 across the change from the 2019 to the 2021 format, and only the cells both have', async () => {
    const agency = (text: string, year: number) =>
      text.replace(/示例市示例局\d{4}年/u, `示例市示例局${year}年`).replace(/统计期限为\d{4}年1月1日至\d{4}年/u, `统计期限为${year}年1月1日至${year}年`);
    const text2020 = agency(exampleText('clean-2019.md'), 2020);
    const text2021 = agency(exampleText('clean-2021.md'), 2021);
    // The 2020 report carries 1 application forward; the 2021 report says it carried over 2.
    const consistent = await audit([text2020, '2020.md'], [text2021.replace(/(\| 二、上年结转政府信息公开申请数量 \| )2( \|[^\n]*\| )2( \|)/u, '$11$21$3'), '2021.md']);
    expect(consistent.digests.map((d) => d.templateId)).toEqual(['gov-disclosure-2019', 'gov-disclosure-2021']);
    expect(consistent.findings.filter((f) => f.code === 'audit/cross-year')).toEqual([]);
    const { findings } = await audit([text2020, '2020.md'], [text2021, '2021.md']);
    const crossYear = findings.filter((f) => f.code === 'audit/cross-year');
    expect(crossYear.map((f) => f.cells)).toEqual([['t3.carriedOver.naturalPerson'], ['t3.carriedOver.total']]);
    expect(crossYear.every((f) => f.rule === 'Y1' && f.related[0].path === '2020.md')).toBe(true);
  });

  it('reports two files of the same agency and year, and uses the first', async () => {
    const text = corpusText(hongzequ2023);
    const { findings } = await audit([text, 'a/2023.txt'], [text, 'b/2023.txt'], [corpusText(hongzequ2024), '2024.txt']);
    expect(findings.map((f) => [f.code, f.location.path, f.related[0].path])).toEqual([['audit/duplicate-report', 'b/2023.txt', 'a/2023.txt']]);
    expect(findings[0].message).toContain('2023');
  });

  it('writes its messages in English with the locale switch', async () => {
    const text2024 = replaceOnce(corpusText(hongzequ2024), /(行政规范性文件\s+3\s+0\s+)8/u, '$19');
    const digests = await Promise.all([digestText(corpusText(hongzequ2023), '2023.txt'), digestText(text2024, '2024.txt')]);
    const [finding] = auditSeries(groupReports(digests).series[0], builtinTemplates, 'en');
    expect(finding.message).toMatch(/^行政规范性文件: the documents in force \(9\) must equal/u);
    expect(finding.related.find((r) => r.path === '2023.txt')!.message).toMatch(/^Previous year \(2023\)/u);
  });
});
