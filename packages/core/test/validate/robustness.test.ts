import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellState, ParsedReport } from '../../src/model/report.js';
import { applyEdits, compareDiagnostics, OverlappingEditsError, validateReport } from '../../src/validate/index.js';
import { budgetTemplate } from './fixtures/budget-template.js';
import { ReportBuilder } from './fixtures/report-builder.js';

function baseReport(): ParsedReport {
  return new ReportBuilder(budgetTemplate)
    .title('示例单位2031年预算执行报告', 2031)
    .section('s1')
    .line('全年收入30万元。')
    .section('s2')
    .table({ id: 'budget', rows: { income: ['10', '20', '30'], expense: ['5', '5', '10'], total: ['15', '25', '40'] } })
    .table({ id: 'fees', rows: { fee: ['1万元'], change: ['0'] } })
    .section('s3')
    .line('仍有不足。')
    .section('s4')
    .line('收费正常。')
    .build();
}

describe('validateReport on odd input', () => {
  it('does not throw on a report with nothing in it', () => {
    const empty: ParsedReport = {
      source: { format: 'txt', encoding: 'utf-8', text: '' },
      detection: { id: null, confidence: 0, scores: {}, legacy: false },
      info: { year: null, agency: null },
      templateId: budgetTemplate.id,
      sections: [],
      tables: [],
    };
    const diagnostics = validateReport(empty, budgetTemplate);
    expect(diagnostics.filter((d) => d.code === 'structure/section-missing')).toHaveLength(4);
    expect(diagnostics.every((d) => d.range.start === 0 && d.range.end === 0)).toBe(true);
  });

  it('survives any mix of cell states and values, and stays sorted and deterministic', () => {
    const states: CellState[] = ['number', 'blank', 'na', 'invalid', 'approximate'];
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...states),
            fc.oneof(fc.integer({ min: -5, max: 60 }), fc.double({ noNaN: false }), fc.constant(null)),
          ),
          { minLength: 11, maxLength: 11 },
        ),
        (cells) => {
          const report = baseReport();
          const all = report.tables.flatMap((t) => t.rows.flatMap((r) => r.cells));
          all.forEach((cell, i) => {
            const [state, value] = cells[i];
            cell.state = state;
            cell.value = state === 'number' ? (value ?? 0) : null;
            if (state === 'na') delete cell.range;
          });
          const diagnostics = validateReport(report, budgetTemplate);
          expect([...diagnostics].sort(compareDiagnostics)).toEqual(diagnostics);
          expect(validateReport(report, budgetTemplate)).toEqual(diagnostics);
          // All fixes offered together apply cleanly.
          applyEdits(
            report.source.text,
            diagnostics.flatMap((d) => d.suggestions.flatMap((s) => s.edits)),
          );
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('applyEdits', () => {
  it('applies edits back to front and counts identical edits once', () => {
    const edit = { range: { start: 4, end: 5 }, newText: '2' };
    expect(applyEdits('abc 0 def 0', [{ range: { start: 10, end: 11 }, newText: '22' }, edit, edit])).toBe('abc 2 def 22');
    expect(applyEdits('abc', [])).toBe('abc');
    expect(applyEdits('abc', [{ range: { start: 3, end: 3 }, newText: 'd' }])).toBe('abcd');
  });

  it('refuses overlapping edits and ranges outside the text', () => {
    expect(() =>
      applyEdits('abcdef', [
        { range: { start: 1, end: 3 }, newText: 'x' },
        { range: { start: 2, end: 4 }, newText: 'y' },
      ]),
    ).toThrow(OverlappingEditsError);
    expect(() =>
      applyEdits('abcdef', [
        { range: { start: 2, end: 2 }, newText: 'x' },
        { range: { start: 2, end: 2 }, newText: 'y' },
      ]),
    ).toThrow(OverlappingEditsError);
    expect(() => applyEdits('abc', [{ range: { start: 2, end: 9 }, newText: '' }])).toThrow(RangeError);
  });
});
