import { describe, expect, it } from 'vitest';
import { builtinTemplates } from '../../src/templates/index.js';
import { generateReport, generatedUnitWord, type GeneratedLayout } from '../../bench/report-generator.js';
import { parseText } from './seed-helpers.js';

/**
 * Reports generated from each built-in template, with random numbers that satisfy its arithmetic, in
 * every layout the generator knows: every cell must come back with its value, and nothing is a guess.
 */

const layouts: GeneratedLayout[] = ['cell-per-line', 'tab', 'pipe', 'space', 'html'];

describe.each(builtinTemplates.map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  it.each(layouts)('reads every cell of a %s report', async (layout) => {
    for (const seed of [1, 2, 3]) {
      const generated = generateReport(template, { layout, seed, year: template.years.from + 1 });
      const report = await parseText(generated.text, generated.fileName);
      expect(report.templateId).toBe(template.id);
      expect(report.info.year).toBe(template.years.from + 1);
      expect(report.info.agency).toBe('示例市示例局');
      expect(report.sections.every((s) => s.match === 'exact')).toBe(true);
      for (const t of report.tables) {
        expect(t.found, t.id).toBe(true);
        expect(t.missingRows, t.id).toEqual([]);
        expect(t.notes, t.id).toEqual([]);
        for (const row of t.rows) {
          for (const cell of row.cells) {
            if (cell.state === 'text') {
              // A text column (计量单位) holds words, read as written.
              expect(cell.raw, cell.id).toBe(generatedUnitWord);
              continue;
            }
            expect(cell.state, cell.id).toBe('number');
            expect(cell.value, cell.id).toBeCloseTo(generated.values.get(cell.id)!, 6);
            expect(cell.guessed, cell.id).toBeUndefined();
          }
        }
      }
    }
  });
});
