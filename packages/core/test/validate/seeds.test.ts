import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { builtinTemplates } from '../../src/templates/index.js';
import { applyEdits, validateReport } from '../../src/validate/index.js';
import { checkSeed, checkText, type PipelineResult } from './fixtures/seed-pipeline.js';

/**
 * The five seed reports of examples/seeds through the whole pipeline, against every finding of
 * /work/shared/seeds/EXPECTED.md — and nothing else (Pinyin readings are counted separately).
 */

const summary = (diagnostics: Diagnostic[]) =>
  diagnostics
    .filter((d) => d.code !== 'quality/pinyin')
    .map((d) => `${d.severity} ${d.code}${d.rule ? ` ${d.rule}` : ''}`)
    .sort();

const only = (result: PipelineResult, code: string) => result.diagnostics.filter((d) => d.code === code);

describe('seed 000 (紫阳县, 2020, 2019 format, cell per line)', async () => {
  const result = await checkSeed('000_ef504471c9854329.txt');

  it('is read with the 2019 template for 2020', () => {
    expect(result.template.id).toBe('gov-disclosure-2019');
    expect(result.report.info.year).toBe(2020);
  });

  it('has no error; one blank-cells warning for table 3 and the converter artefact', () => {
    expect(summary(result.diagnostics)).toEqual(['warning cell/blank', 'warning quality/converter-artefact']);
    const [blank] = only(result, 'cell/blank');
    expect(blank.cells!.length).toBe(138);
    expect(blank.cells!.every((id) => id.startsWith('t3.') && !id.endsWith('.total'))).toBe(true);
    const [artefact] = only(result, 'quality/converter-artefact');
    expect(result.textOf(artefact)).toBe('[bookmark: _GoBack]');
    expect(result.report.sections[0].range!.start).toBeLessThanOrEqual(artefact.range.start);
    expect(artefact.range.start).toBeLessThan(result.report.sections[1].range!.start);
    expect(applyEdits(result.text, artefact.suggestions[0].edits)).not.toContain('[bookmark');
  });
});

describe('seed 001 (同心县, 2023, 2021 format, Traditional with Pinyin, pipes)', async () => {
  const result = await checkSeed('001_58b691fd784472d5.txt');

  it('is read with the 2021 template for 2023', () => {
    expect(result.template.id).toBe('gov-disclosure-2021');
    expect(result.report.info.year).toBe(2023);
  });

  it('has no error: mojibake, the truncated table-4 header, the long overview', () => {
    expect(summary(result.diagnostics)).toEqual([
      'info text/length',
      'warning quality/mojibake',
      'warning quality/mojibake',
      'warning quality/mojibake',
      'warning quality/mojibake',
      'warning structure/header-truncated',
    ]);
    expect(only(result, 'quality/mojibake').some((d) => d.message.includes('三審三?'))).toBe(true);
    expect(result.textOf(only(result, 'structure/header-truncated')[0])).toContain('|');
    const [length] = only(result, 'text/length');
    expect(length.range).toEqual(result.report.sections[0].heading!.range);
  });

  it('reports 76 injected Pinyin readings, each with a fix deleting just the reading', () => {
    const pinyin = only(result, 'quality/pinyin');
    expect(pinyin).toHaveLength(76);
    for (const d of pinyin) {
      expect(d.severity).toBe('warning');
      expect(result.textOf(d)).toMatch(/^[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]$/u);
      expect(d.suggestions[0].edits).toEqual([{ range: d.range, newText: '' }]);
    }
    expect(pinyin.some((d) => d.message.includes('規(guī)'))).toBe(true);
    const cleaned = applyEdits(result.text, pinyin.flatMap((d) => d.suggestions[0].edits));
    expect(cleaned).toContain('規章');
    expect(cleaned).not.toContain('(guī)');
  });
});

