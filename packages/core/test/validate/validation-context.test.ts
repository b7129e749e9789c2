import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OffsetRange, ParsedReport } from '../../src/model/report.js';
import { identityView } from '../../src/read/index.js';
import { ValidationContext } from '../../src/validate/validation-context.js';
import { budgetTemplate } from './fixtures/budget-template.js';
import { ReportBuilder } from './fixtures/report-builder.js';

function context(): ValidationContext {
  const report = budgetReport();
  return new ValidationContext(report, budgetTemplate, identityView(report.source.text), [budgetTemplate]);
}

function budgetReport(): ParsedReport {
  return new ReportBuilder(budgetTemplate)
    .title('示例单位2031年预算执行报告', 2031)
    .section('s1')
    .line('全年收入30万元。')
    .section('s2')
    .line('本年收支如下。')
    .table({ id: 'budget', rows: { income: ['10', '20', '30'], expense: ['5', '5', '10'], total: ['15', '25', '40'] } })
    .line('收支平衡。')
    .section('s3')
    .line('仍有不足。')
    .build();
}

/** `text` from `start` to `end` with every unit of the rows (the union of their spans) but line breaks made a space. */
function blankedSimply(text: string, rows: readonly OffsetRange[], start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const inRow = rows.some((row) => row.start <= i && i < row.end);
    out += inRow && text[i] !== '\n' && text[i] !== '\r' ? ' ' : text[i];
  }
  return out;
}

describe('ValidationContext', () => {
  it('blanks the table rows in the section texts only, keeping offsets and line breaks', () => {
    const ctx = context();
    const text = ctx.view.text;
    for (const id of ['s1', 's2', 's3']) {
      const section = ctx.sectionText(id)!;
      const original = text.slice(section.viewStart, section.viewStart + section.text.length);
      expect(section.text).toHaveLength(original.length);
      // Line breaks stay where they were; every other unit is the original one or a space.
      for (let i = 0; i < original.length; i++) {
        if (original[i] === '\n' || original[i] === '\r') expect(section.text[i]).toBe(original[i]);
        else expect([original[i], ' ']).toContain(section.text[i]);
      }
      expect(ctx.sectionText(id)).toBe(section);
    }
    // The prose around the table stays; the figures of its rows are gone.
    const s2 = ctx.sectionText('s2')!.text;
    expect(s2).toContain('本年收支如下。');
    expect(s2).toContain('收支平衡。');
    expect(s2).not.toMatch(/\d/u);
    expect(ctx.sectionText('s1')!.text).toContain('全年收入30万元。');
    expect(ctx.sectionText('s4')).toBeNull();
  });

  it('labels a cell by the part left out, each remembered on its own', () => {
    const ctx = context();
    const full = ctx.cellLabel('budget.income.year');
    const withoutRow = ctx.cellLabel('budget.income.year', 'row');
    const withoutColumn = ctx.cellLabel('budget.income.year', 'column');
    expect(new Set([full, withoutRow, withoutColumn]).size).toBe(3);
    expect(full).toContain('收入');
    expect(full).toContain('全年');
    expect(withoutRow).not.toContain('收入');
    expect(withoutColumn).not.toContain('全年');
    // Asked again, in any order, and from another report's context: the same labels.
    const other = context();
    expect(other.cellLabel('budget.income.year', 'column')).toBe(withoutColumn);
    expect(other.cellLabel('budget.income.year')).toBe(full);
    expect(ctx.cellLabel('budget.income.year', 'row')).toBe(withoutRow);
  });

  it('blanks in a section the union of the rows that reach into it, however the rows and sections lie', () => {
    const base = budgetReport();
    const text = base.source.text;
    const span = fc.integer({ min: 0, max: text.length }).chain((a) => fc.integer({ min: a, max: text.length }).map((b) => ({ start: a, end: b })));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(span), fc.array(fc.option(span), { maxLength: 3 })), { maxLength: 8 }), fc.array(span, { minLength: 3, maxLength: 3 }), (rows, bodies) => {
        const table = base.tables[0];
        const cells = table.rows[0].cells;
        const report: ParsedReport = {
          ...base,
          tables: [
            {
              ...table,
              found: true,
              rows: rows.map(([label, ranges], r) => ({
                ...table.rows[0],
                id: `r${r}`,
                labelRange: label ?? undefined,
                cells: ranges.map((range, c) => ({ ...cells[c % cells.length], range: range ?? undefined })),
              })),
            },
          ],
          sections: base.sections.slice(0, 3).map((section, i) => ({ ...section, range: bodies[i], bodyRange: bodies[i] })),
        };
        // A row spans from its label or first cell to its last cell; an empty span blanks nothing.
        const spans = rows.flatMap(([label, ranges]) => {
          const ends = [label, ...ranges].filter((range): range is OffsetRange => range !== null);
          const start = Math.min(...ends.map((range) => range.start));
          const end = Math.max(...ends.map((range) => range.end));
          return end > start ? [{ start, end }] : [];
        });
        const ctx = new ValidationContext(report, budgetTemplate, identityView(text), [budgetTemplate]);
        for (let i = 0; i < 3; i++) {
          const section = ctx.sectionText(report.sections[i].id)!;
          expect(section.viewStart).toBe(bodies[i].start);
          expect(section.text).toBe(blankedSimply(text, spans, bodies[i].start, bodies[i].end));
        }
      }),
    );
  });
});
