import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/index.js';
import { cellStates, checkText, findingsWithCells } from './corpus-helpers.js';

/**
 * Page footers inside a table (issue 14, item 4): a real report's table 3 broken by a page footer —
 * "第 3 页", "第 3 页 共 6 页", "- 3 -", "3 / 6" — on a line of its own between any two of its lines (between
 * rows, between a label and its numbers, between two cells of a one-cell-per-line row), and the same text
 * with every line break removed (the footer then stands between a row's values). The footer is no cell:
 * the same values and findings as the report itself.
 */

const seeds = new URL('../../../../examples/seeds/', import.meta.url);
const corpus = new URL('../fixtures/corpus/', import.meta.url);
const files = [
  ...['000_ef504471c9854329.txt', '001_58b691fd784472d5.txt', '002_f8f28e4c849350e4.txt', '003_136fd1d98cf7f7a0.txt'].map((name) => ({
    name,
    url: new URL(name, seeds),
  })),
  ...['hongzequ-2023.pdftext.txt', 'huaian-2024.pdftext.txt'].map((name) => ({ name, url: new URL(name, corpus) })),
];
const FOOTERS = ['第 3 页', '第3页 共6页', '- 3 -', '3 / 6'];

const verdictOf = (result: CheckResult): string[] =>
  findingsWithCells(result).sort();

/** `text` with `footer` on a line of its own after every `every`-th line break inside table 3, starting at the `first`-th. */
function withFooters(text: string, original: CheckResult, footer: string, first: number, every: number): { text: string; count: number } {
  const range = original.report!.tables.find((t) => t.id === 't3')!.range!;
  let out = text.slice(0, range.start);
  let count = 0;
  let n = 0;
  for (let at = range.start; at < range.end; at++) {
    out += text[at];
    if (text[at] === '\n' && n++ % every === first) {
      out += `${footer}\n`;
      count++;
    }
  }
  return { text: out + text.slice(range.end), count };
}

describe.each(files)('$name with a page footer inside table 3', async ({ name, url }) => {
  const text = readFileSync(url, 'utf8');
  const original = await checkText(text, name);

  it.each(FOOTERS.map((footer, i) => [footer, i]))('"%s" is no cell', async (footer, i) => {
    for (const first of [i, i + 3]) {
      const variant = withFooters(text, original, footer as string, first, 7);
      expect(variant.count).toBeGreaterThan(2);
      const result = await checkText(variant.text, name);
      expect(cellStates(result), `${footer} after line ${first}`).toEqual(cellStates(original));
      expect(verdictOf(result), `${footer} after line ${first}`).toEqual(verdictOf(original));
    }
  });

  it('"第 3 页" between the values of a row without line breaks is no cell', async () => {
    const oneLine = (t: string): string => t.replace(/\r\n|\r|\n/g, '');
    const plain = await checkText(oneLine(text), name);
    const variant = await checkText(oneLine(withFooters(text, original, '第 3 页', 2, 5).text), name);
    expect(cellStates(variant)).toEqual(cellStates(plain));
    expect(verdictOf(variant)).toEqual(verdictOf(plain));
  });
});
