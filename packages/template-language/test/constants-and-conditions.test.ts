import { describe, expect, it } from 'vitest';
import { analyzeTemplate, parseTemplate } from '../src/index.js';
import { diagnosticsOf, expectCheck, variant } from './template-fixture.js';

const equation = '[row, total] = [row, a] + [row, b]';

async function equationsOf(text: string) {
  const parsed = await parseTemplate(text);
  expect(parsed.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code}: ${d.message.en}`)).toEqual([]);
  const rule = analyzeTemplate(parsed.ast.template!).model.rules.find((candidate) => candidate.id === 'C2');
  return rule?.kind === 'arithmetic' ? rule.equations : [];
}

describe('constants in rules', () => {
  it('a constant on either side is kept apart from the cells (omitted when 0)', async () => {
    const equations = await equationsOf(variant(equation, '[row, total] + 1 >= [row, a] - 2 * [row, b] + 3'));
    expect(equations[0]).toMatchObject({
      id: 'C2[x]',
      lhs: [{ cell: 't1.x.total', coef: 1 }],
      op: '>=',
      rhs: [
        { cell: 't1.x.a', coef: 1 },
        { cell: 't1.x.b', coef: -2 },
      ],
      lhsConstant: 1,
      rhsConstant: 3,
    });
    const zero = await equationsOf(variant(equation, '[row, total] >= 0 * [row, a] + 1'));
    expect(zero[0].rhs).toEqual([{ cell: 't1.x.a', coef: 0 }]);
    const plain = await equationsOf(variant(equation, '[row, total] - [row, a] = 0'));
    expect(plain[0]).not.toHaveProperty('rhsConstant');
    expect(plain[0].rhs).toEqual([]);
  });

  it('was a syntax error before (`>= 0`)', async () => {
    const diagnostics = await diagnosticsOf(variant(equation, '[row, total] >= 0'));
    expect(diagnostics.map((d) => d.code)).not.toContain('syntax-error');
  });

  it('always-holds-for-counts: a comparison any counts satisfy', async () => {
    await expectCheck(variant(equation, '[row, total] >= 0'), 'always-holds-for-counts', '[row, total] >= 0', {
      severity: 'warning',
      en: 'needs a sum of t1.x.total >= 0',
    });
    await expectCheck(variant(equation, '[row, a] + [row, b] > [row, a] - 1'), 'always-holds-for-counts', '[row, a] + [row, b] >', {
      en: 't1.x.b > -1',
    });
  });

  it('never-holds-for-counts understands constants: a sum of counts below a non-positive bound', async () => {
    await expectCheck(variant(equation, '[row, total] <= -1'), 'never-holds-for-counts', '[row, total] <= -1', { en: '<= -1' });
    await expectCheck(variant(equation, '[row, total] + 2 = [row, a] - [row, a] + 1'), 'never-holds-for-counts', '[row, total] + 2', {
      en: 't1.x.total = -1',
    });
    // 2 > [a] + [b] is no contradiction: the sum may be 0 or 1.
    const diagnostics = await diagnosticsOf(variant(equation, '2 > [row, a] + [row, b]'));
    expect(diagnostics.map((d) => d.code)).not.toContain('never-holds-for-counts');
    expect(diagnostics.map((d) => d.code)).not.toContain('always-holds-for-counts');
  });

  it('a comparison of constants alone is trivial or unsatisfiable', async () => {
    await expectCheck(variant(equation, '[row, a] + 1 = [row, a] + 2'), 'unsatisfiable-equation', '[row, a] + 1 = [row, a] + 2');
    await expectCheck(variant(equation, '[row, a] + 2 >= [row, a] + 1'), 'trivial-equation', '[row, a] + 2 >= [row, a] + 1');
  });

  it('equations that differ only in their constant are no duplicates', async () => {
    const text = variant(
      equation,
      `${equation}\n    }\n    rule C3 on t1 warning {\n        title "差" en "Difference"\n        message "差" en "Difference"\n        [x, total] = [x, a] + [x, b] + 1`,
    );
    const diagnostics = await diagnosticsOf(text);
    expect(diagnostics.map((d) => d.code)).not.toContain('duplicate-equation');
  });

  it('constant-in-prose: a prose check compares a figure with cells only', async () => {
    const text = variant(
      equation,
      `${equation}\n    }\n    rule P1 on t1 warning {\n        title "正文" en "Text"\n        message "正文" en "Text"\n        prose "合计{n}件" equals [x, total] + 1`,
    );
    await expectCheck(text, 'constant-in-prose', '[x, total] + 1', { en: 'cannot contain a constant' });
  });
});

describe('conditional rules (when … :)', () => {
  const conditional = variant(equation, 'when [row, a] > 0 : [row, total] >= 1');

  it('each expanded equation carries its condition under the same bindings', async () => {
    const equations = await equationsOf(conditional);
    expect(equations.map((e) => e.id)).toEqual(['C2[x]', 'C2[y]', 'C2[subtotal]']);
    expect(equations[1]).toMatchObject({
      lhs: [{ cell: 't1.y.total', coef: 1 }],
      op: '>=',
      rhs: [],
      rhsConstant: 1,
      when: { lhs: [{ cell: 't1.y.a', coef: 1 }], op: '>', rhs: [] },
    });
  });

  it('a condition is checked like an equation (references, types)', async () => {
    await expectCheck(variant(equation, 'when [row, nope] > 0 : [row, total] >= 1'), 'unresolved-reference', 'nope');
  });

  it('condition-never-holds and condition-always-holds', async () => {
    await expectCheck(variant(equation, 'when [row, a] < 0 : [row, total] >= 1'), 'condition-never-holds', '[row, a] < 0', { severity: 'warning' });
    await expectCheck(variant(equation, 'when [row, a] >= 0 : [row, total] >= 1'), 'condition-always-holds', '[row, a] >= 0', { severity: 'warning' });
  });

  it('the same equation under different conditions is no duplicate nor contradiction', async () => {
    const text = variant(
      equation,
      `when [row, a] > 0 : [row, total] >= 1\n    }\n    rule C3 on t1 warning {\n        title "无" en "None"\n        message "无" en "None"\n        for each row:\n            when [row, a] = 0 : [row, total] < 1`,
    );
    const codes = (await diagnosticsOf(text)).map((d) => d.code);
    expect(codes).not.toContain('contradictory-rule');
    expect(codes).not.toContain('duplicate-equation');
  });
});
