import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportSource } from '../../src/model/report.js';
import { normalizeText } from '../../src/normalize/index.js';
import { isConverterLayoutLine } from '../../src/parse/converted-markdown.js';
import { parseReport } from '../../src/parse/index.js';
import { miniTemplate } from './mini-template.js';

/**
 * The converted-Markdown layout family (converted-markdown.ts) on a made-up template: a converter's
 * layout lines, and labels printed in a row of their own, apart from their numbers. The same on every real
 * report of the project: test/corpus/converted-markdown.test.ts.
 */

function parse(text: string) {
  const source: ReportSource = { format: 'md', encoding: 'utf-8', text };
  return parseReport(normalizeText(text), source, miniTemplate());
}

const rowOf = (report: ReturnType<typeof parse>, row: string) => report.tables.find((t) => t.id === 'tA')!.rows.find((r) => r.id === row)!;
const values = (report: ReturnType<typeof parse>, row: string) =>
  rowOf(report, row).cells.map((c) => (c.state === 'number' ? c.value : c.state));

const HEAD = '一、基本情况\n正文。\n二、事项统计\n表一 事项统计表\n\n| 项目 | 本年数量 | 上年数量 | 合计 |\n|---|---|---|---|\n';
const TAIL = '\n三、复核情况\n| 维持 | 纠正 | 小计 |\n|---|---|---|\n| 1 | 2 | 3 |\n';

describe('a converter layout line', () => {
  it('is a Markdown rule or a row of generic headers', () => {
    for (const line of ['|---|:--:|', '| --- | --- |', '| 数据1 | 数据2 | 数据3 |', '| 列1 | 列2 |', '| Column1 | Column2 | |', '|字段1|字段2|']) {
      expect(isConverterLayoutLine(line), line).toBe(true);
    }
  });

  it('is no content: a row with a label, one generic name, or generic names outside a table', () => {
    for (const line of ['| 数据1 | 行政许可 |', '| 数据1 |', '数据1 数据2', '| 列1 | 3 |', '| 甲类事项 | 1 | 2 | 3 |']) {
      expect(isConverterLayoutLine(line), line).toBe(false);
    }
  });

  it('is told field by field as the definition says: split at the pipes, trimmed, every field empty or generic, two generic', () => {
    const GENERIC = /^(?:数据|列|字段|栏|column|col|field)\s*\d{1,3}$/iu;
    const RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
    const definition = (line: string) => {
      if (RULE.test(line)) return true;
      if (!/[|｜]/u.test(line)) return false;
      const fields = line.split(/[|｜]/u).map((f) => f.trim()).filter((f) => f !== '');
      return fields.every((f) => GENERIC.test(f)) && fields.length >= 2;
    };
    const pieces = ['|', '｜', ' ', '\u3000', '\ufeff', '数据', '列', '字段', '栏', 'Column', 'COL', 'field', 'Fields', '1', '23', '-', ':', '行政许可', 'c', '数'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const line = parts.join('');
        expect(isConverterLayoutLine(line), JSON.stringify(line)).toBe(definition(line));
      }),
      { seed: 20261204, numRuns: 5000 },
    );
  });

  it('adds no cell: a table continued under generic headers reads on', () => {
    const report = parse(`${HEAD}| 甲类事项 | 1 | 2 | 3 |\n\n| 数据1 | 数据2 | 数据3 | 数据4 |\n|---|---|---|---|\n| 乙类事项 | 4 | 5 | 9 |${TAIL}`);
    expect(values(report, 'a')).toEqual([1, 2, 3]);
    expect(values(report, 'b')).toEqual([4, 5, 9]);
    expect(rowOf(report, 'b').confidence).toBe('exact');
  });
});

describe('a label printed apart from its numbers', () => {
  it('takes the label-less row of the same width under it', () => {
    const report = parse(`${HEAD}| 甲类事项 |  |  |  |\n|  | 1 | 2 | 3 |\n| 乙类事项 | 4 | 5 | 9 |${TAIL}`);
    expect(values(report, 'a')).toEqual([1, 2, 3]);
    expect(rowOf(report, 'a').confidence).toBe('apart');
    expect(values(report, 'b')).toEqual([4, 5, 9]);
    expect(rowOf(report, 'b').confidence).toBe('exact');
  });

  it('takes the free row over it, when the tool put the label under its numbers', () => {
    const report = parse(`${HEAD}| 甲类事项 | 1 | 2 | 3 |\n|  | 4 | 5 | 9 |\n| 乙类事项 |  |  |  |\n| （三）其他事项 | 1.丙项 | 0 | 0 | 0 |${TAIL}`);
    expect(values(report, 'b')).toEqual([4, 5, 9]);
    expect(rowOf(report, 'b').confidence).toBe('apart');
    expect(values(report, 'g.x')).toEqual([0, 0, 0]);
  });

  it('pairs a chain of labels and numbers in the order the first pair sets', () => {
    const below = parse(`${HEAD}| 甲类事项 |  |  |  |\n|  | 1 | 2 | 3 |\n| 乙类事项 |  |  |  |\n|  | 4 | 5 | 9 |${TAIL}`);
    expect([values(below, 'a'), values(below, 'b')]).toEqual([
      [1, 2, 3],
      [4, 5, 9],
    ]);
    const above = parse(`${HEAD}|  | 1 | 2 | 3 |\n| 甲类事项 |  |  |  |\n|  | 4 | 5 | 9 |\n| 乙类事项 |  |  |  |${TAIL}`);
    expect([values(above, 'a'), values(above, 'b')]).toEqual([
      [1, 2, 3],
      [4, 5, 9],
    ]);
  });

  it('steps over a stray number between the label and its numbers', () => {
    const report = parse(`${HEAD}| 甲类事项 |  |  |  |\n3\n|  | 1 | 2 | 3 |\n| 乙类事项 | 4 | 5 | 9 |${TAIL}`);
    expect(values(report, 'a')).toEqual([1, 2, 3]);
  });

  it('does not take a row of another width, nor a row with a label: a blank row stays blank', () => {
    const narrow = parse(`${HEAD}| 甲类事项 |  |  |  |\n| 7 |\n| 乙类事项 | 4 | 5 | 9 |${TAIL}`);
    expect(values(narrow, 'a')).toEqual(['blank', 'blank', 'blank']);
    expect(rowOf(narrow, 'a').confidence).toBe('exact');
    expect(values(narrow, 'b')).toEqual([4, 5, 9]);
    const labelled = parse(`${HEAD}| 甲类事项 |  |  |  |\n| 乙类事项 | 4 | 5 | 9 |${TAIL}`);
    expect(values(labelled, 'a')).toEqual(['blank', 'blank', 'blank']);
  });
});
