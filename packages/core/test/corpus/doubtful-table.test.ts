import { describe, expect, it } from 'vitest';
import { checkText, corpusText, shiftEveryOtherRow } from './corpus-helpers.js';

/** Never blame the agency for our misreading (issue 14, item 5), on variants of a real report. */

describe('a table whose columns are shifted by one in half its rows', async () => {
  const text = shiftEveryOtherRow(corpusText('huaian-2024.pdftext.txt'));
  const result = await checkText(text, 'shifted.txt');
  const english = await checkText(text, 'shifted.txt', { locale: 'en' });

  it('is the variant meant: about half the table-3 rows shifted', () => {
    const shifted = text.split('\n').filter((line, i) => line !== corpusText('huaian-2024.pdftext.txt').split('\n')[i]);
    expect(shifted.length).toBeGreaterThanOrEqual(10);
  });

  it('gives one table finding and no arithmetic error', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.diagnostics.filter((d) => d.code === 'arithmetic/equation')).toEqual([]);
    const doubtful = result.diagnostics.filter((d) => d.code === 'arithmetic/table-doubtful');
    expect(doubtful).toHaveLength(1);
    expect(doubtful[0].severity).toBe('warning');
    expect(doubtful[0].message).toContain('收到和处理政府信息公开申请情况');
    expect(doubtful[0].message).toMatch(/有 \d+ 个等式不成立/u);
    expect(doubtful[0].cells!.every((c) => c.startsWith('t3.'))).toBe(true);
    expect(english.diagnostics.find((d) => d.code === 'arithmetic/table-doubtful')!.message).toMatch(/misreading/u);
  });

  it('keeps real errors as errors when a fix of a few cells explains them (seed 003, hongzequ 2023)', async () => {
    const hongze = await checkText(corpusText('hongzequ-2023.pdftext.txt'), 'hongzequ-2023.txt');
    expect(hongze.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual(['R4', 'R4']);
    expect(hongze.diagnostics.some((d) => d.code === 'arithmetic/table-doubtful')).toBe(false);
  });
});
