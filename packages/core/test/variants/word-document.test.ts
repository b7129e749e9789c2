import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/check/index.js';
import { variantDocx } from './docx-variant.js';
import { findings, T2_EXPECTED, T3_EXPECTED, T4_EXPECTED, tableOf, values, verdict } from './variant-helpers.js';

/**
 * Variant 2: the report as a Word document (built in docx-variant.ts): split runs, bookmarks, vMerge
 * group cells, gridSpan merged columns, a cell of two paragraphs, five empty cells. A careful checker reads
 * every value, sees the five empty cells as blank (one finding) and has nothing else to report.
 */

describe('Word document with vMerge and gridSpan (docx)', () => {
  it('reads title, year and every value', async () => {
    const result = await checkReport({ bytes: await variantDocx(), fileName: '示范县市场监督管理局2022年报.docx' });
    expect(result.source.format).toBe('docx');
    expect(result.template?.id).toBe('gov-disclosure-2021');
    expect(result.info).toMatchObject({ year: 2022, agency: '示范县市场监督管理局' });
    for (const [table, row, expected] of T2_EXPECTED) expect(values(result, table, row), `${table}.${row}`).toEqual(expected);
    for (const [row, expected] of Object.entries(T3_EXPECTED)) {
      const want = row === 'carriedOver' ? [1, '', '', '', '', '', 1] : expected;
      expect(values(result, 't3', row), row).toEqual(want);
    }
    expect(values(result, 't4', 'cases')).toEqual(T4_EXPECTED);
    expect(tableOf(result, 't3').layout).toBe('grid');
    for (const t of result.report!.tables) {
      expect(t.notes, t.id).toEqual([]);
      for (const r of t.rows) for (const c of r.cells) expect(c.guessed, c.id).toBeUndefined();
    }
  });

  it('reports the empty cells once, and nothing else', async () => {
    const result = await checkReport({ bytes: await variantDocx(), fileName: 'report.docx' });
    expect(verdict(result)).toEqual(['warning cell/blank']);
    expect(findings(result, 'cell/blank')[0].cells).toEqual([
      't3.carriedOver.legalPersons.business',
      't3.carriedOver.legalPersons.research',
      't3.carriedOver.legalPersons.publicInterest',
      't3.carriedOver.legalPersons.legalServices',
      't3.carriedOver.legalPersons.other',
    ]);
  });
});
