import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport, checkText, UnknownTemplateError } from '../../src/check/index.js';
import { identityView } from '../../src/read/index.js';
import { DIAGNOSTIC_CODES } from '../../src/messages/index.js';

const seed = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../examples/seeds/${name}`, import.meta.url)));
const text = (value: string) => checkText({ format: 'txt', encoding: 'utf-8', text: value }, identityView(value));

describe('checkReport', () => {
  it('runs the whole pipeline: seed 003 gets its R1/R2 errors', async () => {
    const result = await checkReport({ bytes: seed('003_136fd1d98cf7f7a0.txt'), fileName: '003.txt' });
    expect(result.template?.id).toBe('gov-disclosure-2019');
    expect(result.info.year).toBe(2020);
    const rules = result.diagnostics.filter((d) => d.code === 'arithmetic/equation').map((d) => d.rule);
    expect(rules.sort()).toEqual(['R1', 'R1', 'R2', 'R2']);
  });

  it('honours an explicit template id and rejects an unknown one', async () => {
    const bytes = seed('000_ef504471c9854329.txt');
    const forced = await checkReport({ bytes }, { template: 'gov-disclosure-2021' });
    expect(forced.template).toEqual({ id: 'gov-disclosure-2021', confidence: 1 });
    await expect(checkReport({ bytes }, { template: 'no-such-template' })).rejects.toBeInstanceOf(UnknownTemplateError);
  });

  it('says so, once, when no template fits a text', () => {
    const result = text('会议纪要\n今天讨论了午餐安排。\n');
    expect(result.template).toBeNull();
    expect(result.report).toBeNull();
    expect(result.diagnostics).toHaveLength(1);
    const [finding] = result.diagnostics;
    expect(finding).toMatchObject({ code: 'template/unknown', severity: 'error', category: 'template' });
    expect(finding.range).toEqual({ start: 0, end: 4 });
    expect(finding.message).toContain('gov-disclosure-2019、gov-disclosure-2021');
    expect(DIAGNOSTIC_CODES).toContain('template/unknown');
  });

  it('speaks English on request', () => {
    const value = 'minutes';
    const result = checkText({ format: 'txt', encoding: 'utf-8', text: value }, identityView(value), { locale: 'en' });
    expect(result.diagnostics[0].message).toMatch(/^The report format was not recognised/u);
  });

  it('counts no Markdown heading marker as body: 五 = "无。" in examples/clean-2021.md is an empty section', () => {
    const clean = readFileSync(new URL('../../../../examples/clean-2021.md', import.meta.url), 'utf8');
    expect(text(clean).diagnostics).toEqual([]);
    const emptied = clean.replace(/^一是政策解读.*$/mu, '无。');
    const findings = text(emptied).diagnostics;
    expect(findings.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning text/empty-section']);
    expect(emptied.slice(findings[0].range.start, findings[0].range.end)).toBe('无。');
  });

  it('pins structure/rows-missing to where the missing row belongs, not to the prose before the table', () => {
    const clean = readFileSync(new URL('../../../../examples/clean-2021.md', import.meta.url), 'utf8');
    const gap = clean
      .replace('## 三、收到和处理政府信息公开申请情况\n\n', '## 三、收到和处理政府信息公开申请情况\n\n本年度共收到申请24件，详见下表。\n\n')
      .replace('| 2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n', '')
      .replace('| 1.信访举报投诉类申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', '| 1.信访举报投诉类申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |');
    const findings = text(gap).diagnostics;
    expect(findings.map((d) => d.code)).toEqual(['structure/rows-missing']);
    expect(findings[0].message).toContain('2.重复申请');
    expect(gap.slice(findings[0].range.start, findings[0].range.end)).toBe('| 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
  });
});
