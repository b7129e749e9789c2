import { describe, expect, it } from 'vitest';
import { checkVariant, findings, tableOf, T3_EXPECTED, T4_EXPECTED, values, verdict } from './variant-helpers.js';

/**
 * A page whose table markup was stripped (formats.md §7): every row's cells glued to its label and to each
 * other ("一、本年新收政府信息公开申请数量1420010017"). Only arithmetic can tell where a number ends:
 * - a table-3 row is split by its own equation (总计 = Σ applicants) when one split fits; when several fit
 *   (14,2,0,0,1,0,17 and 1,4,2,0,0,10,17), by the table's equations across rows (R1, R2): the split that
 *   makes strictly more of them hold is taken;
 * - table 4 by its three group equations;
 * - a table-2 row has no equation: "规章000" has one digit per column, its only split; "行政规范性文件3112"
 *   (3,1,12? 3,11,2? 31,1,2?) cannot be split and is left unread.
 * Every split value is a guess, said once per table; the rows left unread are named.
 */

describe('tables without separators (10-glued-2021.txt)', () => {
  it('splits every table-3 row, the ambiguous ones by the equations across rows', async () => {
    const result = await checkVariant('10-glued-2021.txt');
    for (const [row, expected] of Object.entries(T3_EXPECTED)) expect(values(result, 't3', row), row).toEqual(expected);
    expect(values(result, 't4', 'cases')).toEqual(T4_EXPECTED);
    const t3 = tableOf(result, 't3');
    expect(t3.layout).toBe('glued');
    expect(t3.rows.every((r) => r.cells.every((c) => c.guessed))).toBe(true);
  });

  it('splits a table-2 row of one digit per column and leaves a longer run unread', async () => {
    const result = await checkVariant('10-glued-2021.txt');
    expect(values(result, 't2-1', 'regulations')).toEqual([0, 0, 0]);
    expect(values(result, 't2-1', 'normativeDocuments')).toEqual(['na', 'na', 'na']);
    expect(values(result, 't2-5', 'licensing')).toEqual([1085]);
  });

  it('says once per table that the values are guesses, and names the row it could not split', async () => {
    const result = await checkVariant('10-glued-2021.txt');
    expect(verdict(result)).toEqual([
      'info structure/row-split-guessed',
      'info structure/row-split-guessed',
      'info structure/row-split-guessed',
      'warning structure/row-ambiguous',
    ]);
    const t3 = findings(result, 'structure/row-split-guessed').find((d) => d.message.includes('收到和处理'))!;
    expect(t3.message).toContain('有 25 行的数字连写在一起');
    expect(t3.related).toHaveLength(24);
    expect(findings(result, 'structure/row-ambiguous')[0].message).toContain('行政规范性文件');
  });
});