describe('seed 002 (宿迁市, 2020, 2019 format, drifting TABs)', async () => {
  const result = await checkSeed('002_f8f28e4c849350e4.txt');

  it('has exactly the listed findings; the prose figures agree with the table', () => {
    expect(summary(result.diagnostics)).toEqual([
      'error structure/section-missing',
      'warning cell/blank',
      'warning structure/heading-variant',
      'warning text/forbidden F1',
    ]);
    expect(only(result, 'text/prose-mismatch')).toEqual([]);
    expect(only(result, 'arithmetic/equation')).toEqual([]);
  });

  it('names section 六 as missing', () => {
    expect(only(result, 'structure/section-missing')[0].message).toBe('缺少第六部分“其他需要报告的事项”。');
  });

  it('offers the template heading for 五、存在问题及改进情况', () => {
    const [variant] = only(result, 'structure/heading-variant');
    expect(result.textOf(variant)).toBe('五、存在问题及改进情况');
    const fixed = applyEdits(result.text, variant.suggestions[0].edits);
    expect(fixed).toContain('五、存在的主要问题及改进情况');
    expect(only(checkText(fixed), 'structure/heading-variant')).toEqual([]);
  });

  it('points at the old-format statistics in 一', () => {
    const [forbidden] = only(result, 'text/forbidden');
    expect(result.textOf(forbidden)).toMatch(/机构\s*7\s*个/u);
    expect(forbidden.range.start).toBeLessThan(result.report.sections[1].range!.start);
  });
});

describe('seed 003 (鹿城, 2020, 2019 format, （七）总计 wrong)', async () => {
  const result = await checkSeed('003_136fd1d98cf7f7a0.txt');

  it('has exactly the listed findings', () => {
    expect(summary(result.diagnostics)).toEqual([
      'error arithmetic/equation R1',
      'error arithmetic/equation R1',
      'error arithmetic/equation R2',
      'error arithmetic/equation R2',
      'error structure/section-missing',
      'error structure/section-missing',
      'warning cell/approximate',
      'warning text/prose-mismatch T5',
      'warning text/prose-mismatch T8',
    ]);
  });

  it('fails R1 and R2 in 自然人 and 总计, pinned to （七）总计 (lines 340–347)', () => {
    const failed = only(result, 'arithmetic/equation');
    expect(failed.map((d) => `${d.rule} ${d.message.split('：')[0]}`).sort()).toEqual([
      'R1 总计',
      'R1 自然人',
      'R2 总计',
      'R2 自然人',
    ]);
    for (const d of failed) {
      expect(result.lineOf(d.range.start)).toBeGreaterThanOrEqual(340);
      expect(result.lineOf(d.range.start)).toBeLessThanOrEqual(347);
      expect(result.textOf(d)).toBe('0');
    }
    const r2 = failed.find((d) => d.rule === 'R2')!;
    expect(r2.actual).toBe(0);
    expect(r2.expected).toBe(2);
    expect(r2.related.length).toBeGreaterThan(10);
  });

  it('proposes one fix: （七）总计 自然人 = 2 and 总计 = 2; applied, R1 and R2 hold', () => {
    const failed = only(result, 'arithmetic/equation');
    const fixes = new Set(failed.map((d) => JSON.stringify(d.suggestions)));
    expect(fixes.size).toBe(1);
    const [fix] = failed[0].suggestions;
    expect(fix.message).toBe('改为：（七）总计 · 自然人由 0 改为 2、（七）总计 · 总计由 0 改为 2');
    expect(fix.edits.map((e) => [result.textOf(e), e.newText])).toEqual([
      ['0', '2'],
      ['0', '2'],
    ]);
    const fixed = checkText(applyEdits(result.text, failed.flatMap((d) => d.suggestions[0].edits)));
    expect(only(fixed, 'arithmetic/equation')).toEqual([]);
    // The prose "实际办理申请2件" now agrees with （七）总计 too.
    expect(summary(fixed.diagnostics)).toEqual([
      'error structure/section-missing',
      'error structure/section-missing',
      'warning cell/approximate',
      'warning text/prose-mismatch T8',
    ]);
  });

  it('compares the prose with the table', () => {
    const prose = only(result, 'text/prose-mismatch');
    expect(prose.map((d) => result.textOf(d))).toEqual(['实际办理申请2件', '不予公开的政府信息2件']);
    expect(prose.map((d) => [d.actual, d.expected])).toEqual([
      [2, 0],
      [2, 1],
    ]);
  });

  it('flags 19万, 增1万 and 20万 in one finding', () => {
    const [approximate] = only(result, 'cell/approximate');
    expect(approximate.related.map((r) => result.textOf(r))).toEqual(['19万', '增1万', '20万']);
  });

  it('reports 五 and 六 missing at the end of the document', () => {
    const missing = only(result, 'structure/section-missing');
    expect(missing.map((d) => d.message)).toEqual([
      '缺少第五部分“存在的主要问题及改进情况”。',
      '缺少第六部分“其他需要报告的事项”。',
    ]);
    expect(result.text.slice(missing[0].range.start).trim()).toBe('');
  });
});

