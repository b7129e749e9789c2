import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport, type CheckResult } from '../../src/check/index.js';
import { compileTemplate } from '../../src/compiler/index.js';
import type { TemplateIR } from '../../src/ir/template-ir.js';
import { builtinTemplates } from '../../src/templates/index.js';

const repositoryRoot = new URL('../../../../', import.meta.url);
const templateFile = 'grammars/gov-disclosure-pre2019.nbt';
const fixture = new URL('../fixtures/pre2019/pre2019-2015.txt', import.meta.url);

async function pre2019(): Promise<TemplateIR> {
  const result = await compileTemplate(readFileSync(new URL(templateFile, repositoryRoot), 'utf8'), { uri: templateFile });
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([]);
  return result.ir!;
}

/** Checks a report among the built-in templates only (no --templates, no project configuration). */
async function check(text: string, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<CheckResult> {
  return checkReport({ bytes: new TextEncoder().encode(text), fileName: 'report.txt' }, { locale });
}

const cell = (result: CheckResult, id: string) =>
  result.report!.tables.flatMap((table) => table.rows.flatMap((row) => row.cells)).find((candidate) => candidate.id === id)!;

describe('grammars/gov-disclosure-pre2019.nbt: the provincial statistics table of 2008–2018', () => {
  it('is built in, as its file compiles', async () => {
    expect(builtinTemplates.find((template) => template.id === 'gov-disclosure-pre2019')).toEqual(await pre2019());
  });

  it('compiles: a text column (计量单位), parent rows with figures of their own, an appendix table', async () => {
    const ir = await pre2019();
    const stats = ir.tables.find((table) => table.id === 'stats')!;
    expect(stats.appendix).toBe(true);
    expect(stats.leafColumns).toEqual(['unit', 'thisYear', 'cumulative']);
    expect(ir.cells.find((c) => c.id === 'stats.onRequest.received.unit')?.type).toEqual({ kind: 'text' });
    expect(stats.leafRows.slice(2, 7)).toEqual([
      'onRequest.received',
      'onRequest.received.inPerson',
      'onRequest.received.fax',
      'onRequest.received.online',
      'onRequest.received.letter',
    ]);
  });

  it('detects the example report as the old format by its own markers and finds nothing wrong in it', async () => {
    const result = await check(readFileSync(fixture, 'utf8'));
    expect(result.template?.id).toBe('gov-disclosure-pre2019');
    expect(result.info.year).toBe(2015);
    expect(result.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
    expect(cell(result, 'stats.onRequest.received.thisYear').value).toBe(37);
    expect(cell(result, 'stats.onRequest.received.cumulative').value).toBe(212);
    expect(cell(result, 'stats.onRequest.received.unit').raw).toBe('件');
    expect(cell(result, 'stats.lawsuits.other.cumulative').value).toBe(1);
    expect(cell(result, 'stats.organisation.expenditure.thisYear').value).toBe(4.5);
  });

  it('finds a broken 收到申请数 at its cell, with the fix the breakdown and the text agree on', async () => {
    const text = readFileSync(fixture, 'utf8');
    const broken = text.replace('（一）收到申请数\t件\t37\t212', '（一）收到申请数\t件\t38\t212');
    expect(broken).not.toBe(text);
    const result = await check(broken);
    expect(result.template?.id).toBe('gov-disclosure-pre2019');
    const target = cell(result, 'stats.onRequest.received.thisYear');
    expect(broken.slice(target.range!.start, target.range!.end)).toBe('38');
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.rule])).toEqual([['arithmetic/equation', 'S1']]);
    expect(errors[0].range).toEqual(target.range);
    expect(errors[0].message).toContain('（一）收到申请数（38）应等于1.当面申请数至4.信函申请数之和（37）');
    expect(errors[0].suggestions[0].edits).toEqual([{ range: target.range, newText: '37' }]);
    expect(result.diagnostics.filter((d) => d.severity !== 'error').map((d) => d.code)).toEqual(['text/prose-mismatch']);
    const english = await check(broken, 'en');
    expect(english.diagnostics.find((d) => d.severity === 'error')?.message).toContain('(1) Requests received (38) must equal');
  });

  it('checks a report in the fuller national statistics table of 2015–2018 (07-legacy-2017.txt) against its own arithmetic', async () => {
    const text = readFileSync(new URL('../fixtures/variants/07-legacy-2017.txt', import.meta.url), 'utf8');
    const result = await check(text);
    expect(result.template?.id).toBe('gov-disclosure-pre2019');
    // Not "another format" any more: the report is in this template's format.
    expect(result.diagnostics.map((d) => d.code)).not.toContain('template/legacy-format');
    // The 本年度 column holds together; that invented fixture's 历年累计 column does not (e.g. 收到申请数 24 ≠ 3 + 3 + 24 + 3).
    const arithmetic = result.diagnostics.filter((d) => d.code === 'arithmetic/equation');
    expect(arithmetic.length).toBeGreaterThan(0);
    expect(arithmetic.every((d) => d.message.startsWith('历年累计'))).toBe(true);
    expect(arithmetic.map((d) => d.rule)).toContain('S1');
  });
});
