import { describe, expect, it } from 'vitest';
import type { ParsedReport } from '../../src/model/report.js';
import { parseExample, rowIds, rowValues, table, type CellView } from './seed-helpers.js';

/**
 * Every value of the five seed reports, as checked by hand in shared/seeds/EXPECTED.md (copied into
 * examples/seeds/ unchanged). Table-3 columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
 */

const Z7 = [0, 0, 0, 0, 0, 0, 0];
const B7 = ['', '', '', '', '', '', ''];
const Z15 = new Array<number>(15).fill(0);

function t3(report: ParsedReport): Record<string, CellView[]> {
  return Object.fromEntries(rowIds(report, 't3').map((id) => [id, rowValues(report, 't3', id)]));
}

/** Every cell that holds a value or a blank marker points at its text in the original. */
function expectRangesPointAtRaw(report: ParsedReport): void {
  const text = report.source.text;
  for (const t of report.tables) {
    for (const row of t.rows) {
      if (row.labelRange) expect(row.labelRange.end).toBeGreaterThan(row.labelRange.start);
      for (const cell of row.cells) {
        if (cell.state === 'na') {
          expect(cell.range).toBeUndefined();
          continue;
        }
        expect(cell.range, cell.id).toBeDefined();
        const { start, end } = cell.range!;
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeLessThanOrEqual(text.length);
        if (cell.state === 'number' || cell.state === 'approximate') {
          expect(text.slice(start, end).replace(/[\s\u00a0\u3000]/g, ''), cell.id).toBe(cell.raw.replace(/\s/g, ''));
        } else if (cell.state === 'blank') {
          expect(text.slice(start, end).trim(), cell.id).toBe(cell.raw);
        }
      }
    }
  }
}

describe('seed 000 (one cell per line, TAB-indented, U+3000/NBSP padding)', async () => {
  const report = await parseExample('seeds/000_ef504471c9854329.txt');

  it('detects the 2019 template, year 2020 and the agency', () => {
    expect(report.templateId).toBe('gov-disclosure-2019');
    expect(report.detection.id).toBe('gov-disclosure-2019');
    expect(report.detection.confidence).toBeGreaterThan(0.8);
    expect(report.detection.legacy).toBe(false);
    expect(report.info.year).toBe(2020);
    expect(report.info.agency).toBe('紫阳县公安局');
  });

  it('finds the six sections', () => {
    expect(report.sections.map((s) => s.match)).toEqual(['exact', 'exact', 'exact', 'exact', 'exact', 'exact']);
  });

  it('reads table 2', () => {
    expect(rowValues(report, 't2-1', 'regulations')).toEqual([0, 0, 0]);
    expect(rowValues(report, 't2-1', 'normativeDocuments')).toEqual([0, 0, 0]);
    expect(rowValues(report, 't2-5', 'licensing')).toEqual([6, 1, 0]);
    expect(rowValues(report, 't2-5', 'otherServices')).toEqual([0, 0, 0]);
    expect(rowValues(report, 't2-6', 'penalties')).toEqual([6, 0, 1085]);
    expect(rowValues(report, 't2-6', 'compulsoryMeasures')).toEqual([4, 0, 1003]);
    expect(rowValues(report, 't2-8', 'fees')).toEqual([2, 0]);
    expect(rowValues(report, 't2-9', 'centralPurchasing')).toEqual([3, 94.52]);
    const amount = table(report, 't2-9').rows[0].cells[1];
    expect(amount.unit).toBe('万元');
    expect(amount.raw).toBe('94.52万元');
  });

  it('reads table 3: only the total column is filled', () => {
    const rows = t3(report);
    expect(Object.keys(rows)).toHaveLength(23);
    for (const [id, values] of Object.entries(rows)) expect(values, id).toEqual(['', '', '', '', '', '', 0]);
    expect(table(report, 't3').layout).toBe('cell-per-line');
  });

  it('reads table 4: 15 zeros', () => {
    expect(rowValues(report, 't4', 'cases')).toEqual(Z15);
    expect(table(report, 't4').notes).toEqual([]);
  });

  it('points every cell at its text', () => expectRangesPointAtRaw(report));
});

