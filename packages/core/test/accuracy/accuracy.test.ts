import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/check/index.js';
import { formatAccuracy, scoreReport, totalScores, type ExpectedReport, type ReportScore } from './score-report.js';

/**
 * What `npm run accuracy` prints, asserted: every real report with hand-checked values
 * (test/fixtures/expected/*.json — seeds and corpus) read to 100 % of its expected cells, every known
 * error found (with its fix where one is stated), no false error, every other expected finding.
 */

const dir = new URL('../fixtures/expected/', import.meta.url);
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const expectations = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as ExpectedReport);

async function score(expected: ExpectedReport): Promise<{ score: ReportScore; result: Awaited<ReturnType<typeof checkReport>> }> {
  const bytes = new Uint8Array(readFileSync(`${root}${expected.file}`));
  const result = await checkReport({ bytes, fileName: expected.file.split('/').pop() });
  return { score: scoreReport(expected, result), result };
}

describe('accuracy on every real report with expected values', async () => {
  const scored = await Promise.all(expectations.map(score));
  const scores = scored.map((s) => s.score);

  it('runs the seeds and the corpus', () => {
    expect(expectations.length).toBeGreaterThanOrEqual(8);
    expect(expectations.filter((e) => e.file.startsWith('examples/seeds/'))).toHaveLength(5);
    expect(expectations.filter((e) => e.file.includes('/fixtures/corpus/'))).toHaveLength(3);
  });

  for (const s of scores) {
    it(`${s.file.split('/').pop()}: every cell, every known error, no false error`, () => {
      expect(s.wrongInfo).toEqual([]);
      expect(s.wrongCells).toEqual([]);
      expect(s.cellsRight).toBe(s.cellsExpected);
      expect(s.missedErrors).toEqual([]);
      expect(s.falseErrors).toEqual([]);
      expect(s.missedFindings).toEqual([]);
    });
  }

  it('totals 100 % of cells, every known error, zero false errors', () => {
    const t = totalScores(scores);
    expect(t.cellsExpected).toBeGreaterThan(1400);
    expect(t.cellsRight).toBe(t.cellsExpected);
    expect(t.errorsExpected).toBeGreaterThanOrEqual(13);
    expect(t.errorsFound).toBe(t.errorsExpected);
    expect(t.falseErrors).toBe(0);
    const table = formatAccuracy(scores);
    expect(table).toMatch(new RegExp(`TOTAL \\(${scores.length} reports\\)\\s+${t.cellsRight}/${t.cellsExpected}\\s+100\\.0 %`));
  });

  it('counts a misread cell, a missed error, a false error and a wrong fix', () => {
    const index = expectations.findIndex((e) => e.file.includes('003_'));
    const { result } = scored[index];
    const expected = expectations[index];
    const misread = structuredClone(result);
    const cell = misread.report!.tables.find((t) => t.id === 't3')!.rows.find((r) => r.id === 'newReceived')!.cells[0];
    cell.value = 3;
    const r2 = misread.diagnostics.findIndex((d) => d.rule === 'R2');
    misread.diagnostics[r2] = { ...misread.diagnostics[r2], rule: 'R9' };
    const s = scoreReport(expected, misread);
    expect(s.wrongCells).toEqual(['t3.newReceived[0]: expected 2, read 3']);
    expect(s.missedErrors.map((e) => e.cell)).toEqual(['t3.results.total.naturalPerson']);
    expect(s.falseErrors).toHaveLength(1);
    const wrongFix = scoreReport({ ...expected, errors: [{ rule: 'R1', cell: 't3.newReceived.total', fix: ['0@2883→3'] }] }, result);
    expect(wrongFix.missedErrors).toHaveLength(1);
    expect(formatAccuracy([s])).toContain('false error arithmetic/equation R9');
  });
});
