import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport, type CheckResult } from '../../src/check/index.js';
import { compileTemplate } from '../../src/compiler/index.js';
import type { TemplateIR } from '../../src/ir/template-ir.js';
import { builtinTemplates, resolveBuiltinTemplateSource } from '../../src/templates/index.js';

const repositoryRoot = new URL('../../../../', import.meta.url);
const fixture = readFileSync(new URL('../fixtures/pre2019/pre2019-2015.txt', import.meta.url), 'utf8');

/** The pre-2019 format with a conditional rule and a rule with a constant. */
const derived = `template test-pre2019-rules extends gov-disclosure-pre2019 {
    rule K1 on stats error {
        title "有申请须有办结" en "Requests but nothing settled"
        message "{column}：收到了申请，对申请办结数（{lhs}）应至少为 {rhs}。"
            en "{column}: requests were received but the settled count ({lhs}) is below {rhs}."
        for each column in {thisYear, cumulative}:
            when [onRequest.received, column] > 0 : [onRequest.settled, column] >= 1
    }
    rule K2 on stats warning {
        title "工作人员" en "Staff"
        message "从事政府信息公开工作人员数为 {lhs}，应至少为 {rhs}。" en "Staff is {lhs}; it must be at least {rhs}."
        [organisation.staff, thisYear] >= 1
    }
}
`;

async function template(): Promise<TemplateIR> {
  const pre2019 = { uri: 'grammars/gov-disclosure-pre2019.nbt', text: readFileSync(new URL('grammars/gov-disclosure-pre2019.nbt', repositoryRoot), 'utf8') };
  const result = await compileTemplate(derived, {
    uri: 'test-pre2019-rules.nbt',
    resolveBase: (id) => (id === 'gov-disclosure-pre2019' ? pre2019 : resolveBuiltinTemplateSource(id)),
  });
  expect(result.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message.en)).toEqual([]);
  return result.ir!;
}

async function check(text: string): Promise<CheckResult> {
  const ir = await template();
  return checkReport({ bytes: new TextEncoder().encode(text), fileName: 'report.txt' }, { templates: [...builtinTemplates.filter((t) => t.id !== 'gov-disclosure-pre2019'), ir] });
}

const cell = (result: CheckResult, id: string) =>
  result.report!.tables.flatMap((table) => table.rows.flatMap((row) => row.cells)).find((candidate) => candidate.id === id)!;

describe('constants and conditional rules on a report', () => {
  it('compile to equations with constants and conditions', async () => {
    const ir = await template();
    const k1 = ir.rules.find((rule) => rule.id === 'K1');
    expect(k1?.kind === 'arithmetic' && k1.equations[0]).toEqual({
      id: 'K1[thisYear]',
      lhs: [{ cell: 'stats.onRequest.settled.thisYear', coef: 1 }],
      op: '>=',
      rhs: [],
      rhsConstant: 1,
      when: { lhs: [{ cell: 'stats.onRequest.received.thisYear', coef: 1 }], op: '>', rhs: [] },
      bindings: { column: 'thisYear' },
    });
  });

  it('a correct report breaks neither', async () => {
    const result = await check(fixture);
    expect(result.template?.id).toBe('test-pre2019-rules');
    expect(result.diagnostics.map((d) => `${d.code} ${d.rule ?? ''}`)).toEqual([]);
  });

  it('a conditional rule fires where its condition holds, at the cell, with the constant in the message', async () => {
    const broken = fixture
      .replace('（二）对申请办结数\t件\t36\t210', '（二）对申请办结数\t件\t0\t210')
      .replace('1.按时办结数\t件\t35\t205', '1.按时办结数\t件\t0\t205')
      .replace('2.延期办结数\t件\t1\t5', '2.延期办结数\t件\t0\t5');
    const result = await check(broken);
    const k1 = result.diagnostics.filter((d) => d.rule === 'K1');
    expect(k1).toHaveLength(1);
    const target = cell(result, 'stats.onRequest.settled.thisYear');
    expect(k1[0].range).toEqual(target.range);
    expect(k1[0].message).toContain('对申请办结数（0）应至少为 1');
    expect(result.diagnostics.filter((d) => d.rule === 'S1')).toEqual([]);
  });

  it('a conditional rule is silent where its condition does not hold', async () => {
    let text = fixture
      .replace('（二）对申请办结数\t件\t36\t210', '（二）对申请办结数\t件\t0\t210')
      .replace('1.按时办结数\t件\t35\t205', '1.按时办结数\t件\t0\t205')
      .replace('2.延期办结数\t件\t1\t5', '2.延期办结数\t件\t0\t5')
      .replace('（一）收到申请数\t件\t37\t212', '（一）收到申请数\t件\t0\t212');
    for (const [label, value] of [['1.当面申请数', 5], ['2.传真申请数', 1], ['3.网络申请数', 26], ['4.信函申请数', 5]] as const) {
      text = text.replace(`${label}\t件\t${value}\t`, `${label}\t件\t0\t`);
    }
    const result = await check(text);
    expect(cell(result, 'stats.onRequest.received.thisYear').value).toBe(0);
    expect(result.diagnostics.filter((d) => d.rule === 'K1' || d.rule === 'S1')).toEqual([]);
  });

  it('a rule with a constant: the staff count must be at least 1', async () => {
    const result = await check(fixture.replace('（三）从事政府信息公开工作人员数\t人\t6\t6', '（三）从事政府信息公开工作人员数\t人\t0\t6'));
    const k2 = result.diagnostics.filter((d) => d.rule === 'K2');
    expect(k2).toHaveLength(1);
    expect(k2[0].range).toEqual(cell(result, 'stats.organisation.staff.thisYear').range);
    expect(k2[0].message).toContain('工作人员数为 0，应至少为 1');
  });
});
