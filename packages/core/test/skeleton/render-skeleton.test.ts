import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/check/check-report.js';
import type { AxisNode, TemplateIR } from '../../src/ir/template-ir.js';
import { agencyPlaceholder, defaultYear, renderSkeleton } from '../../src/skeleton/index.js';
import { builtinTemplates } from '../../src/templates/index.js';

const leafLabels = (nodes: AxisNode[]): string[] =>
  nodes.flatMap((node) => (node.children.length === 0 ? [node.label] : leafLabels(node.children)));

describe.each(builtinTemplates.map((template) => [template.id, template] as const))('renderSkeleton(%s)', (_id, template: TemplateIR) => {
  const text = renderSkeleton(template, { year: template.years.from, agency: '某某县某某局' });
  const lines = text.split('\n');

  it('has the title and every section heading of the template, in order', () => {
    expect(lines[0]).toBe(`# 某某县某某局${template.years.from}年政府信息公开工作年度报告`);
    const headings = template.sections.map((s) => `## ${s.numeral}、${s.heading}`);
    const positions = headings.map((heading) => lines.indexOf(heading));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('has every table caption, every leaf row label, and one value per cell', () => {
    for (const table of template.tables) {
      if (table.caption) expect(lines).toContain(table.caption);
      for (const label of leafLabels(table.rows).filter((l) => l !== '')) {
        expect(lines.some((line) => line.startsWith('| ') && line.includes(` ${label} |`))).toBe(true);
      }
    }
    // A zero in every figure cell; a text column (计量单位) is left for the author.
    const zeros = text.match(/\| 0(?:万元|元)? (?=\|)/g) ?? [];
    expect(zeros.length).toBe(template.cells.filter((cell) => cell.type.kind !== 'text' && cell.type.kind !== 'ignored').length);
  });

  it('mentions what the mention rules require, in their section', () => {
    for (const rule of template.rules) {
      if (rule.kind !== 'mention') continue;
      const section = template.sections.find((s) => s.id === rule.section)!;
      const body = text.slice(text.indexOf(`\n## ${section.numeral}、${section.heading}\n`));
      expect(rule.anyOf.some((phrase) => body.includes(phrase))).toBe(true);
    }
  });

  it('fills cells from cellText', () => {
    const cell = template.cells[0];
    const filled = renderSkeleton(template, { cellText: (id) => (id === cell.id ? '12345' : undefined) });
    expect(filled).toContain('| 12345 |');
    expect((filled.match(/\| 12345 \|/g) ?? []).length).toBe(1);
  });

  it('every table row has one cell per column (valid GFM pipe tables)', () => {
    for (const block of text.split('\n\n').filter((b) => b.startsWith('| '))) {
      const counts = block
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => line.split(' | ').length);
      expect(new Set(counts).size).toBe(1);
    }
  });

  it('is read back cell by cell: each cell holds the value written into it', async () => {
    // Figures get a number each; a text column (计量单位) gets unit words, read back as words.
    const words = (cell: TemplateIR['cells'][number]) => cell.type.kind === 'text' || cell.type.kind === 'ignored';
    const units = ['件', '条', '个', '人', '人次'];
    const written = new Map(template.cells.map((cell, i) => [cell.id, words(cell) ? units[i % units.length] : String(i + 1)]));
    const filled = renderSkeleton(template, { cellText: (id) => written.get(id) });
    const result = await checkReport({ bytes: new TextEncoder().encode(filled), fileName: 'filled.md' });
    const read = result.report!.tables.flatMap((table) => table.rows.flatMap((row) => row.cells));
    expect(new Map(read.map((cell) => [cell.id, cell.state === 'text' ? cell.raw : String(cell.value)]))).toEqual(written);
  });

  it('validates against its template with no finding at all', async () => {
    const result = await checkReport({ bytes: new TextEncoder().encode(text), fileName: 'skeleton.md' });
    expect(result.template?.id).toBe(template.id);
    expect(result.info).toMatchObject({ year: template.years.from, agency: '某某县某某局' });
    expect(result.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  });
});

describe('defaults', () => {
  it('uses a placeholder agency and the latest year the template applies to', () => {
    const [t2019, t2021] = builtinTemplates;
    expect(renderSkeleton(t2019).startsWith(`# ${agencyPlaceholder}`)).toBe(true);
    expect(defaultYear(t2019, new Date('2026-05-01'))).toBe(t2019.years.to);
    expect(defaultYear(t2021, new Date('2026-05-01'))).toBe(2025);
    expect(defaultYear(t2021, new Date('2020-05-01'))).toBe(2021);
  });
});
