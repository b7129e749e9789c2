import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkReport, type CheckResult } from '../../src/check/index.js';
import { scoreReport, type ExpectedReport } from '../accuracy/score-report.js';

/**
 * The real reports of test/fixtures/corpus (copied unchanged from the shared corpus): every value of the
 * corpus README and every known error, asserted through the whole pipeline.
 */

const expectedDir = new URL('../fixtures/expected/', import.meta.url);
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** Expectations not met yet, with the reason; each becomes an it.todo until the reader meets it. */
const knownGaps: Record<string, string> = {};

const corpus = readdirSync(expectedDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(new URL(name, expectedDir), 'utf8')) as ExpectedReport)
  .filter((e) => e.file.includes('/fixtures/corpus/'));

function check(expected: ExpectedReport): Promise<CheckResult> {
  const bytes = new Uint8Array(readFileSync(`${repoRoot}${expected.file}`));
  return checkReport({ bytes, fileName: expected.file.split('/').pop() });
}

function caseOf(name: string, what: string, body: () => void): void {
  const gap = knownGaps[`${name} ${what}`];
  if (gap) it.todo(`${what} — ${gap}`);
  else it(what, body);
}

it('has the three corpus reports, unchanged', () => {
  expect(corpus.map((e) => e.file.split('/').pop()).sort()).toEqual([
    'hongzequ-2023.pdftext.txt',
    'hongzequ-2024.pdftotext-layout.txt',
    'huaian-2024.pdftext.txt',
  ]);
  for (const e of corpus) {
    const name = e.file.split('/').pop();
    const shared = `/work/shared/corpus/${name}`;
    let original: Buffer;
    try {
      original = readFileSync(shared);
    } catch {
      continue; // the shared folder exists on the development machines only
    }
    expect(readFileSync(`${repoRoot}${e.file}`).equals(original), name).toBe(true);
  }
});

for (const expected of corpus) {
  const name = expected.file.split('/').pop()!;
  describe(name, async () => {
    const result = await check(expected);
    const score = scoreReport(expected, result);

    caseOf(name, 'template, year and agency', () => {
      expect(score.wrongInfo).toEqual([]);
    });
    for (const key of Object.keys(expected.rows)) {
      caseOf(name, key, () => {
        const one = scoreReport({ ...expected, rows: { [key]: expected.rows[key] } }, result);
        expect(one.wrongCells).toEqual([]);
        expect(one.cellsRight).toBe(expected.rows[key].filter((v) => v !== null).length);
      });
    }
    for (const error of expected.errors) {
      caseOf(name, `error ${error.rule ?? error.code} at ${error.cell ?? '-'}`, () => {
        const one = scoreReport({ ...expected, errors: [error] }, result);
        expect(one.missedErrors).toEqual([]);
      });
    }
    caseOf(name, 'no false errors', () => {
      expect(score.falseErrors).toEqual([]);
    });
    for (const finding of expected.findings) {
      caseOf(name, `finding ${finding.code ?? finding.rule}`, () => {
        const one = scoreReport({ ...expected, findings: [finding] }, result);
        expect(one.missedFindings).toEqual([]);
      });
    }
  });
}
