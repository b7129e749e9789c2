// `npm run accuracy`: checks every real report that has hand-checked expected values
// (packages/core/test/fixtures/expected/*.json: the seeds, the corpus, reports added later) with the built
// core, and prints per report and in total: cells right / cells expected, known errors found, false errors
// (errors that are not the report's real ones), other expected findings, and every miss. Exit code 1 when
// anything is short of 100 %. The same scoring is asserted by packages/core/test/accuracy/accuracy.test.ts.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { checkReport } = await import(path.join(root, 'packages/core/dist/index.js'));
const { scoreReport, totalScores, formatAccuracy } = await import(path.join(root, 'packages/core/test/accuracy/score-report.ts'));

const dir = path.join(root, 'packages/core/test/fixtures/expected');
const scores = [];
for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
  const expected = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
  const bytes = new Uint8Array(readFileSync(path.join(root, expected.file)));
  const result = await checkReport({ bytes, fileName: path.basename(expected.file) });
  scores.push(scoreReport(expected, result));
}
console.log(formatAccuracy(scores));
const t = totalScores(scores);
const perfect =
  t.cellsRight === t.cellsExpected && t.errorsFound === t.errorsExpected && t.falseErrors === 0 && t.infoWrong === 0;
process.exit(perfect ? 0 : 1);