describe('seed 001 (Traditional script with injected Pinyin, pipe rows with irregular counts)', async () => {
  const report = await parseExample('seeds/001_58b691fd784472d5.txt');

  it('detects the 2021 template, year 2023 and the agency', () => {
    expect(report.templateId).toBe('gov-disclosure-2021');
    expect(report.detection.scores['gov-disclosure-2019']).toBe(0);
    expect(report.info.year).toBe(2023);
    expect(report.info.agency).toBe('同心县公安局');
  });

  it('finds the six sections', () => {
    expect(report.sections.every((s) => s.match === 'exact')).toBe(true);
  });

  it('reads table 2 (merged single-value columns)', () => {
    expect(rowValues(report, 't2-1', 'regulations')).toEqual([0, 0, 0]);
    expect(rowValues(report, 't2-1', 'normativeDocuments')).toEqual([0, 0, 0]);
    expect(rowValues(report, 't2-5', 'licensing')).toEqual([6]);
    expect(rowValues(report, 't2-6', 'penalties')).toEqual([3259]);
    expect(rowValues(report, 't2-6', 'compulsoryMeasures')).toEqual([707]);
    expect(rowValues(report, 't2-8', 'fees')).toEqual([77.496]);
    expect(table(report, 't2-8').rows[0].cells[0].raw).toBe('77.4960');
  });

  it('reads table 3 with the three 2021 （六） sub-rows', () => {
    const rows = t3(report);
    expect(Object.keys(rows)).toHaveLength(25);
    const twos = new Set(['newReceived', 'results.granted', 'results.total']);
    for (const [id, values] of Object.entries(rows)) expect(values, id).toEqual(twos.has(id) ? [2, 0, 0, 0, 0, 0, 2] : Z7);
    expect(table(report, 't3').layout).toBe('pipe');
    expect(table(report, 't3').missingRows).toEqual([]);
  });

  it('reads table 4 by position and notes its truncated header', () => {
    expect(rowValues(report, 't4', 'cases')).toEqual(Z15);
    expect(table(report, 't4').notes.map((n) => n.kind)).toEqual(['header-truncated']);
  });

  it('points every cell at its text', () => expectRangesPointAtRaw(report));
});

describe('seed 002 (TAB-separated rows with drifting TAB counts)', async () => {
  const report = await parseExample('seeds/002_f8f28e4c849350e4.txt');

  it('detects the 2019 template, year 2020 and the agency', () => {
    expect(report.templateId).toBe('gov-disclosure-2019');
    expect(report.info.year).toBe(2020);
    expect(report.info.agency).toBe('宿迁市公安局');
  });

  it('finds the sections: 五 as a near miss, 六 missing', () => {
    expect(report.sections.map((s) => s.match)).toEqual(['exact', 'exact', 'exact', 'exact', 'near', 'missing']);
    expect(report.sections[4].heading?.text).toBe('五、存在问题及改进情况');
    expect(report.sections[5].range).toBeUndefined();
  });

  it('reads table 2', () => {
    expect(rowValues(report, 't2-1', 'regulations')).toEqual([0, 0, 0]);
    expect(rowValues(report, 't2-1', 'normativeDocuments')).toEqual([0, 0, 5]);
    expect(rowValues(report, 't2-5', 'licensing')).toEqual([28, 0, 103845]);
    expect(rowValues(report, 't2-5', 'otherServices')).toEqual([77, 0, 135617]);
    expect(rowValues(report, 't2-6', 'penalties')).toEqual([852, 0, 2366863]);
    expect(rowValues(report, 't2-6', 'compulsoryMeasures')).toEqual([68, 0, 13553]);
    expect(rowValues(report, 't2-8', 'fees')).toEqual([25, 0]);
    expect(rowValues(report, 't2-9', 'centralPurchasing')).toEqual([16, 3414.41]);
    expect(table(report, 't2-9').rows[0].cells[1].unit).toBe('万元');
  });

  it('reads table 3: values in 自然人 and 总计, blanks elsewhere', () => {
    const rows = t3(report);
    const pair = (n: number): CellView[] => [n, '', '', '', '', '', n];
    const expected: Record<string, CellView[]> = {
      newReceived: pair(23),
      carriedOver: B7,
      'results.granted': pair(1),
      'results.partlyGranted': pair(1),
      'results.refused.stateSecret': pair(10),
      'results.refused.prohibitedByLaw': pair(3),
      'results.refused.internalAffairs': pair(1),
      'results.unableToProvide.notHeld': pair(1),
      'results.unableToProvide.needsCreating': pair(1),
      'results.unableToProvide.stillUnclear': pair(1),
      'results.notProcessed.complaints': pair(4),
      'results.otherProcessing': B7,
      'results.total': pair(23),
      carriedForward: B7,
    };
    for (const [id, values] of Object.entries(rows)) expect(values, id).toEqual(expected[id] ?? B7);
    expect(table(report, 't3').missingRows).toEqual([]);
  });

  it('reads table 4: 15 zeros', () => expect(rowValues(report, 't4', 'cases')).toEqual(Z15));

  it('points every cell at its text', () => expectRangesPointAtRaw(report));
});

