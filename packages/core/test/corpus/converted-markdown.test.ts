import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/index.js';
import { cellStates, checkText, findingsWithCells } from './corpus-helpers.js';
import { convertedMarkdown, type ConversionDamage } from './converted-markdown.js';

/**
 * Tool-made Markdown (issue 14, item 4), generated from every real report of the project — the seeds,
 * the examples and the corpus — rather than invented: its tables written again as a PDF → Markdown
 * converter writes them (see converted-markdown.ts), then cut into pieces with generic headers, with a
 * data row taken for a header, with labels printed apart from their numbers, with stray numbers between
 * rows. Each variant must give the same values and the same findings as the report itself.
 */

const seeds = new URL('../../../../examples/seeds/', import.meta.url);
const examples = new URL('../../../../examples/', import.meta.url);
const corpus = new URL('../fixtures/corpus/', import.meta.url);

const candidates = [
  ...readdirSync(seeds).filter((n) => n.endsWith('.txt')).map((name) => ({ name, url: new URL(name, seeds) })),
  ...readdirSync(examples).filter((n) => /\.(?:md|txt)$/.test(n)).map((name) => ({ name, url: new URL(name, examples) })),
  ...readdirSync(corpus).filter((n) => n.endsWith('.txt')).map((name) => ({ name, url: new URL(name, corpus) })),
];

/** The reports read with certainty in a built-in format: there is something certain to compare with. */
const files = (
  await Promise.all(
    candidates.map(async (file) => {
      const result = await checkText(readFileSync(file.url, 'utf8'), file.name);
      const doubtful = result.diagnostics.some((d) => d.code === 'structure/extra-values' || d.code === 'arithmetic/table-doubtful');
      return result.report && !doubtful ? file : undefined;
    }),
  )
).filter((file): file is { name: string; url: URL } => file !== undefined);

const DAMAGE: Record<string, ConversionDamage> = {
  'as converted': {},
  'cut into two pipe tables, the second with generic headers': { cut: true },
  'cut, a data row taken for the header, the column header repeated': { wrongHeader: true },
  'labels in rows of their own, numbers under them': { labelApart: true },
  'labels in rows of their own, numbers over them': { labelBelow: true },
  'labels printed as text over their rows': { labelOutside: true },
  'stray numbers between rows': { strayNumbers: true },
  'all of it at once': { cut: true, labelApart: true, strayNumbers: true },
  'all of it, labels under their numbers': { cut: true, labelBelow: true, strayNumbers: true },
};

/**
 * Findings, positions aside. Findings about the text's quality are compared as a set: a column header
 * repeated on a new page repeats its garbled characters.
 */
function verdictOf(result: CheckResult): string[] {
  const all = findingsWithCells(result);
  const quality = all.filter((v) => / quality\//u.test(v));
  return [...all.filter((v) => !quality.includes(v)), ...new Set(quality)].sort();
}

describe.each(files)('$name as tool-made Markdown', async ({ name, url }) => {
  const text = readFileSync(url, 'utf8');
  const original = await checkText(text, name);

  it.each(Object.entries(DAMAGE))('%s: same values and findings', async (_, damage) => {
    const markdown = convertedMarkdown(text, original, damage);
    const variant = await checkText(markdown, name.replace(/\.\w+$/u, '.md'));
    expect(cellStates(variant)).toEqual(cellStates(original));
    expect(verdictOf(variant)).toEqual(verdictOf(original));
  });

  it('says which rows it read apart from their labels (confidence `apart`), and reads the others as surely as the report', async () => {
    const confidences = (result: CheckResult) =>
      result.report!.tables.flatMap((t) => [...t.rows, ...(t.groups ?? [])].filter((r) => r.confidence).map((r) => [`${t.id}.${r.id}`, r.confidence!] as const));
    const plain = await checkText(convertedMarkdown(text, original, {}), 'variant.md');
    const apart = await checkText(convertedMarkdown(text, original, { labelApart: true }), 'variant.md');
    const sure = new Set(['exact', 'apart', 'repaired', 'position', 'split']);
    for (const [id, confidence] of [...confidences(plain), ...confidences(apart)]) expect(sure.has(confidence), id).toBe(true);
    const before = new Map(confidences(plain));
    const moved = confidences(apart).filter(([id, confidence]) => confidence !== before.get(id));
    expect(moved.length).toBeGreaterThan(0);
    for (const [id, confidence] of moved) expect(confidence, id).toBe('apart');
  });
});
