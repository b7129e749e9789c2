import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { TemplateIR } from '../../src/ir/template-ir.js';
import { getBuiltinTemplate } from '../../src/templates/index.js';
import { applyEdits, validateReport } from '../../src/validate/index.js';
import { ReportBuilder } from './fixtures/report-builder.js';

const t2019 = getBuiltinTemplate('gov-disclosure-2019')!;
const t2021 = getBuiltinTemplate('gov-disclosure-2021')!;

const zeros = (n: number) => Array.from({ length: n }, () => '0');
const row = (natural: number, total = natural) => [String(natural), '0', '0', '0', '0', '0', String(total)];

/** A complete report in an official format, with table 3 given as row id → 7 values. */
function officialReport(template: TemplateIR, year: number, t3: Record<string, string[]>, overview = '本年度工作平稳。') {
  const b = new ReportBuilder(template).title(`某县公安局${year}年政府信息公开工作年度报告`, year);
  for (const section of template.sections) {
    b.section(section.id);
    if (section.id === template.sections[0].id) b.line(overview);
    for (const tableId of section.tables) {
      const table = template.tables.find((t) => t.id === tableId)!;
      const rows: Record<string, string[]> = {};
      for (const rowId of table.leafRows) rows[rowId] = t3[rowId] && tableId === 't3' ? t3[rowId] : zeros(table.leafColumns.length);
      if (tableId === 't2-9') rows.centralPurchasing = ['3', '94.52万元'];
      b.table({ id: tableId, rows });
    }
    if (section.kind === 'prose' && section.id !== template.sections[0].id) b.line('本年度未收取信息处理费，其他事项正常推进。');
  }
  return b.build();
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.severity} ${d.code}${d.rule ? ` ${d.rule}` : ''}`);

describe('validateReport with the official templates', () => {
  it('accepts a consistent report in either format', () => {
    const t3 = {
      newReceived: row(2),
      'results.granted': row(1),
      'results.unableToProvide.notHeld': row(1),
      'results.total': row(2),
    };
    expect(validateReport(officialReport(t2019, 2020, t3), t2019, { templates: [t2019, t2021] })).toEqual([]);
    expect(validateReport(officialReport(t2021, 2023, t3), t2021, { templates: [t2019, t2021] })).toEqual([]);
  });

  it('blames （七）总计 in 自然人 and 总计 when its parts add up to 2 (seed 003 shape)', () => {
    const t3 = {
      newReceived: row(2),
      'results.refused.enforcementFiles': row(1),
      'results.unableToProvide.notHeld': row(1),
      'results.total': row(0),
    };
    const report = officialReport(t2019, 2020, t3);
    const diagnostics = validateReport(report, t2019);
    // Pinned to the blamed cells: （七）总计·自然人 (R1, R2), then （七）总计·总计 (R1, R2).
    expect(codes(diagnostics)).toEqual([
      'error arithmetic/equation R1',
      'error arithmetic/equation R2',
      'error arithmetic/equation R1',
      'error arithmetic/equation R2',
    ]);
    const fixes = new Set(diagnostics.map((d) => JSON.stringify(d.suggestions)));
    expect(fixes.size).toBe(1);
    const [fix] = diagnostics[0].suggestions;
    expect(fix.edits).toHaveLength(2);
    expect(fix.edits.map((e) => e.newText)).toEqual(['2', '2']);
    expect(fix.message).toBe('改为：（七）总计 · 自然人由 0 改为 2、（七）总计 · 总计由 0 改为 2');
    expect(diagnostics.find((d) => d.rule === 'R2')!.message).toMatch(/^自然人：（七）总计（0）应等于（一）至（六）各项之和（2）。最可能出错的是/);
    const fixed = officialReport(t2019, 2020, { ...t3, 'results.total': row(2) });
    expect(applyEdits(report.source.text, fix.edits)).toBe(fixed.source.text);
    expect(validateReport(fixed, t2019)).toEqual([]);
  });

  it('localises within the real table 3 quickly, even when nothing small fixes it', () => {
    const t3 = {
      newReceived: row(9, 12),
      carriedOver: ['1', '1', '0', '0', '0', '0', '3'],
      'results.granted': ['3', '0', '1', '0', '0', '0', '5'],
      'results.refused.stateSecret': row(2, 3),
      'results.total': row(7, 1),
      carriedForward: ['0', '0', '0', '2', '0', '0', '1'],
    };
    const started = performance.now();
    const diagnostics = validateReport(officialReport(t2021, 2023, t3), t2021);
    expect(performance.now() - started).toBeLessThan(5000);
    // Many failed equations and no fix of at most three cells: one doubtful-table finding, not a cascade.
    expect(diagnostics.filter((d) => d.code === 'arithmetic/equation')).toEqual([]);
    const doubtful = diagnostics.filter((d) => d.code === 'arithmetic/table-doubtful');
    expect(doubtful).toHaveLength(1);
    expect(doubtful[0].cells!.length).toBeGreaterThan(4);
    expect(diagnostics.every((d) => !d.suggestions.length)).toBe(true);
  });
});
