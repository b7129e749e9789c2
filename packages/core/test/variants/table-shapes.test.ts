import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkVariant, checkVariantText, expectVariantValues, findings, tableOf, textAt, values, verdict } from './variant-helpers.js';

/**
 * Variant 9: tables whose shape differs from the template while the data are complete. A careful checker
 * reads every value by its label, reports no arithmetic error (there is none) and notes the deviation
 * from the template's shape once, as information.
 */

describe('rows written out of template order (09-rows-out-of-order.txt)', () => {
  // 四、结转下年度继续办理 stands before 三、本年度办理结果, （七）总计 before （一）予以公开, and the
  // three rows under （四）无法提供 are reversed.
  it('reads every row by its label, wherever it stands', async () => {
    const result = await checkVariant('09-rows-out-of-order.txt');
    expect(result.template?.id).toBe('gov-disclosure-2021');
    expectVariantValues(result, expect);
    expect(tableOf(result, 't3').missingRows).toEqual([]);
  });

  it('says once, as information, that the rows are out of order, naming the displaced row', async () => {
    const result = await checkVariant('09-rows-out-of-order.txt');
    expect(verdict(result)).toEqual(['info structure/rows-out-of-order']);
    const [note] = findings(result, 'structure/rows-out-of-order');
    expect(note.message).toContain('四、结转下年度继续办理');
    expect(textAt(result, note.range)).toBe('四、结转下年度继续办理');
  });

  it('does not take the row 四、结转下年度继续办理 for section 四', async () => {
    const result = await checkVariant('09-rows-out-of-order.txt');
    const section = result.report!.sections.find((s) => s.id === 'reviewsAndLawsuits')!;
    expect(section.heading?.text).toBe('四、政府信息公开行政复议、行政诉讼情况');
  });
});

describe('table 4 transposed: three rows of five (09-table4-transposed.txt)', () => {
  it('reads the fifteen values by the group labels 行政复议 / 未经复议直接起诉 / 复议后起诉', async () => {
    const result = await checkVariant('09-table4-transposed.txt');
    expectVariantValues(result, expect);
    expect(values(result, 't4', 'cases')).toEqual([1, 0, 0, 1, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
  });

  it('notes the transposition once, as information, and nothing else', async () => {
    const result = await checkVariant('09-table4-transposed.txt');
    expect(verdict(result)).toEqual(['info structure/table-transposed']);
    const [note] = findings(result, 'structure/table-transposed');
    expect(textAt(result, note.range)).toMatch(/^行政复议\t1\t0\t0\t1\t2\n.*复议后起诉\t0\t0\t0\t0\t0$/su);
  });
});

describe('2021 table 3 without the group row 三、本年度办理结果 (09-no-results-group-row.txt)', () => {
  // Group rows carry no numbers: leaving one out loses nothing, and is no finding.
  it('reads every leaf row and finds nothing to report', async () => {
    const result = await checkVariant('09-no-results-group-row.txt');
    expectVariantValues(result, expect);
    expect(verdict(result)).toEqual([]);
  });
});

describe('（六）其他处理 written as one row, as in a real 2023 report', () => {
  it('reads the group row as the sum of its rows, names the deviation once, and misses no row', async () => {
    const clean = readFileSync(new URL('../../../../examples/clean-2021.md', import.meta.url), 'utf8');
    const lines = clean.split('\n');
    const group = lines.findIndex((line) => line.startsWith('| （六）其他处理 |'));
    const parts = lines.slice(group + 1, group + 4).map((line) => line.split('|').slice(2, 9).map((v) => Number(v.trim())));
    const sums = parts[0].map((_, c) => parts.reduce((total, row) => total + row[c], 0));
    lines.splice(group, 4, `| （六）其他处理 | ${sums.join(' | ')} |`);
    const text = lines.join('\n');
    const result = await checkVariantText(text, 'report.md');
    expect(verdict(result)).toEqual(['warning structure/group-unsplit']);
    const t3 = tableOf(result, 't3');
    expect(t3.groups?.map((g) => g.cells.map((c) => c.value))).toEqual([sums]);
    expect(t3.missingRows).toEqual([]);
    const [note] = findings(result, 'structure/group-unsplit');
    expect(note.message).toContain('“（六）其他处理”只填了一行，格式要求分为 3 项');
  });

  it('says the numbers on a group row were not read when its rows are there too', async () => {
    const clean = readFileSync(new URL('../../../../examples/clean-2021.md', import.meta.url), 'utf8');
    const lines = clean.split('\n');
    const group = lines.findIndex((line) => line.startsWith('| （六）其他处理 |'));
    lines[group] = '| （六）其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |';
    const text = lines.join('\n');
    const result = await checkVariantText(text, 'report.md');
    expect(verdict(result)).toEqual(['warning structure/group-row-values']);
    const [note] = findings(result, 'structure/group-row-values');
    expect(note.message).toContain('“（六）其他处理”填有数字（1 0 0 0 0 0 1）');
    expect(text.slice(note.range.start, note.range.end)).toMatch(/^六）其他处理 \| 1 \| 0 \| 0 \| 0 \| 0 \| 0 \| 1$/u);
  });
});
