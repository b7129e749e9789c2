import { readFileSync } from 'node:fs';
import { parseTemplate } from '@nianbao/template-language';
import { describe, expect, it } from 'vitest';
import { compileTemplate, formatTemplateDiagnostics } from '../../src/compiler/index.js';
import type { ArithmeticRuleIR, TemplateIR } from '../../src/ir/template-ir.js';
import { parseTemplateIR } from '../../src/ir/template-ir.js';

const repositoryRoot = new URL('../../../../', import.meta.url);

function source(path: string): string {
  return readFileSync(new URL(path, repositoryRoot), 'utf8');
}

async function compileFile(path: string): Promise<TemplateIR> {
  const result = await compileTemplate(source(path), { uri: path });
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info'), formatTemplateDiagnostics(result.diagnostics)).toEqual([]);
  expect(result.ir).toBeDefined();
  return result.ir as TemplateIR;
}

function arithmetic(ir: TemplateIR, id: string): ArithmeticRuleIR {
  const rule = ir.rules.find((candidate) => candidate.id === id);
  expect(rule?.kind).toBe('arithmetic');
  return rule as ArithmeticRuleIR;
}

function cellsOf(ir: TemplateIR, predicate: (table: string) => boolean): number {
  return ir.cells.filter((cell) => predicate(cell.table)).length;
}

