import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/index.js';
import { cellStates, checkText, findingsWithCells } from './corpus-helpers.js';
import { convertedMarkdown } from './converted-markdown.js';
import { wordHtml } from './word-html.js';

/**
 * Real reports whose table-3 columns are blank in whole (seed 000: only 总计 filled; seed 002: only 自然人
 * and 总计), saved from Word as HTML, every blank cell an `<o:p> </o:p>` (issue 14, item 6): blank cells
 * keep their column, nothing shifts left, blanks count as the template says — the same values and findings
 * as the report itself. The other real reports, as a check that the rendering loses nothing.
 */

const seeds = new URL('../../../../examples/seeds/', import.meta.url);
const corpus = new URL('../fixtures/corpus/', import.meta.url);
const files = [
  ...['000_ef504471c9854329.txt', '001_58b691fd784472d5.txt', '002_f8f28e4c849350e4.txt', '003_136fd1d98cf7f7a0.txt', '004_94a1ddae1680c43d.txt'].map(
    (name) => ({ name, url: new URL(name, seeds) }),
  ),
  ...['hongzequ-2023.pdftext.txt', 'hongzequ-2024.pdftotext-layout.txt', 'huaian-2024.pdftext.txt'].map((name) => ({ name, url: new URL(name, corpus) })),
];

function verdictOf(result: CheckResult): string[] {
  return findingsWithCells(result).sort();
}

describe.each(files)('$name saved from Word as HTML', async ({ name, url }) => {
  const text = readFileSync(url, 'utf8');
  const original = await checkText(text, name);
  const html = wordHtml(convertedMarkdown(text, original, {}));
  const result = await checkText(html, name.replace(/\.\w+$/u, '.htm'));

  it('is read as HTML, its blank cells written as <o:p> </o:p>', () => {
    expect(result.source.format).toBe('html');
    expect(html).toContain('<td><o:p> </o:p></td>');
  });

  it('gives the same values (blank cells in their columns) and the same findings', () => {
    expect(cellStates(result)).toEqual(cellStates(original));
    expect(verdictOf(result)).toEqual(verdictOf(original));
  });
});

describe('table-3 columns blank in whole', () => {
  it('stay blank in their columns: seed 002 reads 自然人 and 总计, the five legal-person columns blank', async () => {
    const text = readFileSync(new URL('002_f8f28e4c849350e4.txt', seeds), 'utf8');
    const result = await checkText(wordHtml(convertedMarkdown(text, await checkText(text, 'seed-002.txt'), {})), 'seed-002.htm');
    const newReceived = result.report!.tables.find((t) => t.id === 't3')!.rows.find((r) => r.id === 'newReceived')!;
    expect(newReceived.cells.map((c) => (c.state === 'number' ? c.value : c.state))).toEqual([23, 'blank', 'blank', 'blank', 'blank', 'blank', 23]);
    expect(newReceived.confidence).toBe('exact');
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['structure/section-missing']);
  });
});
