import { describe, expect, it } from 'vitest';
import type { FileResult, OutputDiagnostic } from '../../src/outcome/index.js';
import { runCli, seedNames, seedPath } from '../helpers/run-cli.js';
import { sarifValidator } from '../helpers/sarif-schema.js';

interface JsonReport {
  version: number;
  files: FileResult[];
  summary: { files: number; errors: number; warnings: number; infos: number };
}

const codes = (diagnostics: OutputDiagnostic[], severity?: string) =>
  diagnostics.filter((d) => !severity || d.severity === severity).map((d) => d.code);
const count = (diagnostics: OutputDiagnostic[], code: string) => diagnostics.filter((d) => d.code === code).length;

function validateJson(index: number): { status: number | null; file: FileResult; report: JsonReport } {
  const run = runCli(['validate', seedPath(index), '--format', 'json']);
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as JsonReport;
  return { status: run.status, file: report.files[0], report };
}

/** What EXPECTED.md says a correct tool finds in each seed (the codes that carry each finding). */
describe('the five seeds (EXPECTED.md)', () => {
  it('000: 2019 template, no error, blank table-3 cells once, a converter artefact', () => {
    const { status, file } = validateJson(0);
    expect(status).toBe(0);
    expect(file.template?.id).toBe('gov-disclosure-2019');
    expect(file.report.year).toBe(2020);
    expect(codes(file.diagnostics, 'error')).toEqual([]);
    expect(count(file.diagnostics, 'cell/blank')).toBe(1);
    expect(count(file.diagnostics, 'quality/converter-artefact')).toBeGreaterThanOrEqual(1);
  });

  it('001: 2021 template, no error, Pinyin with deleting fixes, mojibake, truncated header, long overview', () => {
    const { status, file } = validateJson(1);
    expect(status).toBe(0);
    expect(file.template?.id).toBe('gov-disclosure-2021');
    expect(file.report.year).toBe(2023);
    expect(codes(file.diagnostics, 'error')).toEqual([]);
    const pinyin = file.diagnostics.filter((d) => d.code === 'quality/pinyin');
    expect(pinyin.length).toBeGreaterThanOrEqual(70);
    expect(pinyin.every((d) => d.suggestions[0]?.edits[0]?.newText === '')).toBe(true);
    expect(count(file.diagnostics, 'quality/mojibake')).toBeGreaterThanOrEqual(1);
    expect(count(file.diagnostics, 'structure/header-truncated')).toBe(1);
    expect(file.diagnostics.some((d) => d.code === 'text/length' && d.severity === 'info')).toBe(true);
  });

  it('002: section 六 missing (error), heading variant, blank cells, prose agrees with the table', () => {
    const { status, file } = validateJson(2);
    expect(status).toBe(1);
    expect(codes(file.diagnostics, 'error')).toEqual(['structure/section-missing']);
    expect(count(file.diagnostics, 'structure/heading-variant')).toBe(1);
    expect(count(file.diagnostics, 'cell/blank')).toBeGreaterThanOrEqual(1);
    expect(count(file.diagnostics, 'text/prose-mismatch')).toBe(0);
    expect(count(file.diagnostics, 'arithmetic/equation')).toBe(0);
  });

  it('003: R1 and R2 fail with expected/actual and the localised fix; prose mismatches; 五 and 六 missing', () => {
    const { status, file } = validateJson(3);
    expect(status).toBe(1);
    const equations = file.diagnostics.filter((d) => d.code === 'arithmetic/equation');
    expect(equations.length).toBeGreaterThanOrEqual(4);
    for (const equation of equations) {
      expect(equation.severity).toBe('error');
      expect(typeof equation.expected).toBe('number');
      expect(typeof equation.actual).toBe('number');
      expect(equation.related.length).toBeGreaterThan(0);
    }
    const fix = equations.find((d) => d.suggestions.length === 1)?.suggestions[0];
    expect(fix?.edits.map((e) => e.newText)).toEqual(['2', '2']);
    expect(count(file.diagnostics, 'structure/section-missing')).toBe(2);
    expect(count(file.diagnostics, 'text/prose-mismatch')).toBeGreaterThanOrEqual(2);
    expect(count(file.diagnostics, 'cell/approximate')).toBeGreaterThanOrEqual(1);
  });

  it('004: truncated table 3 once, R5/R1, missing heading, garbled header, money without unit', () => {
    const { status, file } = validateJson(4);
    expect(status).toBe(1);
    expect(count(file.diagnostics, 'structure/table-truncated')).toBe(1);
    expect(count(file.diagnostics, 'arithmetic/equation')).toBeGreaterThanOrEqual(1);
    expect(count(file.diagnostics, 'structure/heading-missing')).toBe(1);
    expect(count(file.diagnostics, 'structure/header-garbled')).toBe(1);
    expect(count(file.diagnostics, 'cell/unit-missing')).toBe(1);
    expect(count(file.diagnostics, 'text/prose-mismatch')).toBeGreaterThanOrEqual(1);
  });
});

describe('every format says the same', () => {
  const validate = sarifValidator();
  for (const [index, name] of seedNames.entries()) {
    it(`${name}: pretty, json, jsonl and sarif agree; exit ${index < 2 ? 0 : 1}`, () => {
      const expectedStatus = index < 2 ? 0 : 1;
      const json = runCli(['validate', seedPath(index), '--format', 'json']);
      const report = JSON.parse(json.stdout) as JsonReport;
      const diagnostics = report.files[0].diagnostics;
      expect(json.status).toBe(expectedStatus);
      expect(report.version).toBe(1);
      expect(Object.keys(report.files[0])).toEqual(['path', 'template', 'report', 'source', 'diagnostics']);
      expect(report.files[0].source).toEqual({ reader: 'txt', encoding: 'utf-8' });
      for (const d of diagnostics) {
        expect(d.range.start.line).toBeGreaterThanOrEqual(0);
        expect(['error', 'warning', 'info']).toContain(d.severity);
      }
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
      expect(report.summary).toEqual({ files: 1, errors, warnings, infos: diagnostics.length - errors - warnings });

      const jsonl = runCli(['validate', seedPath(index), '--format', 'jsonl']);
      expect(jsonl.status).toBe(expectedStatus);
      const lines = jsonl.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
      expect(lines).toEqual([report.files[0], { version: 1, summary: report.summary }]);

      const sarif = runCli(['validate', seedPath(index), '--format', 'sarif']);
      expect(sarif.status).toBe(expectedStatus);
      const log = JSON.parse(sarif.stdout);
      expect(validate(log)).toEqual([]);
      const results = log.runs[0].results;
      expect(results).toHaveLength(diagnostics.length);
      results.forEach((result: { ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number } } }> }, i: number) => {
        expect(result.ruleId).toBe(diagnostics[i].code);
        expect(result.locations[0].physicalLocation.region.startLine).toBe(diagnostics[i].range.start.line + 1);
        expect(result.locations[0].physicalLocation.region.startColumn).toBe(diagnostics[i].range.start.character + 1);
      });

      const pretty = runCli(['validate', seedPath(index)]);
      expect(pretty.status).toBe(expectedStatus);
      const total = diagnostics.length;
      if (total > 0) {
        expect(pretty.stdout).toContain(seedPath(index));
        expect(pretty.stdout).toContain(`✖ ${total} 个问题（${errors} 个错误，${warnings} 个警告`);
        const first = diagnostics[0];
        expect(pretty.stdout).toContain(`${first.range.start.line + 1}:${first.range.start.character + 1}`);
      }
      expect(pretty.stdout).not.toContain('\x1b[');
    });
  }
});
