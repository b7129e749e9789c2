import { describe, expect, it } from 'vitest';
import { checkVariant, checkVariantText, findings, variantText, values, verdict } from './variant-helpers.js';

/**
 * Variant 5: numbers as people write them. Decisions (what a careful checker reports):
 * - "1,085", "1，326" (full-width comma), "１０８５"/"４１" (full-width digits), "0件"/"7件" (a count word),
 *   "0.00" (money): exact numbers, nothing to report.
 * - "——", "/", "无" in a cell: blank, not zero. In table 3 the arithmetic counts them as 0 and says so
 *   once for the table. In table 2 no rule uses the cells, so a blank there changes no result and is not
 *   reported (the policy EXPECTED.md applies to seed 004's blank 行政许可 cells).
 * - "75394432.52元" for 采购总金额 (万元): converted to 7539.443252 万元 and flagged once; "3,414.41万元": as
 *   written, nothing to report.
 * - Prose numbers in full-width digits ("申请１７件") are compared like any other.
 */

describe('2021 report with separators, full-width digits, count words and blank markers (05-numbers-2021.txt)', () => {
  it('reads every number as meant', async () => {
    const result = await checkVariant('05-numbers-2021.txt');
    expect(values(result, 't2-1', 'regulations')).toEqual([0, '', '']);
    expect(values(result, 't2-1', 'normativeDocuments')).toEqual([3, 1, 12]);
    expect(values(result, 't2-5', 'licensing')).toEqual([1085]);
    expect(values(result, 't2-6', 'penalties')).toEqual([1326]);
    expect(values(result, 't2-6', 'compulsoryMeasures')).toEqual([41]);
    expect(values(result, 't2-8', 'fees')).toEqual([0]);
    expect(values(result, 't3', 'newReceived')).toEqual([14, 2, 0, 0, 1, 0, 17]);
    expect(values(result, 't3', 'results.granted')).toEqual([6, 1, 0, 0, 0, 0, 7]);
    expect(values(result, 't3', 'results.notProcessed.repeated')).toEqual(['', '', '', '', '', '', 0]);
    expect(values(result, 't3', 'results.notProcessed.publications')).toEqual(['', '', '', '', '', '', '']);
    expect(values(result, 't3', 'results.notProcessed.excessive')).toEqual(['', '', '', '', '', '', 0]);
    expect(values(result, 't3', 'results.total')).toEqual([13, 2, 0, 0, 1, 0, 16]);
  });

  it('says once that table 3 has blank cells, and nothing else: the prose is prose, the table rows are not', async () => {
    const result = await checkVariant('05-numbers-2021.txt');
    // A table row "（一）予以公开 6件 1件 …" is not a sentence "予以公开6件" of section 三.
    expect(verdict(result)).toEqual(['warning cell/blank']);
    expect(findings(result, 'cell/blank')[0].cells).toHaveLength(19);
  });

  it('compares a prose number in full-width digits', async () => {
    const text = variantText('05-numbers-2021.txt').replace('全年共收到政府信息公开申请１７件', '全年共收到政府信息公开申请１８件');
    const result = await checkVariantText(text);
    const [mismatch] = findings(result, 'text/prose-mismatch');
    expect(mismatch).toMatchObject({ rule: 'T2', actual: 18, expected: 17 });
  });
});

describe('2019 format: 采购总金额 in 元 and with a thousands separator', () => {
  it('converts "75394432.52元" to 万元 and flags it once (05-money-yuan-2019.md)', async () => {
    const result = await checkVariant('05-money-yuan-2019.md');
    expect(result.template?.id).toBe('gov-disclosure-2019');
    expect(values(result, 't2-9', 'centralPurchasing')).toEqual([14, 7539.443252]);
    expect(values(result, 't2-6', 'penalties')).toEqual([8, 0, 1240]);
    expect(verdict(result)).toEqual(['warning cell/unit-converted']);
    expect(findings(result, 'cell/unit-converted')[0].message).toContain('75394432.52元');
  });

  it('reads "3,414.41万元", "１２４０" and "356件" without a finding (05-money-thousands-2019.md)', async () => {
    const result = await checkVariant('05-money-thousands-2019.md');
    expect(values(result, 't2-9', 'centralPurchasing')).toEqual([14, 3414.41]);
    expect(values(result, 't2-6', 'penalties')).toEqual([8, 0, 1240]);
    expect(values(result, 't2-5', 'licensing')).toEqual([12, 0, 356]);
    expect(verdict(result)).toEqual([]);
  });
});
