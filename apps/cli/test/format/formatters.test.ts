import { describe, expect, it } from 'vitest';
import { JsonFormatter, JsonLinesFormatter, PrettyFormatter } from '../../src/format/index.js';
import { withResultAsJson } from '../../src/checks/to-file-outcome.js';
import { createTranslator } from '../../src/i18n/translate.js';
import { addToSummary, emptySummary, type FileOutcome } from '../../src/outcome/index.js';
import { createStyle } from '../../src/terminal/style.js';
import type { Locale } from '@nianbao/core';
import { failedOutcome, sampleOutcome } from './sample-outcomes.js';

function render(make: (write: (s: string) => void, locale: Locale) => { file(o: FileOutcome): void; finish(s: ReturnType<typeof emptySummary>): void }, outcomes: FileOutcome[], locale: Locale = 'zh-CN') {
  let out = '';
  const formatter = make((s) => (out += s), locale);
  const summary = emptySummary();
  for (const outcome of outcomes) {
    addToSummary(summary, outcome);
    formatter.file(outcome);
  }
  formatter.finish(summary);
  return out;
}

const pretty = (colour: boolean) => (write: (s: string) => void, locale: Locale) =>
  new PrettyFormatter({ write, locale, t: createTranslator(locale), style: createStyle(colour), columns: 120 });

describe('pretty formatter', () => {
  it('prints path, 1-based line:col, severity, message, code, a code frame and the summary', () => {
    const out = render(pretty(false), [sampleOutcome(), failedOutcome()]);
    expect(out).toContain('reports/a.txt  gov-disclosure-2019\n');
    expect(out).toMatch(/ {2}3:2 {2}错误 {2}勾稽关系不成立.* {2}arithmetic\/equation\n/);
    expect(out).toMatch(/ {2}1:2 {2}警告 {2}.*quality\/pinyin\n/);
    // The TAB of line 3 is expanded to the tab stop; the caret sits under the "0".
    expect(out).toContain('│     0\n');
    expect(out).toContain('│     ^\n');
    // Wide characters count two columns: the caret under "(guī)" starts after "規" (2 columns).
    expect(out).toContain('│ 規(guī)定和要求\n');
    expect(out).toContain('│   ^^^^^\n');
    expect(out).toContain('→ 改为：（七）总计 由 0 改为 2');
    expect(out).toContain('✖ 2 个问题（1 个错误，1 个警告）');
    expect(out).toContain('检查了 1 个文件');
    expect(out).toContain('1 个文件无法读取');
    expect(out).toMatch(/arithmetic\/equation +1 个错误/);
    expect(out).not.toContain('\x1b[');
  });

  it('says under its path what --fix wrote into a file, also when nothing remains', () => {
    const fixed = { ...sampleOutcome(0, 'reports/a.txt'), fix: { applied: 2 } };
    const clean = sampleOutcome(1, 'reports/b.txt');
    const cleanFixed = { ...clean, result: { ...clean.result!, diagnostics: [] }, extras: [], fix: { applied: 1 } };
    const untouched = { ...clean, path: 'reports/c.txt', result: { ...clean.result!, diagnostics: [] }, extras: [] };
    const out = render(pretty(false), [fixed, cleanFixed, untouched]);
    expect(out).toContain('reports/a.txt  gov-disclosure-2019\n  ✔ 已写入 2 处修复，以下为修复后的结果\n');
    expect(out).toContain('reports/b.txt  gov-disclosure-2019\n  ✔ 已写入 1 处修复，修复后没有发现问题\n\n');
    expect(out).not.toContain('reports/c.txt');
    expect(out).toContain('在 2 个文件中应用了 3 处修复');
    expect(render(pretty(false), [cleanFixed], 'en')).toContain('  ✔ 1 fix written; no problems remain\n');
  });

  it('speaks English and colours only when asked', () => {
    const out = render(pretty(true), [sampleOutcome()], 'en');
    expect(out).toContain('✖ 2 problems (1 error, 1 warning)');
    expect(out).toContain('\x1b[');
    expect(out).toContain('error');
  });

  it('prints a file with 300,000 findings (once more than a call takes as arguments: an internal error)', () => {
    const many = sampleOutcome();
    const spot = many.result!.diagnostics[1];
    many.result!.diagnostics = Array.from({ length: 300_000 }, (_, i) => ({ ...spot, range: { start: { line: 0, character: i }, end: { line: 0, character: i + 5 } } }));
    many.extras = many.result!.diagnostics.map(() => ({}));
    let lines = 0;
    let last = '';
    const formatter = new PrettyFormatter({ write: (s) => { lines += s.split('\n').length - 1; last = s; }, locale: 'zh-CN', t: createTranslator('zh-CN'), style: createStyle(false), columns: 120 });
    const summary = emptySummary();
    addToSummary(summary, many);
    formatter.file(many);
    formatter.finish(summary);
    expect(lines).toBeGreaterThan(300_000);
    expect(last).toContain('quality/pinyin');
  });

  it('says so when there is nothing to report', () => {
    const clean = sampleOutcome();
    clean.result!.diagnostics = [];
    clean.extras = [];
    expect(render(pretty(false), [clean])).toBe('✔ 检查了 1 个文件，没有发现问题\n');
    expect(render(pretty(false), [clean], 'en')).toBe('✔ 1 file checked, no problems found\n');
  });

  it('says which files no template fits, without a tick', () => {
    const unknown = sampleOutcome();
    unknown.result!.template = null;
    unknown.result!.diagnostics = [];
    unknown.extras = [];
    const out = render(pretty(false), [unknown]);
    expect(out).toContain('未能识别报告所用的模板');
    expect(out).toContain('1 个文件未能识别模板，未作检查');
    expect(out).not.toContain('✔');
  });

  it('says why no template was applied', () => {
    const legacy = sampleOutcome();
    legacy.result!.template = null;
    legacy.result!.diagnostics = legacy.result!.diagnostics.slice(0, 1).map((d) => ({
      ...d,
      code: 'template/legacy-format',
      severity: 'warning',
      message: '报告使用的是模板施行前的旧格式（指标名称），未按模板检查。',
    }));
    legacy.extras = [];
    const out = render(pretty(false), [legacy]);
    expect(out).toContain('未能识别报告所用的模板');
    expect(out).toContain('警告  报告使用的是模板施行前的旧格式（指标名称），未按模板检查。  template/legacy-format');
  });
});

