import { describe, expect, it } from 'vitest';
import { checkText, corpusText, rowOf, shiftEveryOtherRow } from './corpus-helpers.js';
import { convertedMarkdown } from './converted-markdown.js';

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

  it('compares no text with the doubtful table: the doubt is said once, by the table finding', () => {
    // The text restates 本年新收 (受理…3119 件); the shifted reading of that row totals 4.
    expect(text).toContain('3119');
    expect(rowOf(result, 't3', 'newReceived').at(-1)).not.toBe(3119);
    expect(result.diagnostics.filter((d) => d.code.startsWith('text/prose'))).toEqual([]);
  });

  it('keeps real errors as errors when a fix of a few cells explains them (seed 003, hongzequ 2023)', async () => {
    const hongze = await checkText(corpusText('hongzequ-2023.pdftext.txt'), 'hongzequ-2023.txt');
    expect(hongze.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual(['R4', 'R4']);
    expect(hongze.diagnostics.some((d) => d.code === 'arithmetic/table-doubtful')).toBe(false);
  });
});

describe('text against cells placed by a guess', async () => {
  // A converter that drops zeros: "| 一、本年新收… | 21 | 21 |" for 21,0,0,0,0,0,21 — seven columns, two numbers,
  // and the row's equation holds wherever the first 21 stands: its placement is a guess.
  const real = corpusText('hongzequ-2023.pdftext.txt');
  const markdown = convertedMarkdown(real, await checkText(real, 'hongzequ-2023.txt'), {});
  const row = markdown.split('\n').find((line) => line.includes('一、本年新收'))!;
  const zerosDropped = markdown.replace(row, row.replace(/(?: \| 0)+ \|/u, ' |'));
  const wrongText = (text: string) => text.replace('受理政府信息公开申请 21 件', '受理政府信息公开申请 25 件');

  it('is the variant meant: the row placed by a guess', async () => {
    expect(zerosDropped).not.toBe(markdown);
    const result = await checkText(zerosDropped, 'variant.md');
    const newReceived = result.report!.tables.find((t) => t.id === 't3')!.rows.find((r) => r.id === 'newReceived')!;
    expect(newReceived.confidence).toBe('guess');
    expect(result.diagnostics.filter((d) => d.code.startsWith('text/prose'))).toEqual([]);
  });

  it('says once that the text disagrees with guessed cells, not that the report is wrong', async () => {
    const result = await checkText(wrongText(zerosDropped), 'variant.md');
    expect(result.diagnostics.filter((d) => d.code === 'text/prose-mismatch')).toEqual([]);
    const doubtful = result.diagnostics.filter((d) => d.code === 'text/prose-doubtful');
    expect(doubtful).toHaveLength(1);
    expect(doubtful[0].severity).toBe('warning');
    expect(doubtful[0].message).toContain('收到和处理政府信息公开申请情况');
    expect(doubtful[0].cells).toEqual(['t3.newReceived.total']);
    expect(result.source.text.slice(doubtful[0].range.start, doubtful[0].range.end)).toContain('25');
    const english = await checkText(wrongText(zerosDropped), 'variant.md', { locale: 'en' });
    expect(english.diagnostics.find((d) => d.code === 'text/prose-doubtful')!.message).toMatch(/guessed/u);
  });

  it('reports the same disagreement as an error of the text when the row was read with certainty', async () => {
    const result = await checkText(wrongText(markdown), 'variant.md');
    expect(result.diagnostics.filter((d) => d.code === 'text/prose-doubtful')).toEqual([]);
    const mismatch = result.diagnostics.filter((d) => d.code === 'text/prose-mismatch');
    expect(mismatch.map((d) => d.rule)).toEqual(['T14']);
  });
});
