import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/messages/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { applyEdits, validateReport } from '../../src/validate/index.js';
import { checkText } from '../../src/check/index.js';
import { identityView } from '../../src/read/index.js';
import { budgetTemplate, budgetTemplate2020 } from './fixtures/budget-template.js';
import { ReportBuilder, type HeadingSpec } from './fixtures/report-builder.js';
import { convertedMarkdown } from '../corpus/converted-markdown.js';

interface Options {
  year?: number | null;
  title?: string;
  s1?: string[];
  budget?: Record<string, string[]>;
  fees?: Record<string, string[]> | null;
  s3?: string[] | null;
  s4?: string[] | null;
  headings?: Partial<Record<'s1' | 's2' | 's3' | 's4', HeadingSpec>>;
  truncated?: boolean;
  order?: Array<'s1' | 's2' | 's3' | 's4'>;
}

const CLEAN_BUDGET = { income: ['10', '20', '30'], expense: ['5', '5', '10'], total: ['15', '25', '40'] };

/** A report in the invented format; every part can be overridden. */
function build(options: Options = {}) {
  const b = new ReportBuilder(budgetTemplate);
  const year = options.year === undefined ? 2031 : options.year;
  b.title(options.title ?? `示例单位${year ?? ''}年预算执行报告`, year);
  const parts: Record<string, () => void> = {
    s1: () => {
      b.section('s1', options.headings?.s1);
      for (const line of options.s1 ?? ['全年收入30万元，运行平稳。']) b.line(line);
    },
    s2: () => {
      b.section('s2', options.headings?.s2);
      b.table({ id: 'budget', rows: options.budget ?? CLEAN_BUDGET, truncated: options.truncated });
      if (options.fees !== null) b.table({ id: 'fees', rows: options.fees ?? { fee: ['94.52万元'], change: ['-3'] } });
    },
    s3: () => {
      if (options.s3 === null) return;
      b.section('s3', options.headings?.s3);
      for (const line of options.s3 ?? ['经费管理仍有不足，已制定整改措施。']) b.line(line);
    },
    s4: () => {
      if (options.s4 === null) return;
      b.section('s4', options.headings?.s4);
      for (const line of options.s4 ?? ['本年收费情况正常。']) b.line(line);
    },
  };
  for (const id of options.order ?? ['s1', 's2', 's3', 's4']) parts[id]();
  return b.build();
}

/** Every code some test below saw (checked at the end: each code has a test). */
const seen = new Set<string>();
const codes = (diagnostics: Diagnostic[]) => {
  for (const d of diagnostics) seen.add(d.code);
  return diagnostics.map((d) => `${d.severity} ${d.code}${d.rule ? ` ${d.rule}` : ''}`);
};
const validate = (options: Options = {}, locale?: 'zh-CN' | 'en') =>
  validateReport(build(options), budgetTemplate, { templates: [budgetTemplate, budgetTemplate2020], locale });

/**
 * Checks that `report` lists 500 findings `listed` (as {@link codes} shows them) and one `omittedCode`
 * finding at the 501st match of `spot` in its text; returns that finding.
 */
function expectCapped(report: ReturnType<typeof build>, listed: string, omittedCode: string, spot: RegExp): Diagnostic {
  const diagnostics = validateReport(report, budgetTemplate);
  const shown = codes(diagnostics);
  expect(shown.filter((c) => c === listed)).toHaveLength(500);
  expect(shown.filter((c) => c === `info ${omittedCode}`)).toHaveLength(1);
  const omitted = diagnostics.find((d) => d.code === omittedCode)!;
  expect(omitted.range.start).toBe([...report.source.text.matchAll(spot)].map((m) => m.index)[500]);
  return omitted;
}