describe.each([
  { id: 'gov-disclosure-2019', table2: 22, table3: 161, t3Rows: 23, r2Addends: 19, tables2: ['t2-1', 't2-5', 't2-6', 't2-8', 't2-9'] },
  { id: 'gov-disclosure-2021', table2: 10, table3: 175, t3Rows: 25, r2Addends: 21, tables2: ['t2-1', 't2-5', 't2-6', 't2-8'] },
])('official template $id', ({ id, table2, table3, t3Rows, r2Addends, tables2 }) => {
  const irPromise = compileFile(`grammars/${id}.nbt`);

  it('compiles to a schema-valid IR with the template id', async () => {
    const ir = await irPromise;
    expect(ir.id).toBe(id);
    expect(parseTemplateIR(JSON.parse(JSON.stringify(ir)))).toEqual(ir);
  });

  it('has the data cells of formats.md', async () => {
    const ir = await irPromise;
    expect(cellsOf(ir, (table) => table.startsWith('t2-'))).toBe(table2);
    expect(cellsOf(ir, (table) => table === 't3')).toBe(table3);
    expect(cellsOf(ir, (table) => table === 't4')).toBe(15);
    expect(ir.tables.filter((table) => table.id.startsWith('t2-')).map((table) => table.id)).toEqual(tables2);
    for (const table of ir.tables.filter((candidate) => candidate.id.startsWith('t2-'))) {
      expect(table.caption).toMatch(/^第二十条第（[一五六八九]）项$/);
      expect(table.corner).toBe('信息内容');
      expect(table.section).toBe('activeDisclosure');
    }
  });

  it('derives leaf rows and columns in reading order', async () => {
    const ir = await irPromise;
    const t3 = ir.tables.find((table) => table.id === 't3');
    expect(t3?.leafColumns).toEqual([
      'naturalPerson',
      'legalPersons.business',
      'legalPersons.research',
      'legalPersons.publicInterest',
      'legalPersons.legalServices',
      'legalPersons.other',
      'total',
    ]);
    expect(t3?.leafRows).toHaveLength(t3Rows);
    expect(t3?.leafRows.slice(0, 4)).toEqual(['newReceived', 'carriedOver', 'results.granted', 'results.partlyGranted']);
    expect(t3?.leafRows.slice(-2)).toEqual(['results.total', 'carriedForward']);
    const t4 = ir.tables.find((table) => table.id === 't4');
    expect(t4?.leafRows).toEqual(['cases']);
    expect(t4?.leafColumns).toHaveLength(15);
    expect(t4?.leafColumns[5]).toBe('litigation.direct.upheld');
  });

  it('expands R1 to 7 equations: 一 + 二 = （七） + 四', async () => {
    const rule = arithmetic(await irPromise, 'R1');
    expect(rule.table).toBe('t3');
    expect(rule.equations).toHaveLength(7);
    expect(rule.equations[0]).toEqual({
      id: 'R1[naturalPerson]',
      lhs: [
        { cell: 't3.newReceived.naturalPerson', coef: 1 },
        { cell: 't3.carriedOver.naturalPerson', coef: 1 },
      ],
      op: '=',
      rhs: [
        { cell: 't3.results.total.naturalPerson', coef: 1 },
        { cell: 't3.carriedForward.naturalPerson', coef: 1 },
      ],
      bindings: { column: 'naturalPerson' },
    });
  });

  it(`expands R2 to 7 equations of ${r2Addends} addends`, async () => {
    const rule = arithmetic(await irPromise, 'R2');
    expect(rule.equations).toHaveLength(7);
    for (const equation of rule.equations) {
      expect(equation.lhs).toHaveLength(1);
      expect(equation.rhs).toHaveLength(r2Addends);
      expect(equation.rhs.every((term) => term.cell.startsWith('t3.results.') && !term.cell.startsWith('t3.results.total.'))).toBe(true);
    }
  });

  it(`expands R3 to ${t3Rows} equations of 6 addends`, async () => {
    const rule = arithmetic(await irPromise, 'R3');
    expect(rule.equations).toHaveLength(t3Rows);
    expect(rule.equations.every((equation) => equation.lhs[0].cell.endsWith('.total') && equation.rhs.length === 6)).toBe(true);
  });

  it('expands R4 to 3 equations, one per group of table 4', async () => {
    const rule = arithmetic(await irPromise, 'R4');
    expect(rule.equations.map((equation) => [equation.lhs[0].cell, equation.rhs.map((term) => term.cell.split('.').pop())])).toEqual([
      ['t4.cases.review.total', ['upheld', 'corrected', 'other', 'pending']],
      ['t4.cases.litigation.direct.total', ['upheld', 'corrected', 'other', 'pending']],
      ['t4.cases.litigation.afterReview.total', ['upheld', 'corrected', 'other', 'pending']],
    ]);
  });

  it('expands R5 to a bound for every result row and column', async () => {
    const rule = arithmetic(await irPromise, 'R5');
    expect(rule.equations).toHaveLength((t3Rows - 3) * 7);
    expect(rule.equations.every((equation) => equation.op === '<=')).toBe(true);
  });

  it('has zh-CN and English text on every rule', async () => {
    for (const rule of (await irPromise).rules) {
      for (const text of [rule.title, rule.message]) {
        expect(text['zh-CN'].length).toBeGreaterThan(0);
        expect(text.en.length).toBeGreaterThan(0);
      }
    }
  });

  it('has six required sections with the notice headings', async () => {
    const ir = await irPromise;
    expect(ir.sections.map((section) => `${section.numeral}、${section.heading}`)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(ir.sections.every((section) => section.required)).toBe(true);
  });
});

describe('template specifics', () => {
  it('2019: 本年增/减 is a signed integer and 采购总金额 money in 万元 with a required unit', async () => {
    const ir = await compileFile('grammars/gov-disclosure-2019.nbt');
    expect(ir.cells.find((cell) => cell.id === 't2-5.licensing.change')?.type).toEqual({ kind: 'integer' });
    expect(ir.cells.find((cell) => cell.id === 't2-9.centralPurchasing.purchaseAmount')?.type).toEqual({
      kind: 'money',
      unit: '万元',
      accepted: [{ unit: '元', factor: 0.0001 }],
      unitRequired: true,
    });
    expect(ir.cells.find((cell) => cell.id === 't2-9.centralPurchasing.purchaseCount')?.type).toEqual({ kind: 'count' });
    expect(ir.years).toEqual({ from: 2019, to: 2020 });
    expect(ir.rules.some((rule) => rule.kind === 'mention')).toBe(false);
  });

  it('2021: 本年收费金额 is money in 万元 without a required unit; 信息处理费 must be mentioned in 六', async () => {
    const ir = await compileFile('grammars/gov-disclosure-2021.nbt');
    expect(ir.cells.find((cell) => cell.id === 't2-8.fees.feeAmount')?.type).toEqual({
      kind: 'money',
      unit: '万元',
      accepted: [{ unit: '元', factor: 0.0001 }],
      unitRequired: false,
    });
    expect(ir.rules.find((rule) => rule.kind === 'mention')).toMatchObject({ section: 'otherMatters', anyOf: ['信息处理费', '信息公开处理费'] });
    expect(ir.years).toEqual({ from: 2021 });
    expect(ir.sections[0].maxLength).toEqual({ chars: 1000, severity: 'info' });
  });

  it('prose checks compare restated figures and do not fire on unrelated counts', async () => {
    const ir = await compileFile('grammars/gov-disclosure-2021.nbt');
    const prose = ir.rules.filter((rule) => rule.kind === 'prose');
    const matches = (text: string): Array<[string, string]> =>
      prose.flatMap((rule) => [...text.matchAll(new RegExp(rule.pattern, 'gu'))].map((match) => [rule.id, match.groups?.n ?? ''] as [string, string]));
    expect(matches('本年新收政府信息公开申请23件，上年结转政府信息公开申请2件。')).toEqual([
      ['T1', '23'],
      ['T4', '2'],
    ]);
    expect(matches('其中，予以公开1件；部分公开1件；不予公开14件；无法提供3件；不予处理4件。')).toEqual([
      ['T6', '1'],
      ['T7', '1'],
      ['T8', '14'],
      ['T9', '3'],
      ['T10', '4'],
    ]);
    expect(matches('实际办理申请2件，结转下年度继续办理1件。')).toEqual([
      ['T5', '2'],
      ['T11', '1'],
    ]);
    expect(matches('被申请行政复议2件，提起行政诉讼1件。')).toEqual([
      ['T12', '2'],
      ['T13', '1'],
    ]);
    expect(matches('网上办件量1932件，接收处理各类信件18692件，厅长信箱转办答复129件，收到行政复议申请2件。')).toEqual([['T12', '2']]);
    expect(matches('主动公开政府信息1200条，其中主动予以公开文件15件。')).toEqual([]);
  });

  it('forbids old-format statistics in 一 without flagging ordinary training counts', async () => {
    const ir = await compileFile('grammars/gov-disclosure-2021.nbt');
    const forbidden = ir.rules.find((rule) => rule.kind === 'forbidden');
    expect(forbidden).toMatchObject({ sections: ['overview'], severity: 'warning' });
    const regex = new RegExp(forbidden?.kind === 'forbidden' ? forbidden.pattern : '', 'gu');
    expect('下设政府信息公开机构7个，查阅点35个，从事政府信息公开工作人员7名，培训人员 78 人次'.match(regex)).toHaveLength(4);
    expect('组织业务培训2次，覆盖300人次；发布信息150条。'.match(regex)).toBeNull();
  });
});

describe('broken templates', () => {
  it('an empty file gives a readable error and no IR', async () => {
    const result = await compileTemplate('');
    expect(result.ir).toBeUndefined();
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['empty-file']);
    expect(formatTemplateDiagnostics(result.diagnostics, { file: 'x.nbt' })).toBe(
      'x.nbt:1:1 error [empty-file] 文件中没有模板定义（应以 template <id> { … } 开头）。',
    );
  });

  it('garbage and syntax errors give diagnostics, never a throw or a stack trace', async () => {
    for (const text of ['garbage ### 垃圾', 'template x { section }', source('grammars/gov-disclosure-2021.nbt').slice(0, 3000), '\uFEFF\u0000']) {
      const result = await compileTemplate(text);
      expect(result.ir).toBeUndefined();
      expect(result.diagnostics.length).toBeGreaterThan(0);
      for (const diagnostic of result.diagnostics) {
        expect(diagnostic.message['zh-CN']).not.toMatch(/\n\s+at /);
        expect(diagnostic.message.en).not.toMatch(/\n\s+at /);
        expect(diagnostic.range.start.line).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('a semantic error carries line, column and offsets in both languages', async () => {
    const equation = '[row, total] = sum([row, leaves() except total]) + t2-9[centralPurchasing, purchaseAmount]';
    const text = source('grammars/gov-disclosure-2019.nbt').replace('[row, total] = sum([row, leaves() except total])', equation);
    const result = await compileTemplate(text, { uri: 'broken.nbt' });
    expect(result.ir).toBeUndefined();
    const offset = text.indexOf(equation);
    const before = text.slice(0, offset).split('\n');
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([
      {
        code: 'type-mismatch',
        severity: 'error',
        message: {
          'zh-CN': '等式混用了不同类型的单元格：count, money(万元)。',
          en: 'The equation mixes cells of different types: count, money(万元).',
        },
        range: {
          start: { line: before.length, column: before[before.length - 1].length + 1, offset },
          end: { line: before.length, column: before[before.length - 1].length + 1 + equation.length, offset: offset + equation.length },
        },
        uri: 'broken.nbt',
      },
    ]);
  });

  it('rejects a template whose only problem is a reference to a missing row', async () => {
    const text = source('grammars/gov-disclosure-2019.nbt').replace('[newReceived, column] + [carriedOver, column] =', '[newReceived, column] + [carriedOverr, column] =');
    const result = await compileTemplate(text);
    expect(result.ir).toBeUndefined();
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.message.en)).toEqual([
      'Cannot resolve the reference "carriedOverr": there is no row, column or quantifier variable of that name. Did you mean "carriedOver"?',
    ]);
  });

  it('accepts an already parsed template', async () => {
    const parsed = await parseTemplate(source('grammars/gov-disclosure-2021.nbt'));
    const result = await compileTemplate(parsed);
    expect(result.ir?.id).toBe('gov-disclosure-2021');
  });
});
