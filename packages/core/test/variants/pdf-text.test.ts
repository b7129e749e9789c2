import { describe, expect, it } from 'vitest';
import { checkVariant, expectVariantValues, tableOf, textAt, values, verdict } from './variant-helpers.js';

/**
 * Variants 3 and 4: the report as text extracted from its PDF.
 *
 * 03 (`pdftotext -layout`): columns aligned with runs of spaces (no TABs); long row labels wrapped onto
 * following lines with the numbers on the first line (cells aligned to the top) or on the last
 * (vertically centred); the merged group cells (三、本年度办理结果, （三）不予公开 …) cut into fragments
 * standing before the row labels ("公开    3.危及“三安全一"); page footers "— 3 —" and "第 2 页 共 5 页",
 * form feeds; the table-3 header repeated after a page break; table 4's three-level header spread over
 * five lines.
 *
 * 04 (`pdftotext` without -layout): one cell per line; labels broken one character per line (the
 * vertical 三、本年度办理结果, （七）总计, 四、结转下年度继续办理…); page numbers between rows and inside a row.
 *
 * A careful checker reads every number and has nothing to report: the report is consistent.
 */

describe('pdftotext -layout (03-pdftotext-layout.txt)', () => {
  it('reads every table exactly', async () => {
    const result = await checkVariant('03-pdftotext-layout.txt');
    expect(result.template?.id).toBe('gov-disclosure-2021');
    expect(result.info).toMatchObject({ year: 2022, agency: '示范县市场监督管理局' });
    expectVariantValues(result, expect);
  });

  it('finds nothing to report: page furniture and the repeated header are layout', async () => {
    const result = await checkVariant('03-pdftotext-layout.txt');
    expect(verdict(result)).toEqual([]);
    expect(result.report!.sections.map((s) => s.match)).toEqual(['exact', 'exact', 'exact', 'exact', 'exact', 'exact']);
  });

  it('points each cell at its number in the text', async () => {
    const result = await checkVariant('03-pdftotext-layout.txt');
    const row = (id: string) => tableOf(result, 't3').rows.find((r) => r.id === id)!;
    // Numbers on the first line of a label wrapped over four lines.
    const noCorrection = row('results.otherProcessing.noCorrection');
    expect(noCorrection.cells.map((c) => textAt(result, c.range!))).toEqual(['0', '0', '0', '0', '1', '0', '1']);
    const line = (offset: number) => result.source.text.slice(0, offset).split('\n').length;
    expect(line(noCorrection.cells[0].range!.start)).toBe(line(noCorrection.labelRange!.start));
    // A label after a fragment of its group's merged cell, wrapped, numbers on its last line.
    const threeSecurities = row('results.refused.threeSecurities');
    // (Label ranges run from the first to the last character that counts for matching: no outer punctuation.)
    expect(textAt(result, threeSecurities.labelRange!)).toMatch(/^3\.危及“三安全一\s+稳定$/u);
    // A short label after a fragment: "处理    3.其他".
    expect(textAt(result, row('results.otherProcessing.other').labelRange!)).toBe('3.其他');
  });
});

describe('pdftotext without -layout (04-pdftotext-raw.txt)', () => {
  it('reads every table exactly', async () => {
    const result = await checkVariant('04-pdftotext-raw.txt');
    expect(result.template?.id).toBe('gov-disclosure-2021');
    expectVariantValues(result, expect);
    expect(tableOf(result, 't3').layout).toBe('cell-per-line');
  });

  it('finds nothing to report', async () => {
    const result = await checkVariant('04-pdftotext-raw.txt');
    expect(verdict(result)).toEqual([]);
  });

  it('maps a label broken one character per line to its whole extent', async () => {
    const result = await checkVariant('04-pdftotext-raw.txt');
    const total = tableOf(result, 't3').rows.find((r) => r.id === 'results.total')!;
    expect(textAt(result, total.labelRange!)).toBe('七\n）\n总\n计');
  });
});

describe('pdftotext -layout with empty cells (03-pdftotext-layout-blank-cells.txt)', () => {
  // Zeros left out in the applicant columns (an empty cell prints nothing), columns aligned the way
  // pdftotext aligns them (one column per character, CJK included). Only the position of a number tells
  // its column: （六）1 has its 1 under 法律服务机构, which no equation can tell from 自然人 or 其他.
  it('places each number in the column it stands under', async () => {
    const result = await checkVariant('03-pdftotext-layout-blank-cells.txt');
    expect(values(result, 't3', 'newReceived')).toEqual([14, 2, 0, 0, 1, 0, 17]);
    expect(values(result, 't3', 'carriedOver')).toEqual([1, '', '', '', '', '', 1]);
    expect(values(result, 't3', 'results.refused.stateSecret')).toEqual(['', '', '', '', '', '', 0]);
    expect(values(result, 't3', 'results.otherProcessing.noCorrection')).toEqual(['', '', '', '', 1, '', 1]);
    expect(values(result, 't3', 'carriedForward')).toEqual([2, '', '', '', '', '', 2]);
    const guessed = tableOf(result, 't3').rows.flatMap((r) => r.cells.filter((c) => c.guessed).map((c) => c.id));
    expect(guessed).toEqual([]);
  });

  it('reports the blank cells once, and nothing else', async () => {
    const result = await checkVariant('03-pdftotext-layout-blank-cells.txt');
    expect(verdict(result)).toEqual(['warning cell/blank']);
  });
});