describe('validateReport on an invented template', () => {
  it('finds nothing in a correct report', () => {
    expect(validate()).toEqual([]);
  });

  describe('arithmetic', () => {
    it('reports each failed equation once, on the cell most likely wrong, with one fix', () => {
      const report = build({ budget: { ...CLEAN_BUDGET, income: ['12', '20', '30'] } });
      const diagnostics = validateReport(report, budgetTemplate);
      expect(codes(diagnostics)).toEqual(['error arithmetic/equation B1', 'error arithmetic/equation B2']);
      const cell = report.tables[0].rows[0].cells[0];
      for (const d of diagnostics) {
        expect(d.range).toEqual(cell.range);
        expect(d.message).toContain('最可能出错的是：收入 · 上半年由 12 改为 10');
        expect(d.suggestions).toHaveLength(1);
      }
      const b1 = diagnostics.find((d) => d.rule === 'B1')!;
      expect(b1.message).toMatch(/^收入：全年 30 ≠ 上半年 \+ 下半年 = 32。/);
      expect(b1.actual).toBe(30);
      expect(b1.expected).toBe(32);
      expect(b1.cells).toEqual(['budget.income.year', 'budget.income.q1', 'budget.income.q2']);
      expect(b1.related.map((r) => r.message)).toEqual(['收入 · 全年 = 30', '收入 · 上半年 = 12', '收入 · 下半年 = 20']);
      const fixed = applyEdits(report.source.text, diagnostics.flatMap((d) => d.suggestions[0].edits));
      expect(fixed).toBe(build().source.text);
      expect(validate()).toEqual([]);
    });

    it('says when the wrong value is a typing slip', () => {
      const diagnostics = validate({
        budget: { income: ['1085', '200', '1258'], expense: ['5', '5', '10'], total: ['1063', '205', '1268'] },
        s1: ['全年收入1258万元。'],
      });
      expect(diagnostics).toHaveLength(2);
      expect(diagnostics[0].message).toContain('收入 · 上半年由 1085 改为 1058（1085 疑为 1058 相邻两位数字颠倒）');
      expect(diagnostics[0].suggestions[0].edits[0].newText).toBe('1058');
    });

    it('checks inequalities with the rule severity and its own blank policy', () => {
      const diagnostics = validate({
        budget: { income: ['10', '20', '30'], expense: ['20', '20', '40'], total: ['30', '40', '70'] },
        s1: ['全年收入30万元。'],
      });
      expect(codes(diagnostics)).toEqual(['warning arithmetic/equation B3']);
      expect(diagnostics[0].message).toContain('支出上限不成立');
      // Raising income or lowering expense breaks their row and column sums: no fix of ≤ 3 cells.
      expect(diagnostics[0].message).toContain('改动不超过 3 个单元格无法使所有等式成立');
      expect(diagnostics[0].suggestions).toEqual([]);
    });

    it('counts blank cells as 0 and says so once per table', () => {
      const diagnostics = validate({ budget: { income: ['10', '20', '30'], expense: ['', '/', '0'], total: ['10', '20', '30'] } });
      expect(codes(diagnostics)).toEqual(['warning cell/blank']);
      expect(diagnostics[0].cells).toEqual(['budget.expense.q1', 'budget.expense.q2']);
      expect(diagnostics[0].message).toContain('预算执行表有 2 个空白单元格');
    });

    it('leaves alone blank cells no arithmetic uses', () => {
      expect(validate({ fees: { fee: ['94.52万元'], change: ['/'] } })).toEqual([]);
    });

    it('does not cascade from an unreadable cell', () => {
      // income·q1 is approximate, so B1[income] and B2[q1] are undecidable; total·q2 is wrong on its own.
      const diagnostics = validate({ budget: { income: ['1万', '20', '30'], expense: ['5', '5', '10'], total: ['15', '25', '40'] } });
      expect(codes(diagnostics)).toEqual(['warning cell/approximate']);
      const invalid = validate({ budget: { income: ['十', '20', '30'], expense: ['5', '5', '10'], total: ['15', '25', '40'] } });
      expect(codes(invalid)).toEqual(['error cell/invalid']);
    });

    it('decides in exact numbers: fractions and integers past 2^53 as written, not as doubles add them', () => {
      // 0.1 + 0.2 is 0.30000000000000004 in doubles, 0.3 exactly.
      const fractions = validate({ budget: { income: ['0.1', '0.2', '0.3'], expense: ['5', '5', '10'], total: ['5.1', '5.2', '10.3'] } });
      expect(fractions.filter((d) => d.rule === 'B1' || d.rule === 'B2')).toEqual([]);
      // 2^53 + 1 is 2^53 in doubles: 2^53 + 1 ≠ 2^53 + 2 is found all the same (in its row and the totals' row).
      const large = validate({
        budget: { income: ['9007199254740992', '1', '9007199254740994'], expense: ['6', '4', '10'], total: ['9007199254740998', '5', '9007199254741004'] },
      });
      const failed = large.filter((d) => d.rule === 'B1' || d.rule === 'B2');
      expect(failed.map((d) => `${d.rule} ${d.cells![0]}`).sort()).toEqual(['B1 budget.income.year', 'B1 budget.total.year']);
      // An operand unreadable: the equations reading it go silent (10 + 20 ≠ 31 would fail), the others hold.
      const unreadable = validate({ budget: { income: ['约10', '20', '31'], expense: ['5', '5', '10'], total: ['16', '25', '41'] } });
      expect(codes(unreadable).filter((c) => / B[12]$/u.test(c))).toEqual([]);
    });

    it('localises two independent errors in different columns', () => {
      const diagnostics = validate({ budget: { income: ['10', '20', '30'], expense: ['5', '5', '10'], total: ['16', '24', '40'] } });
      // B2[q1] and B2[q2] fail; B1[total] holds (16 + 24 = 40): the two totals are both wrong.
      expect(codes(diagnostics)).toEqual(['error arithmetic/equation B2', 'error arithmetic/equation B2']);
      expect(diagnostics[0].message).toContain('合计 · 上半年由 16 改为 15、合计 · 下半年由 24 改为 25');
    });
  });

  describe('cells', () => {
    it('flags numbers outside their type', () => {
      const diagnostics = validate({
        budget: { income: ['-10', '20', '10'], expense: ['5', '5', '10'], total: ['-5', '25', '20'] },
        fees: { fee: ['94.52万元'], change: ['2.5'] },
        s1: ['全年收入10万元。'],
      });
      expect(codes(diagnostics)).toEqual(['error cell/out-of-domain', 'error cell/out-of-domain', 'error cell/out-of-domain']);
      expect(diagnostics[0].message).toBe('收入 · 上半年应为非负整数，实际为 -10。');
      expect(diagnostics[2].message).toBe('增减 · 金额应为整数，实际为 2.5。');
    });

    it('flags money without a unit, converted from another unit, or in an unknown unit', () => {
      expect(codes(validate({ fees: { fee: ['421913'], change: ['0'] } }))).toEqual(['warning cell/unit-missing']);
      const converted = validate({ fees: { fee: ['945200元'], change: ['0'] } });
      expect(codes(converted)).toEqual(['warning cell/unit-converted']);
      expect(converted[0].message).toBe('收费表有 1 个金额不是以万元填写，已换算为万元：行政事业性收费 · 金额“945200元”。');
      const report = build();
      const fee = report.tables[1].rows[0].cells[0];
      fee.unit = '美元';
      expect(codes(validateReport(report, budgetTemplate))).toEqual(['warning cell/unit-unknown']);
    });

    it('compares the unit of a whole number in a money cell of a table whose own type is a count', () => {
      // The fee cells keep their money type (a template cell's type), the table's default becomes a count.
      const countTable = { ...budgetTemplate, tables: budgetTemplate.tables.map((t) => (t.id === 'fees' ? { ...t, cellType: { kind: 'count' as const } } : t)) };
      expect(countTable.cells.find((cell) => cell.id === 'fees.fee.amount')?.type.kind).toBe('money');
      const report = build({ fees: { fee: ['421913'], change: ['0'] } });
      expect(codes(validateReport(report, countTable))).toEqual(['warning cell/unit-missing']);
    });
  });

  describe('structure', () => {
    it('reports missing sections: required ones as errors, optional ones as warnings', () => {
      const diagnostics = validate({ s3: null, s4: null });
      expect(codes(diagnostics)).toEqual(['error structure/section-missing', 'warning structure/section-missing']);
      expect(diagnostics[0].message).toBe('缺少第三部分“存在的问题”。');
    });

    it('accepts aliases and fixes near-miss headings', () => {
      expect(validate({ headings: { s2: { text: '二、本年预算执行情况', match: 'alias' } } })).toEqual([]);
      const report = build({ headings: { s3: { text: '三、存在问题', match: 'near' } } });
      const diagnostics = validateReport(report, budgetTemplate);
      expect(codes(diagnostics)).toEqual(['warning structure/heading-variant']);
      expect(diagnostics[0].message).toBe('标题“三、存在问题”不是模板的写法“三、存在的问题”。');
      const fixed = applyEdits(report.source.text, diagnostics[0].suggestions[0].edits);
      expect(fixed).toBe(build().source.text);
    });

    it('reports a missing heading, sections out of order, a missing table', () => {
      expect(codes(validate({ headings: { s2: { missing: true } } }))).toEqual(['error structure/heading-missing']);
      const disorder = validate({ order: ['s1', 's3', 's2', 's4'] });
      expect(codes(disorder)).toEqual(['error structure/section-order']);
      expect(disorder[0].message).toBe('第三部分“存在的问题”的位置不对：应排在第二部分之后。');
      expect(codes(validate({ fees: null }))).toEqual(['error structure/table-missing']);
    });

    it('reports a cut-off table once and checks only what the rows present decide', () => {
      const diagnostics = validate({
        budget: { income: ['10', '20', '31'], expense: ['5', '5', '10'] },
        truncated: true,
        s1: ['全年收入31万元。'],
      });
      expect(codes(diagnostics)).toEqual(['error arithmetic/equation B1', 'error structure/table-truncated']);
      expect(diagnostics[1].message).toContain('缺少最后 1 行：合计');
      const middle = validate({ budget: { income: ['10', '20', '30'], total: ['10', '20', '30'] } });
      expect(codes(middle)).toEqual(['error structure/rows-missing']);
    });

    it('passes on the parser\'s table notes', () => {
      const report = new ReportBuilder(budgetTemplate)
        .title('示例单位2031年预算执行报告', 2031)
        .section('s1')
        .line('全年收入30万元。')
        .section('s2')
        .table({
          id: 'budget',
          rows: CLEAN_BUDGET,
          notes: [
            { kind: 'header-garbled' },
            { kind: 'header-truncated' },
            { kind: 'glued-ambiguous', row: 'income' },
            { kind: 'glued-split', row: 'expense' },
            { kind: 'repeated' },
            { kind: 'extra-values', row: 'total' },
            { kind: 'rows-out-of-order', row: 'total' },
            { kind: 'transposed' },
            { kind: 'group-values', row: 'total', detail: '1 2' },
          ],
        })
        .table({ id: 'fees', rows: { fee: ['1万元'], change: ['0'] } })
        .section('s3')
        .line('仍有不足。')
        .section('s4')
        .line('收费正常。')
        .build();
      const diagnostics = validateReport(report, budgetTemplate);
      expect(codes(diagnostics).sort()).toEqual([
        'info structure/row-split-guessed',
        'info structure/rows-out-of-order',
        'info structure/table-repeated',
        'info structure/table-transposed',
        'warning structure/extra-values',
        'warning structure/group-row-values',
        'warning structure/header-garbled',
        'warning structure/header-truncated',
        'warning structure/row-ambiguous',
      ]);
      expect(diagnostics.find((d) => d.code === 'structure/row-ambiguous')!.message).toContain('“收入”一行');
    });
  });

  describe('template and year', () => {
    it('flags a report older than its format, naming the right one', () => {
      const diagnostics = validate({ year: 2025 });
      expect(codes(diagnostics)).toEqual(['warning template/anachronistic']);
      expect(diagnostics[0].message).toBe(
        '这是 2025 年度的报告，却使用了 2030 年度起才适用的格式“预算执行报告格式（2030）”。2025 年度应使用“预算执行报告格式（2020）”。',
      );
    });

    it('flags a recent report written in a superseded format (by its markers)', () => {
      // Parsed with the old template but written in the new format (by its markers): no template finding.
      const diagnostics = validateReport(build(), budgetTemplate2020, { templates: [budgetTemplate, budgetTemplate2020] });
      expect(codes(diagnostics).filter((c) => c.includes('template/'))).toEqual([]);
      const old = build({ s1: ['全年收入30万元。'], s3: ['经费使用情况良好，上年结余已使用，经费使用情况。'] });
      old.detection.scores = { 'budget-2020': 4, 'budget-2030': 3 };
      const found = validateReport(old, budgetTemplate2020, { templates: [budgetTemplate, budgetTemplate2020] });
      expect(codes(found)).toEqual(['warning template/superseded']);
      expect(found[0].message).toContain('却使用了适用于 2020—2029 年度的格式“预算执行报告格式（2020）”');
      expect(found[0].message).toContain('2031 年度应使用“预算执行报告格式（2030）”');
    });

    it('flags the pre-template format and an unknown year', () => {
      expect(codes(validate({ s1: ['全年收入30万元。指标名称、计量单位见下。'] }))).toEqual(['warning template/legacy-format']);
      expect(codes(validate({ year: null }))).toEqual(['info template/year-unknown']);
    });
  });

  describe('text', () => {
    it('compares numbers restated in the prose with the table', () => {
      const diagnostics = validate({ s1: ['全年收入35万元，运行平稳。'] });
      expect(codes(diagnostics)).toEqual(['warning text/prose-mismatch P1']);
      expect(diagnostics[0].message).toBe('正文“全年收入35”与表格收入全年 30 不符。');
      const report = build({ s1: ['全年收入35万元，运行平稳。'] });
      const range = validateReport(report, budgetTemplate)[0].range;
      expect(report.source.text.slice(range.start, range.end)).toBe('全年收入35万');
      expect(validate({ s1: ['全年收入三十万元。'] })).toEqual([]);
      expect(codes(validate({ s1: ['全年收入两万元。'] }))).toEqual(['warning text/prose-mismatch P1']);
    });

    it('lists at most 500 prose mismatches and counts the rest in one finding at the first of them', () => {
      const report = build({ s1: ['全年收入35万元。'.repeat(503)] });
      const omitted = expectCapped(report, 'warning text/prose-mismatch P1', 'text/findings-omitted', /全年收入35万/gu);
      expect(omitted.message).toBe('另有 3 处“正文数字与表格不符”未逐一列出（每类最多列出 500 处；修改后再次检查可看到其余各处）。');
      expect(omitted.omitted).toEqual({ code: 'text/prose-mismatch', count: 3 });
      const english = validateReport(report, budgetTemplate, { locale: 'en' }).find((d) => d.code === 'text/findings-omitted')!;
      expect(english.message).toBe('3 more findings of "A figure in the text disagrees with the table" are not listed (at most 500 of a kind are; check again after fixing them to see the rest).');
      // A forbidden pattern: one finding at the first match, at most 500 other matches related.
      const forbiddenReport = build({ s1: ['全年收入30万元。' + '另设机构 3 个。'.repeat(600)] });
      const forbidden = validateReport(forbiddenReport, budgetTemplate).filter((d) => d.code === 'text/forbidden');
      expect(forbidden).toHaveLength(1);
      expect(forbidden[0].related).toHaveLength(500);
      const matches = [...forbiddenReport.source.text.matchAll(/机构 3 个/gu)].map((m) => m.index);
      expect([forbidden[0].range.start, forbidden[0].related.at(-1)!.range.start]).toEqual([matches[0], matches[500]]);
    });

    it('skips a prose check whose operand cannot be read', () => {
      expect(codes(validate({ s1: ['全年收入35万元。'], budget: { ...CLEAN_BUDGET, income: ['10', '20', '约30'] } }))).toEqual([
        'warning cell/invalid'.replace('warning', 'error'),
      ]);
    });

    it('checks required mentions, forbidden patterns, length and empty sections', () => {
      expect(codes(validate({ s4: ['无其他事项。'] }))).toEqual(['warning text/mention-missing M1']);
      const forbidden = validate({ s1: ['全年收入30万元，设机构7个，另设机构 3 个。'] });
      expect(codes(forbidden)).toEqual(['warning text/forbidden F1']);
      expect(forbidden[0].related).toHaveLength(1);
      const long = validate({ s1: ['全年收入30万元。' + '工作平稳有序推进。'.repeat(8)] });
      expect(codes(long)).toEqual(['info text/length']);
      const empty = validate({ s3: ['无。'] });
      expect(codes(empty)).toEqual(['warning text/empty-section']);
      expect(codes(validate({ s3: ['  暂无  '] }))).toEqual(['warning text/empty-section']);
    });
  });

  describe('text quality', () => {
    it('reports each injected Pinyin reading with a fix that deletes it', () => {
      const report = build({ s1: ['全年收入30万元，按規(guī)定發(fā)布。'] });
      const diagnostics = validateReport(report, budgetTemplate);
      expect(codes(diagnostics)).toEqual(['warning quality/pinyin', 'warning quality/pinyin']);
      expect(diagnostics[0].message).toBe('“規(guī)”中夹杂拼音注音“(guī)”（繁简转换造成的乱码）。');
      const fixed = applyEdits(report.source.text, diagnostics.flatMap((d) => d.suggestions[0].edits));
      expect(fixed).toContain('按規定發布。');
    });

    it('lists at most 500 spots of a kind and counts the rest in one finding at the first of them', () => {
      const report = build({ s1: ['全年收入30万元。', '按規(guī)定發布。'.repeat(503)] });
      const omitted = expectCapped(report, 'warning quality/pinyin', 'quality/spots-omitted', /\(guī\)/gu);
      expect(omitted.message).toBe('另有 3 处“夹杂拼音注音”未逐一列出（每类最多列出 500 处；修改后再次检查可看到其余各处）。');
      const english = validateReport(report, budgetTemplate, { locale: 'en' }).find((d) => d.code === 'quality/spots-omitted')!;
      expect(english.message).toBe('3 more spots of "Injected Pinyin readings" are not listed (at most 500 of a kind are; check again after fixing them to see the rest).');
    });

    it('reports mojibake and converter artefacts, with a fix deleting an artefact', () => {
      const report = build({ s1: ['全年收入30万元。[bookmark: _GoBack]', '落实三審三?!敝贫?要求。'] });
      const diagnostics = validateReport(report, budgetTemplate);
      expect(codes(diagnostics)).toEqual(['warning quality/converter-artefact', 'warning quality/mojibake']);
      expect(diagnostics[0].message).toBe('文档转换残留：“[bookmark: _GoBack]”。');
      expect(diagnostics[1].message).toMatch(/^乱码：“.*\?.*”。$/u);
      const fixed = applyEdits(report.source.text, diagnostics[0].suggestions[0].edits);
      expect(fixed).toContain('全年收入30万元。\n');
    });
  });

  it('speaks English on request', () => {
    const diagnostics = validate({ s3: null, budget: { ...CLEAN_BUDGET, income: ['12', '20', '30'] } }, 'en');
    expect(diagnostics.map((d) => d.message)).toContain('Section 三 "存在的问题" is missing.');
    expect(diagnostics[0].message).toMatch(/^income|^收入: year 30 ≠ halves 32\. Most likely wrong: 收入 · 上半年 from 12 to 10/);
  });

  it('is sorted by position and deterministic', () => {
    const options: Options = { s3: null, s1: ['全年收入35万元，按規(guī)定。'], budget: { ...CLEAN_BUDGET, income: ['12', '20', '30'] } };
    const first = validate(options);
    expect(first.map((d) => d.range.start)).toEqual([...first.map((d) => d.range.start)].sort((a, b) => a - b));
    expect(validate(options)).toEqual(first);
  });

  it('reports a parser failure once, instead of every part missing', () => {
    const report = { ...build(), parseFailure: 'Object.groupBy is not a function' };
    const diagnostics = validateReport(report, budgetTemplate);
    expect(codes(diagnostics)).toEqual(['error structure/parse-failed']);
    expect(diagnostics[0].message).toBe('读取报告时出现内部错误（Object.groupBy is not a function），未作检查。请反馈此问题。');
  });

  it('stops at its deadline with one finding saying so', () => {
    const diagnostics = validateReport(build(), budgetTemplate, { deadline: { at: performance.now() - 1, seconds: 5 } });
    expect(codes(diagnostics)).toEqual(['error structure/check-timeout']);
    expect(diagnostics[0].message).toContain('未能在 5 秒内检查完（停在读取结构时）');
  });

  it('says once that no template fits a text without markers or year', () => {
    const value = '会议纪要\n今天讨论了午餐安排。\n';
    const result = checkText({ format: 'txt', encoding: 'utf-8', text: value }, identityView(value), {
      templates: [budgetTemplate, budgetTemplate2020],
    });
    expect(codes(result.diagnostics)).toEqual(['error template/unknown']);
  });

  it('names once a row group printed as one row (a real 2021 report, （六）其他处理 unsplit)', () => {
    const value = readFileSync(new URL('../fixtures/corpus/hongzequ-2023.pdftext.txt', import.meta.url), 'utf8');
    const result = checkText({ format: 'txt', encoding: 'utf-8', text: value }, identityView(value));
    const found = codes(result.diagnostics).filter((code) => code.includes('structure/'));
    // …and its label typo "2.其他法律行政止公开" once.
    expect(found.sort()).toEqual(['warning structure/group-unsplit', 'warning structure/row-label-variant']);
  });

  it('says once that the text disagrees with cells placed by a guess (a real 2021 report as converted Markdown, zeros dropped)', () => {
    const value = readFileSync(new URL('../fixtures/corpus/hongzequ-2023.pdftext.txt', import.meta.url), 'utf8');
    const markdown = convertedMarkdown(value, checkText({ format: 'txt', encoding: 'utf-8', text: value }, identityView(value)), {});
    const row = markdown.split('\n').find((line) => line.includes('一、本年新收'))!;
    const variant = markdown.replace(row, row.replace(/(?: \| 0)+ \|/u, ' |')).replace('受理政府信息公开申请 21 件', '受理政府信息公开申请 25 件');
    const result = checkText({ format: 'md', encoding: 'utf-8', text: variant }, identityView(variant));
    expect(codes(result.diagnostics).filter((code) => code.includes('text/prose'))).toEqual(['warning text/prose-doubtful']);
  });

  it('says once that a table is more likely misread than wrong (columns shifted in half the rows of a real report)', () => {
    const value = readFileSync(new URL('../fixtures/corpus/huaian-2024.pdftext.txt', import.meta.url), 'utf8');
    let n = 0;
    const shifted = value
      .split('\n')
      .map((line) => {
        const m = /^(.*?[^\d\s])((?: \d+){7})$/u.exec(line);
        if (!m || n++ % 2 === 1) return line;
        return `${m[1]} ${['0', ...m[2].trim().split(' ').slice(0, 6)].join(' ')}`;
      })
      .join('\n');
    const result = checkText({ format: 'txt', encoding: 'utf-8', text: shifted }, identityView(shifted));
    expect(codes(result.diagnostics).filter((code) => code.includes('arithmetic/'))).toEqual(['warning arithmetic/table-doubtful']);
  });

  afterAll(() => {
    // audit/* findings need several reports (an audit): test/audit/ makes each of them.
    expect(DIAGNOSTIC_CODES.filter((code) => !seen.has(code) && !code.startsWith('audit/'))).toEqual([]);
  });
});
