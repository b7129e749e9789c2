import { describe, expect, it } from 'vitest';
import { checkText, corpusText, rowOf, verdictOf } from './corpus-helpers.js';

/**
 * Row variants of real reports (test/fixtures/corpus): （六）其他处理 printed as one row in a 2021-format
 * table, a label typo, "1、" for "1.". Variants are the real text with one line edited.
 */

const HONGZE_2023 = 'hongzequ-2023.pdftext.txt';
const HONGZE_2024 = 'hongzequ-2024.pdftotext-layout.txt';
const HUAIAN_2024 = 'huaian-2024.pdftext.txt';

describe('（六）其他处理 printed as one row', () => {
  it('is read as the group, named once, and no row is missing', async () => {
    for (const name of [HONGZE_2023, HONGZE_2024]) {
      const result = await checkText(corpusText(name), name);
      expect(rowOf(result, 't3', 'results.otherProcessing'), name).toEqual([0, 0, 0, 0, 0, 0, 0]);
      const t3 = result.report!.tables.find((t) => t.id === 't3')!;
      expect(t3.missingRows, name).toEqual([]);
      expect(t3.truncated, name).toBe(false);
      const findings = result.diagnostics.filter((d) => d.code === 'structure/group-unsplit');
      expect(findings, name).toHaveLength(1);
      expect(findings[0].severity).toBe('warning');
      expect(findings[0].message).toContain('（六）其他处理');
      expect(result.source.text.slice(findings[0].range.start, findings[0].range.end)).toContain('其他处理');
      expect(result.diagnostics.filter((d) => d.code === 'structure/rows-missing'), name).toEqual([]);
    }
  });

  it('counts in the table total: a wrong group value is an error at the group cell', async () => {
    const text = corpusText(HONGZE_2023).replace('（六）其他处理 0 0 0 0 0 0 0', '（六）其他处理 2 0 0 0 0 0 2');
    const result = await checkText(text, 'variant.txt', { locale: 'en' });
    expect(rowOf(result, 't3', 'results.otherProcessing')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    const r2 = result.diagnostics.filter((d) => d.rule === 'R2');
    expect(r2.map((d) => d.severity)).toEqual(['error', 'error']);
    for (const d of r2) expect(d.cells!.some((c) => c.startsWith('t3.results.otherProcessing.'))).toBe(true);
    expect(r2[0].cells).toContain('t3.results.otherProcessing.naturalPerson');
    const related = r2[0].related.map((r) => r.message).join(' ');
    expect(related).toContain('（六）其他处理');
    // The group cell has its place in the text, so a fix can edit it.
    const fixes = r2.flatMap((d) => d.suggestions.flatMap((s) => s.edits));
    for (const edit of fixes) expect(result.source.text.slice(edit.range.start, edit.range.end)).toMatch(/^\d+$/);
  });

  it('is not taken for a group whose rows are there', async () => {
    const result = await checkText(corpusText(HUAIAN_2024), HUAIAN_2024);
    expect(result.report!.tables.find((t) => t.id === 't3')!.groups).toBeUndefined();
    expect(rowOf(result, 't3', 'results.otherProcessing.noCorrection')).toEqual([67, 3, 0, 0, 1, 0, 71]);
  });
});

describe('label variants', () => {
  it('reads a typo in a numbered label as a near miss of the row ("2.其他法律行政止公开")', async () => {
    for (const name of [HONGZE_2023, HONGZE_2024]) {
      const result = await checkText(corpusText(name), name);
      const row = result.report!.tables.find((t) => t.id === 't3')!.rows.find((r) => r.id === 'results.refused.prohibitedByLaw')!;
      expect(result.source.text.slice(row.labelRange!.start, row.labelRange!.end), name).toContain('其他法律行政止公开');
      expect(rowOf(result, 't3', 'results.refused.prohibitedByLaw'), name).toEqual([0, 0, 0, 0, 0, 0, 0]);
    }
  });

  it('names the typo once, in the wording of the format, and no fragment of other text run into a label', async () => {
    for (const name of [HONGZE_2023, HONGZE_2024, HUAIAN_2024]) {
      const result = await checkText(corpusText(name), name);
      const variants = result.diagnostics.filter((d) => d.code === 'structure/row-label-variant');
      if (name === HUAIAN_2024) {
        // "其他\n一、本年新收…" (a header cell before the first label in PDF text) is no typo.
        expect(variants, name).toEqual([]);
        continue;
      }
      expect(variants, name).toHaveLength(1);
      expect(variants[0].severity).toBe('warning');
      expect(variants[0].message).toContain('“2.其他法律行政止公开”（格式为“2.其他法律行政法规禁止公开”）');
      expect(result.source.text.slice(variants[0].range.start, variants[0].range.end)).toBe('2.其他法律行政止公开');
      expect(variants[0].cells).toContain('t3.results.refused.prohibitedByLaw.total');
    }
    const english = await checkText(corpusText(HONGZE_2023), HONGZE_2023, { locale: 'en' });
    expect(english.diagnostics.find((d) => d.code === 'structure/row-label-variant')!.message).toContain('the format has "2.其他法律行政法规禁止公开"');
  });

  it('does not take a different numbered row for a typo', async () => {
    const text = corpusText(HONGZE_2023).replace('2.其他法律行政止公开', '2.重复申请');
    const result = await checkText(text, 'variant.txt');
    expect(rowOf(result, 't3', 'results.refused.prohibitedByLaw')).toContain('na');
  });

  it('reads "1、" for "1." (huaian 2024, （六） rows)', async () => {
    const result = await checkText(corpusText(HUAIAN_2024), HUAIAN_2024);
    const row = result.report!.tables.find((t) => t.id === 't3')!.rows.find((r) => r.id === 'results.otherProcessing.feeUnpaid')!;
    expect(result.source.text.slice(row.labelRange!.start, row.labelRange!.end)).toMatch(/^2、申请人逾期/);
    expect(rowOf(result, 't3', 'results.otherProcessing.feeUnpaid')).toEqual([6, 0, 0, 0, 0, 0, 6]);
    expect(verdictOf(result).filter((v) => v.startsWith('error'))).toEqual([]);
  });
});