describe('json formatters', () => {
  it('writes the version-1 contract with 0-based positions and leaves failed inputs out', () => {
    const out = render((write) => new JsonFormatter({ write }), [sampleOutcome(), failedOutcome()]);
    const document = JSON.parse(out);
    expect(Object.keys(document)).toEqual(['version', 'files', 'summary']);
    expect(document.version).toBe(1);
    expect(document.files).toHaveLength(1);
    expect(Object.keys(document.files[0])).toEqual(['path', 'template', 'report', 'source', 'diagnostics']);
    const [equation, pinyin] = document.files[0].diagnostics;
    expect(equation.range).toEqual({ start: { line: 2, character: 1 }, end: { line: 2, character: 2 } });
    expect(equation).toMatchObject({ expected: 2, actual: 0 });
    expect(pinyin).not.toHaveProperty('expected');
    expect(document.summary).toEqual({ files: 1, errors: 1, warnings: 1, infos: 0 });
  });

  it('writes each file as it is handed over, keeping none of them for the end', () => {
    let out = '';
    const formatter = new JsonFormatter({ write: (s) => (out += s) });
    formatter.file(sampleOutcome(0, 'a.txt'));
    expect(out).toMatch(/^\{"version":1,"files":\[\{"path":"a.txt",.*\}$/);
    formatter.file(failedOutcome());
    formatter.file(sampleOutcome(1, 'b.txt'));
    expect(out).toMatch(/\},\{"path":"b.txt",.*\}$/);
    const summary = emptySummary();
    addToSummary(summary, sampleOutcome(0, 'a.txt'));
    addToSummary(summary, sampleOutcome(1, 'b.txt'));
    formatter.finish(summary);
    expect(JSON.parse(out).files.map((file: { path: string }) => file.path)).toEqual(['a.txt', 'b.txt']);
    expect(out.endsWith('}\n')).toBe(true);
  });

  it('writes an empty list of files when no file was read', () => {
    expect(render((write) => new JsonFormatter({ write }), [failedOutcome()])).toBe(
      '{"version":1,"files":[],"summary":{"files":0,"errors":0,"warnings":0,"infos":0}}\n',
    );
  });

  it('writes a result that came as JSON text byte for byte as the object, and counts it from its tally', () => {
    const asText = (outcome: FileOutcome): FileOutcome => withResultAsJson(outcome);
    const outcomes = [sampleOutcome(0, 'a.txt'), failedOutcome(), sampleOutcome(2, 'c.txt')];
    for (const make of [(write: (s: string) => void) => new JsonFormatter({ write }), (write: (s: string) => void) => new JsonLinesFormatter({ write })]) {
      const mixed = render(make, [asText(outcomes[0]), outcomes[1], outcomes[2]]);
      expect(mixed).toBe(render(make, outcomes));
      expect(render(make, outcomes.map(asText))).toBe(mixed);
    }
    const summary = emptySummary();
    addToSummary(summary, asText(failedOutcome()));
    addToSummary(summary, asText(sampleOutcome()));
    expect(summary).toMatchObject({ files: 1, failed: 1, errors: 1, warnings: 1, infos: 0, unrecognised: 0 });
    expect([...summary.byCode.keys()]).toEqual(['arithmetic/equation', 'quality/pinyin']);
  });

  it('with --fix, says of each file what was written or why nothing was, and counts them in the summary', () => {
    const fixed = { ...sampleOutcome(0, 'a.txt'), fix: { applied: 2 } };
    const skipped = { ...sampleOutcome(1, 'b.html'), fix: { applied: 0, skipped: 'b.html: 网页格式不能写回' } };
    const outcomes = [fixed, skipped, sampleOutcome(2, 'c.txt'), failedOutcome(3)];
    const fixing = (make: (write: (s: string) => void) => { file(o: FileOutcome): void; finish(s: ReturnType<typeof emptySummary>): void }, list: FileOutcome[]) => {
      let out = '';
      const formatter = make((s) => (out += s));
      const summary = emptySummary(true);
      for (const outcome of list) {
        addToSummary(summary, outcome);
        formatter.file(outcome);
      }
      formatter.finish(summary);
      return out;
    };
    const document = JSON.parse(fixing((write) => new JsonFormatter({ write }), outcomes));
    expect(document.files.map((file: { fix?: unknown }) => file.fix)).toEqual([{ applied: 2 }, { applied: 0, skipped: 'b.html: 网页格式不能写回' }, undefined]);
    expect(Object.keys(document.files[0])).toEqual(['path', 'template', 'report', 'source', 'diagnostics', 'fix']);
    expect(document.summary).toEqual({ files: 3, errors: 3, warnings: 3, infos: 0, fixedFiles: 1, fixes: 2 });
    // The same as JSON text from a worker thread, and in JSON lines.
    expect(fixing((write) => new JsonFormatter({ write }), outcomes.map((o) => withResultAsJson(o)))).toBe(JSON.stringify(document) + '\n');
    const lines = fixing((write) => new JsonLinesFormatter({ write }), outcomes).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.fix)).toEqual([{ applied: 2 }, { applied: 0, skipped: 'b.html: 网页格式不能写回' }, undefined, undefined]);
    expect(lines[3].summary).toEqual(document.summary);
    // A run without --fix: no such counts, even with nothing fixed.
    expect(JSON.parse(render((write) => new JsonFormatter({ write }), [sampleOutcome()])).summary).not.toHaveProperty('fixes');
    expect(JSON.parse(fixing((write) => new JsonFormatter({ write }), [sampleOutcome()])).summary).toMatchObject({ fixedFiles: 0, fixes: 0 });
  });

  it('jsonl writes one file per line and a summary line', () => {
    const out = render((write) => new JsonLinesFormatter({ write }), [sampleOutcome(0, 'a.txt'), sampleOutcome(1, 'b.txt')]);
    const lines = out.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.path ?? 'summary')).toEqual(['a.txt', 'b.txt', 'summary']);
    expect(lines[2]).toEqual({ version: 1, summary: { files: 2, errors: 2, warnings: 2, infos: 0 } });
  });
});
