import { describe, expect, it } from 'vitest';
import { parseExample } from './seed-helpers.js';

/** examples/clean-2019.md and clean-2021.md: correct reports in each format, read in full. */
describe.each([
  ['clean-2019.md', 'gov-disclosure-2019', 2020],
  ['clean-2021.md', 'gov-disclosure-2021', 2022],
])('examples/%s', (file, templateId, year) => {
  it('detects its template, year and agency', async () => {
    const report = await parseExample(file);
    expect(report.templateId).toBe(templateId);
    expect(report.detection.id).toBe(templateId);
    expect(report.detection.confidence).toBeGreaterThan(0.9);
    expect(report.info).toMatchObject({ year, agency: '示例市示例局' });
  });

  it('has all six sections with the template headings', async () => {
    const report = await parseExample(file);
    expect(report.sections.map((s) => s.match)).toEqual(['exact', 'exact', 'exact', 'exact', 'exact', 'exact']);
  });

  it('reads every cell as an exact number, found where it is written', async () => {
    const report = await parseExample(file);
    for (const t of report.tables) {
      expect(t.found, t.id).toBe(true);
      expect(t.missingRows, t.id).toEqual([]);
      expect(t.notes, t.id).toEqual([]);
      expect(t.layout, t.id).toBe('pipe');
      for (const row of t.rows) {
        for (const cell of row.cells) {
          expect(cell.state, cell.id).toBe('number');
          expect(cell.guessed, cell.id).toBeUndefined();
          expect(report.source.text.slice(cell.range!.start, cell.range!.end)).toBe(cell.raw);
        }
      }
    }
  });
});
