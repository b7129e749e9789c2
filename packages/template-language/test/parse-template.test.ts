import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Template } from '../src/index.js';
import {
  analyzeTemplate,
  createNianbaoTemplateServices,
  formatTemplateDiagnostics,
  isTemplate,
  parseTemplate,
} from '../src/index.js';
import { validTemplate, variant } from './template-fixture.js';

const repositoryRoot = new URL('../../../', import.meta.url);

async function templateOf(text: string): Promise<Template> {
  const parsed = await parseTemplate(text);
  const template = parsed.ast.template;
  expect(isTemplate(template)).toBe(true);
  return template as Template;
}

describe('parseTemplate', () => {
  it('parses, links and checks without a file system', async () => {
    const parsed = await parseTemplate(validTemplate);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.ast.template?.name).toBe('demo');
    expect(parsed.document.uri.toString()).toMatch(/^inmemory:/);
  });

  it('can parse the same uri twice (documents do not pile up)', async () => {
    const first = await parseTemplate(validTemplate, 'file:///demo.nbt');
    const second = await parseTemplate(variant('"演示模板"', '"另一个"'), 'file:///demo.nbt');
    expect(first.diagnostics).toEqual([]);
    expect(second.diagnostics).toEqual([]);
    expect(second.ast.template?.members.find((member) => member.$type === 'TitleDecl')).toMatchObject({ value: '另一个' });
  });

  it('gives diagnostics, never an exception, for hostile input', async () => {
    const inputs = ['', '}', '{'.repeat(2000), 'template', 'template x {', '\u0000\uFFFD', 'template x { rule R on t error { title "a" en "b" message "c" en "d" [x, y] = } }'];
    for (const input of inputs) {
      const parsed = await parseTemplate(input);
      expect(parsed.diagnostics.length, JSON.stringify(input.slice(0, 20))).toBeGreaterThan(0);
      expect(parsed.diagnostics.some((diagnostic) => diagnostic.severity === 'error')).toBe(true);
    }
  });

  it('works with services created by hand', async () => {
    const { NianbaoTemplate } = createNianbaoTemplateServices();
    const parsed = await parseTemplate(validTemplate, undefined, NianbaoTemplate);
    expect(parsed.diagnostics).toEqual([]);
  });

  it('formats diagnostics for people', async () => {
    const parsed = await parseTemplate(variant('years 2021 onward', 'years 2021 to 2019'), 'demo.nbt');
    expect(formatTemplateDiagnostics(parsed.diagnostics)).toBe(
      'demo.nbt:4:19 error [years-reversed] 适用年份的起始年 2021 晚于结束年 2019。',
    );
    expect(formatTemplateDiagnostics(parsed.diagnostics, { language: 'en', file: 'x.nbt' })).toBe(
      'x.nbt:4:19 error [years-reversed] The first report year 2021 is after the last report year 2019.',
    );
  });
});

describe('scoping and expansion', () => {
  it('names rows and columns by their dotted path', async () => {
    const text = variant('row x "一"\n            row y "二"', 'group g "组" {\n                row x "一"\n                row y "二"\n            }')
      .replaceAll('[x, ', '[g.x, ')
      .replaceAll('[y, ', '[g.y, ');
    const { model, problems } = analyzeTemplate(await templateOf(text));
    expect(problems).toEqual([]);
    expect(model.tables[0].leafRows).toEqual(['g.x', 'g.y', 'subtotal']);
    expect(model.cells.map((cell) => cell.id)).toContain('t1.g.x.total');
  });

  it('binds the default variable names row and column, and explicit names', async () => {
    const text = variant('for each column:\n            [subtotal, column] = [x, column] + [y, column]', 'for each column as c:\n            [subtotal, c] = [x, c] + [y, c]');
    const { model } = analyzeTemplate(await templateOf(text));
    const rule = model.rules.find((candidate) => candidate.id === 'C1');
    expect(rule?.kind === 'arithmetic' && rule.equations.map((equation) => [equation.id, equation.bindings])).toEqual([
      ['C1[a]', { c: 'a' }],
      ['C1[b]', { c: 'b' }],
      ['C1[total]', { c: 'total' }],
    ]);
  });

  it('expands nested quantifiers in order, a later domain seeing earlier variables', async () => {
    const grouped = variant(
      'row x "一"\n            row y "二"',
      'group g "组" {\n                row x "一"\n                row y "二"\n            }',
    );
    const text = variant(
      'for each column:\n            [subtotal, column] = [x, column] + [y, column]',
      'for each row as r in {g}:\n        for each row as leaf in leaves(r):\n        for each column in {a, b}:\n            [leaf, column] <= [subtotal, column]',
      grouped,
    ).replaceAll('[x, ', '[g.x, ');
    const { model, problems } = analyzeTemplate(await templateOf(text));
    expect(problems.map((problem) => problem.code)).toEqual([]);
    const rule = model.rules.find((candidate) => candidate.id === 'C1');
    expect(rule?.kind === 'arithmetic' && rule.equations.map((equation) => equation.id)).toEqual([
      'C1[g,g.x,a]',
      'C1[g,g.x,b]',
      'C1[g,g.y,a]',
      'C1[g,g.y,b]',
    ]);
  });

  it('applies coefficients and signs', async () => {
    const text = variant('[row, total] = [row, a] + [row, b]', '[row, total] - 2 * [row, a] = -[row, b] + 0.5 * [row, a]');
    const { model } = analyzeTemplate(await templateOf(text));
    const rule = model.rules.find((candidate) => candidate.id === 'C2');
    expect(rule?.kind === 'arithmetic' && rule.equations[0]).toEqual({
      id: 'C2[x]',
      lhs: [
        { cell: 't1.x.total', coef: 1 },
        { cell: 't1.x.a', coef: -2 },
      ],
      op: '=',
      rhs: [
        { cell: 't1.x.b', coef: -1 },
        { cell: 't1.x.a', coef: 0.5 },
      ],
      bindings: { row: 'x' },
    });
  });
});

describe('official templates', () => {
  for (const id of ['gov-disclosure-2019', 'gov-disclosure-2021']) {
    it(`${id} parses with no error or warning`, async () => {
      const text = readFileSync(new URL(`grammars/${id}.nbt`, repositoryRoot), 'utf8');
      const parsed = await parseTemplate(text, `${id}.nbt`);
      expect(parsed.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([]);
      expect(parsed.ast.template?.name).toBe(id);
    });
  }
});
