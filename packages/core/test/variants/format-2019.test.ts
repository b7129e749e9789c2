import { describe, expect, it } from 'vitest';
import { checkVariant, T3_EXPECTED, T4_EXPECTED, values, verdict } from './variant-helpers.js';

/**
 * The 2019 format in the layouts of variants 1 and 3 (a government page with Word's merged cells; text
 * from `pdftotext -layout`): five 第二十条 blocks with signed 本年增/减 ("-55", "-3820") and 采购总金额
 * "974.20万元", the 23 rows of the 2019 table 3 with （六）其他处理 as one row. A consistent report: every
 * value read, nothing to report.
 */

const T2_2019: [string, string, (number | string)[]][] = [
  ['t2-1', 'regulations', [0, 0, 0]],
  ['t2-1', 'normativeDocuments', [2, 2, 17]],
  ['t2-5', 'licensing', [472, -55, 417]],
  ['t2-5', 'otherServices', [19, 0, 20]],
  ['t2-6', 'penalties', [9728, -3820, 5908]],
  ['t2-6', 'compulsoryMeasures', [3093, 2238, 5331]],
  ['t2-8', 'fees', [14, 0]],
  ['t2-9', 'centralPurchasing', [102, 974.2]],
];

const T3_2019 = Object.fromEntries([
  ...Object.entries(T3_EXPECTED).filter(([row]) => !row.startsWith('results.otherProcessing.')),
  ['results.otherProcessing', [0, 0, 0, 0, 1, 0, 1]],
]);

describe.each(['01-gov-page-2019.html', '03-pdftotext-layout-2019.txt'])('2019 format: %s', (name) => {
  it('reads every value and finds nothing to report', async () => {
    const result = await checkVariant(name);
    expect(result.template?.id).toBe('gov-disclosure-2019');
    expect(result.info).toMatchObject({ year: 2020, agency: '示范区自然资源局' });
    for (const [table, row, expected] of T2_2019) expect(values(result, table, row), `${table}.${row}`).toEqual(expected);
    for (const [row, expected] of Object.entries(T3_2019)) expect(values(result, 't3', row), row).toEqual(expected);
    expect(values(result, 't4', 'cases')).toEqual(T4_EXPECTED);
    expect(verdict(result)).toEqual([]);
  });
});