describe('seed 004 (济宁高新区, 2020, 2019 format, table 3 cut off)', async () => {
  const result = await checkSeed('004_94a1ddae1680c43d.txt');

  it('has exactly the listed findings', () => {
    expect(summary(result.diagnostics)).toEqual([
      'error arithmetic/equation R5',
      'error arithmetic/equation R5',
      'error structure/heading-missing',
      'error structure/table-truncated',
      'warning cell/unit-missing',
      'warning structure/header-garbled',
      'warning text/prose-mismatch T3',
    ]);
  });

  it('names the missing rows of table 3 in one finding', () => {
    const [truncated] = only(result, 'structure/table-truncated');
    for (const row of ['5.属于三类内部事务信息', '（六）其他处理', '（七）总计', '四、结转下年度继续办理']) {
      expect(truncated.message).toContain(row);
    }
    expect(truncated.message).toContain('缺少最后 15 行');
  });

  it('checks R5 with the rows present: 予以公开 1 > 一 + 二 = 0 in 自然人 and 总计', () => {
    const r5 = only(result, 'arithmetic/equation');
    expect(r5.map((d) => d.cells![0])).toEqual(['t3.results.granted.naturalPerson', 't3.results.granted.total']);
    expect(r5.map((d) => [d.actual, d.expected])).toEqual([
      [1, 0],
      [1, 0],
    ]);
  });

  it('says the heading of 四 is missing, the table-4 header is garbled, 421913 has no unit', () => {
    expect(only(result, 'structure/heading-missing')[0].message).toContain('政府信息公开行政复议、行政诉讼情况');
    expect(result.textOf(only(result, 'structure/header-garbled')[0])).toMatch(/持\s+正\s+果/u);
    expect(only(result, 'cell/unit-missing')[0].related.map((r) => result.textOf(r))).toEqual(['421913']);
  });

  it('compares "规范办理依申请公开件 1 件" with 本年新收 0', () => {
    const [prose] = only(result, 'text/prose-mismatch');
    expect(result.textOf(prose)).toMatch(/依申请公开件\s*1\s*件/u);
    expect([prose.actual, prose.expected]).toEqual([1, 0]);
  });
});

describe('every seed', () => {
  it('gives categories matching the codes, ranges inside the text, and the same findings in English', async () => {
    for (const name of [
      '000_ef504471c9854329.txt',
      '001_58b691fd784472d5.txt',
      '002_f8f28e4c849350e4.txt',
      '003_136fd1d98cf7f7a0.txt',
      '004_94a1ddae1680c43d.txt',
    ]) {
      const result = await checkSeed(name);
      for (const d of result.diagnostics) {
        expect(d.code.split('/')[0]).toBe(d.category);
        expect(d.range.start).toBeLessThanOrEqual(d.range.end);
        expect(d.range.end).toBeLessThanOrEqual(result.text.length);
      }
      const english = validateReport(result.report, result.template, {
        locale: 'en',
        templates: builtinTemplates,
        normalized: result.normalized,
      });
      expect(english.map((d) => [d.code, d.range])).toEqual(result.diagnostics.map((d) => [d.code, d.range]));
      english.forEach((d, i) => expect(d.message).not.toBe(result.diagnostics[i].message));
    }
  });
});
