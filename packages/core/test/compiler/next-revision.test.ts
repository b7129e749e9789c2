import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport, type CheckResult } from '../../src/check/index.js';
import { compileTemplate } from '../../src/compiler/index.js';
import type { ArithmeticRuleIR, TemplateIR } from '../../src/ir/template-ir.js';
import { renderSkeleton } from '../../src/skeleton/index.js';
import { builtinTemplates, govDisclosure2021, withSupersession } from '../../src/templates/index.js';

const repositoryRoot = new URL('../../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, repositoryRoot), 'utf8');
const exampleFile = 'grammars/examples/next-revision.nbt';

async function nextRevision(): Promise<TemplateIR> {
  const result = await compileTemplate(read(exampleFile), { uri: exampleFile });
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([]);
  return result.ir!;
}

const cellOf = (result: CheckResult, id: string) =>
  result.report!.tables.flatMap((table) => table.rows.flatMap((row) => row.cells)).find((cell) => cell.id === id)!;

const rule = (ir: TemplateIR, id: string) => ir.rules.find((candidate) => candidate.id === id) as ArithmeticRuleIR;

/** Every template a report could be detected as: the built-in ones and the example, years closed by `supersedes`. */
async function templateSet(): Promise<TemplateIR[]> {
  return withSupersession([...builtinTemplates, await nextRevision()]);
}

describe('grammars/examples/next-revision.nbt: the next revision of the 2021 format, written with extends', () => {
  it('is at most 60 lines and compiles without errors or warnings', async () => {
    expect(read(exampleFile).trimEnd().split('\n').length).toBeLessThanOrEqual(60);
    const ir = await nextRevision();
    expect(ir.id).toBe('example-next-revision');
    expect(ir.years).toEqual({ from: 2025 });
    expect(ir.supersedes).toEqual(['gov-disclosure-2021']);
  });

  it('has the new row in （六） and the new column among the applicants; R2 and R3 count them', async () => {
    const ir = await nextRevision();
    const t3 = ir.tables.find((table) => table.id === 't3')!;
    expect(t3.leafRows.length).toBe(26);
    expect(t3.leafRows).toContain('results.otherProcessing.withdrawn');
    expect(t3.leafColumns).toEqual([
      'naturalPerson',
      'legalPersons.business',
      'legalPersons.research',
      'legalPersons.publicInterest',
      'legalPersons.legalServices',
      'legalPersons.other',
      'legalPersons.soleTraders',
      'total',
    ]);
    // R2: （七）总计 = 22 result rows (21 in 2021 plus the new one), in each of 8 columns.
    expect(rule(ir, 'R2').equations.length).toBe(8);
    expect(rule(ir, 'R2').equations.every((equation) => equation.rhs.length === 22)).toBe(true);
    expect(rule(ir, 'R2').equations[0].rhs.map((term) => term.cell)).toContain('t3.results.otherProcessing.withdrawn.naturalPerson');
    // R3: 总计 = 7 applicant columns, in each of 26 rows.
    expect(rule(ir, 'R3').equations.length).toBe(26);
    expect(rule(ir, 'R3').equations.every((equation) => equation.rhs.length === 7)).toBe(true);
    expect(rule(ir, 'R5').equations.length).toBe(23 * 8);
  });

  it('drops 复议后起诉 from table 4 and replaces the rules that used it', async () => {
    const ir = await nextRevision();
    const t4 = ir.tables.find((table) => table.id === 't4')!;
    expect(t4.leafColumns.length).toBe(10);
    expect(t4.leafColumns.some((column) => column.includes('afterReview'))).toBe(false);
    expect(rule(ir, 'R4').equations.map((equation) => equation.id)).toEqual(['R4[review.total]', 'R4[litigation.direct.total]']);
  });

  it('leaves everything else as gov-disclosure-2021 has it, and adds the mention in section 五', async () => {
    const ir = await nextRevision();
    expect(ir.sections).toEqual(govDisclosure2021.sections);
    for (const table of ['t2-1', 't2-5', 't2-6', 't2-8']) {
      expect(ir.tables.find((t) => t.id === table)).toEqual(govDisclosure2021.tables.find((t) => t.id === table));
    }
    expect(ir.rules.map((r) => r.id)).toEqual([...govDisclosure2021.rules.map((r) => r.id), 'M2']);
    expect(ir.rules.find((r) => r.id === 'M2')).toMatchObject({ kind: 'mention', section: 'problems', anyOf: ['整改'] });
    expect(ir.markers.slice(0, govDisclosure2021.markers.length)).toEqual(govDisclosure2021.markers);
  });

  it('closes gov-disclosure-2021 at 2024 in a set, without changing the built-in template', async () => {
    const set = await templateSet();
    expect(set.find((template) => template.id === 'gov-disclosure-2021')?.years).toEqual({ from: 2021, to: 2024 });
    expect(govDisclosure2021.years).toEqual({ from: 2021 });
  });

  it('gives a skeleton (nianbao new) that validates clean, detected as the new version', async () => {
    const templates = await templateSet();
    const skeleton = renderSkeleton(await nextRevision(), { year: 2025, agency: '某县人民政府' });
    const result = await checkReport({ bytes: new TextEncoder().encode(skeleton), fileName: 'skeleton.md' }, { templates });
    expect(result.template?.id).toBe('example-next-revision');
    expect(result.diagnostics).toEqual([]);
  });

  it('detects examples/next-revision-2025.md as the new version and finds nothing wrong in it', async () => {
    const result = await checkReport({ bytes: readFileSync(new URL('examples/next-revision-2025.md', repositoryRoot)), fileName: 'r.md' }, { templates: await templateSet() });
    expect(result.template?.id).toBe('example-next-revision');
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual([]);
  });

  it('still detects a 2021-format report of 2022 as gov-disclosure-2021', async () => {
    const result = await checkReport({ bytes: readFileSync(new URL('examples/clean-2021.md', repositoryRoot)), fileName: 'r.md' }, { templates: await templateSet() });
    expect(result.template?.id).toBe('gov-disclosure-2021');
  });

  const broken = async (search: string, replacement: string) => {
    const text = read('examples/next-revision-2025.md');
    expect(text).toContain(search);
    const bytes = new TextEncoder().encode(text.replace(search, replacement));
    const result = await checkReport({ bytes, fileName: 'r.md' }, { templates: await templateSet() });
    expect(result.template?.id).toBe('example-next-revision');
    return { result, text: text.replace(search, replacement) };
  };

  it('finds a broken total in the new row at its cell, with the fix', async () => {
    const { result, text } = await broken('| 4.申请人撤回申请 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 1 |', '| 4.申请人撤回申请 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 2 |');
    const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    expect(errors.map((diagnostic) => diagnostic.rule).sort()).toEqual(['R2', 'R3']);
    const cell = cellOf(result, 't3.results.otherProcessing.withdrawn.total');
    for (const error of errors) {
      expect(error.range).toEqual(cell.range);
      expect(error.suggestions[0]?.edits).toEqual([{ range: cell.range, newText: '1' }]);
    }
    expect(text.slice(cell.range!.start, cell.range!.end)).toBe('2');
    // R2's message names its addends from the template: the six result groups.
    expect(errors.find((diagnostic) => diagnostic.rule === 'R2')?.message).toContain('（一）至（六）各项之和');
  });

  it('finds a broken figure in the new column at its cell, with the fix', async () => {
    const { result } = await broken('| 一、本年新收政府信息公开申请数量 | 20 | 3 | 0 | 0 | 1 | 0 | 2 | 26 |', '| 一、本年新收政府信息公开申请数量 | 20 | 3 | 0 | 0 | 1 | 0 | 3 | 26 |');
    const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    expect(errors.map((diagnostic) => diagnostic.rule).sort()).toEqual(['R1', 'R3']);
    const cell = cellOf(result, 't3.newReceived.legalPersons.soleTraders');
    for (const error of errors) expect(error.suggestions[0]?.edits).toEqual([{ range: cell.range, newText: '2' }]);
  });
});