describe('seed 003 (one cell per line, NBSP padding, title over two lines)', async () => {
  const report = await parseExample('seeds/003_136fd1d98cf7f7a0.txt');

  it('detects the 2019 template, year 2020 and the agency', () => {
    expect(report.templateId).toBe('gov-disclosure-2019');
    expect(report.info.year).toBe(2020);
    expect(report.info.agency).toBe('鹿城公安分局');
  });

  it('finds sections 一–四; 五 and 六 are missing', () => {
    expect(report.sections.map((s) => s.match)).toEqual(['exact', 'exact', 'exact', 'exact', 'missing', 'missing']);
  });

  it('reads table 2 with signed and approximate numbers', () => {
    expect(rowValues(report, 't2-1', 'regulations')).toEqual([0, 0, 0]);
    expect(rowValues(report, 't2-1', 'normativeDocuments')).toEqual([0, 0, 0]);
    expect(rowValues(report, 't2-5', 'licensing')).toEqual([472, -55, 417]);
    expect(rowValues(report, 't2-5', 'otherServices')).toEqual(['~190000', '~10000', '~200000']);
    expect(table(report, 't2-5').rows[1].cells.map((c) => c.raw)).toEqual(['19万', '增1万', '20万']);
    expect(rowValues(report, 't2-6', 'penalties')).toEqual([9728, -3820, 5908]);
    expect(rowValues(report, 't2-6', 'compulsoryMeasures')).toEqual([3093, 2238, 5331]);
    expect(rowValues(report, 't2-8', 'fees')).toEqual([14, 0]);
    expect(rowValues(report, 't2-9', 'centralPurchasing')).toEqual([102, 974.2]);
  });

  it('reads table 3, including the wrong （七）总计 as written', () => {
    const rows = t3(report);
    const one = [1, 0, 0, 0, 0, 0, 1];
    const expected: Record<string, CellView[]> = {
      newReceived: [2, 0, 0, 0, 0, 0, 2],
      'results.refused.enforcementFiles': one,
      'results.unableToProvide.notHeld': one,
    };
    for (const [id, values] of Object.entries(rows)) expect(values, id).toEqual(expected[id] ?? Z7);
  });

  it('reads table 4', () => {
    expect(rowValues(report, 't4', 'cases')).toEqual([0, 0, 0, 0, 0, 1, 0, 1, 0, 2, 0, 0, 0, 0, 0]);
  });

  it('points every cell at its text', () => expectRangesPointAtRaw(report));
});

describe('seed 004 (TAB-separated, table 3 cut off, table 4 without heading and with a garbled header)', async () => {
  const report = await parseExample('seeds/004_94a1ddae1680c43d.txt');

  it('detects the 2019 template, year 2020 and the agency', () => {
    expect(report.templateId).toBe('gov-disclosure-2019');
    expect(report.info.year).toBe(2020);
    expect(report.info.agency).toBe('济宁市公安局高新区分局');
  });

  it('has section 四 missing but its table present', () => {
    expect(report.sections.map((s) => s.match)).toEqual(['exact', 'exact', 'exact', 'missing', 'exact', 'exact']);
    expect(report.sections[3].range).toBeDefined();
    expect(report.sections[2].range!.end).toBeLessThanOrEqual(report.sections[3].range!.start);
  });

  it('reads table 2 with blank cells and a money value without unit', () => {
    expect(rowValues(report, 't2-1', 'regulations')).toEqual([0, 0, 0]);
    expect(rowValues(report, 't2-1', 'normativeDocuments')).toEqual([0, 0, 14]);
    expect(rowValues(report, 't2-5', 'licensing')).toEqual(['', '', 218]);
    expect(rowValues(report, 't2-5', 'otherServices')).toEqual(['', '', 1722]);
    expect(rowValues(report, 't2-6', 'penalties')).toEqual([615, '', 651]);
    expect(rowValues(report, 't2-6', 'compulsoryMeasures')).toEqual([47, '', 105]);
    expect(rowValues(report, 't2-8', 'fees')).toEqual([1, 0]);
    expect(rowValues(report, 't2-9', 'centralPurchasing')).toEqual([21, 421913]);
    expect(table(report, 't2-9').rows[0].cells[1].unit).toBeUndefined();
  });

  it('reads the truncated table 3 and names its missing rows', () => {
    const t = table(report, 't3');
    const rows = t3(report);
    expect(rows['newReceived']).toEqual(Z7);
    expect(rows['carriedOver']).toEqual(Z7);
    expect(rows['results.granted']).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(rows['results.partlyGranted']).toEqual(Z7);
    for (const id of ['stateSecret', 'prohibitedByLaw', 'threeSecurities', 'thirdPartyRights']) {
      expect(rows[`results.refused.${id}`], id).toEqual(Z7);
    }
    expect(t.truncated).toBe(true);
    expect(t.missingRows).toHaveLength(15);
    expect(t.missingRows[0]).toBe('results.refused.internalAffairs');
    expect(t.missingRows.at(-1)).toBe('carriedForward');
    for (const id of t.missingRows) expect(rows[id], id).toEqual(['na', 'na', 'na', 'na', 'na', 'na', 'na']);
  });

  it('reads table 4 by position and notes its garbled header', () => {
    expect(rowValues(report, 't4', 'cases')).toEqual(Z15);
    expect(table(report, 't4').notes.map((n) => n.kind)).toEqual(['header-garbled']);
  });

  it('points every cell at its text', () => expectRangesPointAtRaw(report));
});
