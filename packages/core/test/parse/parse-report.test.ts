import { describe, expect, it } from 'vitest';
import { identityView } from '../../src/read/index.js';
import { normalizeText } from '../../src/normalize/index.js';
import { parseReport } from '../../src/parse/index.js';
import type { ReportSource } from '../../src/model/report.js';
import { miniTemplate } from './mini-template.js';

/** The parser driven by a made-up template: everything it looks for comes from the IR. */

function parse(text: string) {
  const source: ReportSource = { format: 'txt', encoding: 'utf-8', text };
  return parseReport(normalizeText(text), source, miniTemplate());
}

const values = (report: ReturnType<typeof parse>, table: string, row: string) =>
  report.tables.find((t) => t.id === table)!.rows.find((r) => r.id === row)!.cells.map((c) => (c.state === 'number' ? c.value : c.state));

describe('parseReport with a made-up template', () => {
  const text = [
    '某机构2024年度工作报告',
    '一、总体概况',
    '正文。二、事项统计 不是标题。',
    '二、事项统计',
    '表一 事项统计表',
    '项目\t本年数量\t上年数量\t合计',
    '甲类事项\t1\t2\t3',
    '乙类\t\t4\t4',
    '（三）其他事项 1.丙项 5 0 5',
    '2.丁项\t6\t7\t13',
    '三、复核情况',
    '维持 纠正 小计',
    '1 2 3',
  ].join('\n');

  it('finds sections by heading and alias, in order', () => {
    const report = parse(text);
    expect(report.sections.map((s) => [s.id, s.match])).toEqual([
      ['s1', 'alias'],
      ['s2', 'exact'],
      ['s3', 'exact'],
    ]);
  });

  it('reads captioned, labelled and unlabelled tables from the IR alone', () => {
    const report = parse(text);
    expect(values(report, 'tA', 'a')).toEqual([1, 2, 3]);
    expect(values(report, 'tA', 'b')).toEqual(['blank', 4, 4]);
    expect(values(report, 'tA', 'g.x')).toEqual([5, 0, 5]);
    expect(values(report, 'tA', 'g.y')).toEqual([6, 7, 13]);
    expect(values(report, 'tB', 'only')).toEqual([1, 2, 3]);
    const labelRange = report.tables[0].rows[1].labelRange!;
    expect(text.slice(labelRange.start, labelRange.end)).toBe('乙类');
  });

  it('never throws, and reports every cell as not available on unrelated text', () => {
    for (const junk of ['', '\n\n\t|', '一、\n二、\n三、', '甲类事项', '1 2 3 4 5', '\u0000\uffff\ud800']) {
      const report = parseReport(identityView(junk), { format: 'txt', encoding: 'utf-8', text: junk }, miniTemplate());
      expect(report.tables.map((t) => t.id)).toEqual(['tA', 'tB']);
      for (const t of report.tables) for (const r of t.rows) for (const c of r.cells) expect(c.value === null || junk.length > 0).toBe(true);
    }
  });

  it('accepts a near-miss heading with the right numeral, not with another', () => {
    const report = parse(text.replace('三、复核情况', '三、复核工作情况'));
    expect(report.sections[2].match).toBe('near');
    const other = parse(text.replace('三、复核情况', '五、复核工作情况'));
    expect(other.sections[2].match).toBe('missing');
  });
});
