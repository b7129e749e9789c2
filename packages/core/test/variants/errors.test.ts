import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/validate/index.js';
import { checkVariant, checkVariantText, findings, textAt, verdict } from './variant-helpers.js';

/**
 * Variant 8: errors in other places than the seeds'. For each, what a careful checker says: which rule
 * fails, which cell is most likely wrong (and the fix), and nothing else.
 * - A wrong detail cell in one of the 2021 （六） sub-rows (自然人 1, the row's 总计 0): R3 on the row and
 *   R2 in 自然人 fail; the one cell in both is the culprit.
 * - A wrong 总计-column value (一、本年新收 总计 18 for 17): R3 on the row and R1 in 总计; the prose
 *   ("收到政府信息公开申请17件") contradicts the table, and agrees with the fix.
 * - A table-4 group total wrong (未经复议直接起诉 总计 2, parts 0+0+0+1): R4 alone cannot tell the total from
 *   its four parts; the prose ("被提起行政诉讼1件") can, so the total is named, with the text as reason.
 * - The prose contradicting the table (收到申请15件 vs 17), a 2021 section 六 without 信息处理费, and a
 *   section 五 that is just "无。": one warning each.
 */

describe('a wrong detail cell in a 2021 （六） sub-row (08-wrong-detail-cell.txt)', () => {
  it('fails R2 and R3 and blames the one cell both share, with a fix', async () => {
    const result = await checkVariant('08-wrong-detail-cell.txt');
    expect(verdict(result)).toEqual(['error arithmetic/equation R2', 'error arithmetic/equation R3']);
    for (const d of findings(result, 'arithmetic/equation')) {
      expect(d.message).toContain('最可能出错的是：（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 · 自然人由 1 改为 0');
      expect(d.suggestions[0].edits).toHaveLength(1);
    }
    const [r3] = findings(result, 'arithmetic/equation').filter((d) => d.rule === 'R3');
    expect(textAt(result, r3.range)).toBe('1');
    const fixed = applyEdits(result.source.text, r3.suggestions[0].edits);
    expect(verdict(await checkVariantText(fixed))).toEqual([]);
  });
});

describe('a wrong 总计-column value (08-wrong-total-column.txt)', () => {
  it('fails R1 and R3, blames 一、本年新收 · 总计, and says the text agrees with the fix', async () => {
    const result = await checkVariant('08-wrong-total-column.txt');
    expect(verdict(result)).toEqual([
      'error arithmetic/equation R1',
      'error arithmetic/equation R3',
      'warning text/prose-mismatch T2',
    ]);
    for (const d of findings(result, 'arithmetic/equation')) {
      expect(d.message).toContain('一、本年新收政府信息公开申请数量 · 总计由 18 改为 17');
      expect(d.message).toContain('也与正文“收到政府信息公开申请17件”一致');
    }
    expect(findings(result, 'text/prose-mismatch')[0]).toMatchObject({ actual: 17, expected: 18 });
  });
});

describe('a wrong table-4 group total (08-wrong-table4-total.txt)', () => {
  it('fails R4 and names the total, because the prose restates it', async () => {
    const result = await checkVariant('08-wrong-table4-total.txt');
    expect(verdict(result)).toEqual(['error arithmetic/equation R4', 'warning text/prose-mismatch T13']);
    const [r4] = findings(result, 'arithmetic/equation');
    expect(r4.message).toContain('最可能出错的是：未经复议直接起诉 总计由 2 改为 1');
    expect(r4.message).toContain('也与正文“行政诉讼1件”一致');
    const fixed = applyEdits(result.source.text, r4.suggestions[0].edits);
    expect(verdict(await checkVariantText(fixed))).toEqual([]);
  });

  it('stays ambiguous without the prose (R4 alone has five equally small fixes)', async () => {
    const result = await checkVariant('08-wrong-table4-total.txt');
    const text = result.source.text.replace('被提起行政诉讼1件', '被提起行政诉讼若干件');
    const [r4] = findings(await checkVariantText(text), 'arithmetic/equation');
    expect(r4.message).toContain('无法唯一确定出错的单元格，同样简单的改法有 5 种');
  });
});

describe('prose and section contents (08-prose-and-sections.txt)', () => {
  it('warns once each: the figure the prose restates, 六 without 信息处理费, 五 that is just "无。"', async () => {
    const result = await checkVariant('08-prose-and-sections.txt');
    expect(verdict(result)).toEqual([
      'warning text/empty-section',
      'warning text/mention-missing M1',
      'warning text/prose-mismatch T2',
    ]);
    const [mismatch] = findings(result, 'text/prose-mismatch');
    expect(mismatch).toMatchObject({ actual: 15, expected: 17 });
    expect(textAt(result, mismatch.range)).toBe('收到政府信息公开申请15件');
    expect(textAt(result, findings(result, 'text/empty-section')[0].range)).toBe('无。');
  });
});
