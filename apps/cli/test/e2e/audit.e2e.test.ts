import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, seedPath } from '../helpers/run-cli.js';
import { sarifValidator } from '../helpers/sarif-schema.js';

const corpus = path.join(repoRoot, 'packages/core/test/fixtures/corpus');
const text2023 = readFileSync(path.join(corpus, 'hongzequ-2023.pdftext.txt'), 'utf8');
const text2024 = readFileSync(path.join(corpus, 'hongzequ-2024.pdftotext-layout.txt'), 'utf8');
const work = mkdtempSync(path.join(tmpdir(), 'nianbao-audit-'));

/** A folder holding the given files, for one audit. */
function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(work, name);
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return dir;
}

interface AuditJson {
  files: Array<{ path: string; report: { year: number | null; agency: string | null }; diagnostics: Array<{ code: string; baselineState?: string }> }>;
  audit: {
    series: Array<{ agency: string; years: Array<{ year: number; path: string }> }>;
    findings: Array<{ path: string; code: string; severity: string; message: string; range: { start: { line: number } }; related: Array<{ path: string; cell?: string; range: { start: { line: number } } }> }>;
  };
  summary: { files: number; errors: number; warnings: number };
}

function auditJson(args: string[]): { status: number | null; json: AuditJson; stderr: string } {
  const run = runCli(['audit', ...args, '--format', 'json'], { cwd: work });
  return { status: run.status, json: JSON.parse(run.stdout) as AuditJson, stderr: run.stderr };
}

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('nianbao audit', () => {
  it('finds both years of the district government, and the cross-year rules hold', () => {
    const dir = folder('real', { 'hongzequ-2023.txt': text2023, 'hongzequ-2024.txt': text2024 });
    const { json } = auditJson([dir]);
    expect(json.audit.series).toHaveLength(1);
    expect(json.audit.series[0].agency).toBe('淮安市洪泽区人民政府');
    expect(json.audit.series[0].years.map((y) => y.year)).toEqual([2023, 2024]);
    expect(json.audit.findings).toEqual([]);
    const pretty = runCli(['audit', dir], { cwd: work });
    expect(pretty.stdout).toContain('淮安市洪泽区人民政府');
    expect(pretty.stdout).toMatch(/2023[^\n]*gov-disclosure-2021/u);
    expect(pretty.stdout).toMatch(/\n\s+2024[^\n]*gov-disclosure-2021/u);
    expect(pretty.stdout).toContain('1 对相邻年度报告做了跨年度核对');
  });

  it('gives the cross-year finding at the 2024 上年结转 cell, the 2023 结转下年度 cell related', () => {
    const changed = text2024.replace(/(二、上年结转政府信息公开申请数量\s+)0/u, '$12');
    expect(changed).not.toBe(text2024);
    const dir = folder('carried', { '2023.txt': text2023, '2024.txt': changed });
    const { json } = auditJson([dir]);
    const crossYear = json.audit.findings.filter((f) => f.code === 'audit/cross-year');
    expect(crossYear).toHaveLength(1);
    const [finding] = crossYear;
    expect(finding.severity).toBe('warning');
    expect(path.basename(finding.path)).toBe('2024.txt');
    expect(finding.range.start.line).toBe(changed.split('\n').findIndex((l) => l.startsWith('二、上年结转')));
    expect(path.basename(finding.related[0].path)).toBe('2023.txt');
    expect(finding.related[0].range.start.line).toBe(text2023.split('\n').findIndex((l) => l.startsWith('四、结转下年度继续办理')));
    expect(finding.related[0].cell).toBe('t3.carriedForward.naturalPerson');
    const pretty = runCli(['audit', dir, '--locale', 'en'], { cwd: work });
    expect(pretty.stdout).toMatch(/2024\.txt:\d+:\d+ {2}warning {2}自然人: the applications carried over \(2\) must equal/u);
  });

  it('gives the cross-year finding at the 2024 行政规范性文件 现行有效件数 cell', () => {
    const changed = text2024.replace(/(行政规范性文件\s+3\s+0\s+)8/u, '$17');
    const dir = folder('in-force', { '2023.txt': text2023, '2024.txt': changed });
    const [finding] = auditJson([dir]).json.audit.findings;
    expect(finding.code).toBe('audit/cross-year');
    expect(finding.range.start.line).toBe(changed.split('\n').findIndex((l) => l.startsWith('行政规范性文件')));
    expect(finding.related.find((r) => r.path.endsWith('2023.txt'))!.range.start.line).toBe(text2023.split('\n').findIndex((l) => l.startsWith('行政规范性文件')));
  });

  it('warns about a section 五 copied from the year before with the year changed, not about a rewritten one', () => {
    const heading = '五、存在的主要问题及改进情况';
    const next = '六、其他需要报告的事项';
    const body = (text: string) => text.slice(text.indexOf(heading) + heading.length, text.indexOf(next));
    const copied = text2024.replace(body(text2024), body(text2023).replace(/2023/gu, '2024'));
    const dir = folder('copied', { '2023.txt': text2023, '2024.txt': copied });
    const findings = auditJson([dir]).json.audit.findings;
    expect(findings.map((f) => f.code)).toEqual(['audit/copied-text']);
    expect(findings[0].related[0].path.endsWith('2023.txt')).toBe(true);
    expect(auditJson([folder('rewritten', { '2023.txt': text2023, '2024.txt': text2024 })]).json.audit.findings).toEqual([]);
  });

  it('acknowledges every finding of seed 003; an unrelated edit shows none, a broken total exactly that one', () => {
    const seed = readFileSync(path.join(repoRoot, seedPath(3)), 'utf8');
    const dir = folder('baseline', { 'seed-003.txt': seed });
    const baseline = path.join(work, 'baseline.json');
    const first = runCli(['audit', dir, '--baseline', baseline, '--update-baseline', '--format', 'json'], { cwd: work });
    const acknowledged = (JSON.parse(first.stdout) as AuditJson).files[0].diagnostics.length;
    expect(acknowledged).toBeGreaterThan(3);
    const written = JSON.parse(readFileSync(baseline, 'utf8')) as { version: number; findings: Array<{ fingerprint: string; code: string }> };
    expect(written.version).toBe(1);
    expect(written.findings).toHaveLength(acknowledged);

    // An unrelated sentence edited (and lines shifted): nothing new.
    const sentence = seed.match(/[^\n。]*进一步[^\n。]*。/u)![0];
    writeFileSync(path.join(dir, 'seed-003.txt'), seed.replace(sentence, `${sentence.replace('进一步', '更进一步')}另行补充说明。`));
    const again = auditJson([dir, '--baseline', baseline]);
    expect(again.json.files[0].diagnostics).toEqual([]);
    expect(again.json.summary).toMatchObject({ errors: 0, warnings: 0 });
    expect(again.status).toBe(0);

    // Another total broken: exactly that finding.
    // The last cell of table 4 (复议后起诉 总计, one cell per line) from 0 to 4.
    const broken = seed.replace(/\t0(\n\s*)$/u, '\t4$1');
    expect(broken).not.toBe(seed);
    writeFileSync(path.join(dir, 'seed-003.txt'), broken);
    const third = auditJson([dir, '--baseline', baseline]);
    const fresh = third.json.files[0].diagnostics;
    expect(fresh.map((d) => d.code)).toEqual(['arithmetic/equation']);
    expect(fresh[0].baselineState).toBe('new');

    // SARIF marks both states and stays valid.
    const sarif = runCli(['audit', dir, '--baseline', baseline, '--format', 'sarif'], { cwd: work });
    const log = JSON.parse(sarif.stdout) as { runs: Array<{ results: Array<{ baselineState: string; suppressions?: unknown[] }> }> };
    const states = log.runs[0].results.map((r) => r.baselineState);
    expect(states.filter((s) => s === 'new')).toHaveLength(1);
    expect(states.filter((s) => s === 'unchanged').length).toBeGreaterThan(3);
    expect(log.runs[0].results.filter((r) => r.suppressions).length).toBe(states.filter((s) => s === 'unchanged').length);
    expect(sarifValidator()(log)).toEqual([]);
  });

  it('writes SARIF whose cross-year result points into both files', () => {
    const changed = text2024.replace(/(二、上年结转政府信息公开申请数量\s+)0/u, '$12');
    const dir = folder('sarif', { '2023.txt': text2023, '2024.txt': changed });
    const run = runCli(['audit', dir, '--format', 'sarif'], { cwd: work });
    const log = JSON.parse(run.stdout) as {
      runs: Array<{ artifacts: Array<{ location: { uri: string } }>; results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { index: number } } }>; relatedLocations: Array<{ physicalLocation: { artifactLocation: { index: number } } }> }> }>;
    };
    const [run0] = log.runs;
    const result = run0.results.find((r) => r.ruleId === 'audit/cross-year')!;
    const uriOf = (index: number) => run0.artifacts[index].location.uri;
    expect(uriOf(result.locations[0].physicalLocation.artifactLocation.index)).toMatch(/2024\.txt$/u);
    expect(uriOf(result.relatedLocations[0].physicalLocation.artifactLocation.index)).toMatch(/2023\.txt$/u);
    expect(sarifValidator()(log)).toEqual([]);
  });

  it('says when two files claim the same agency and year', () => {
    const dir = folder('duplicate', { 'a.txt': text2023, 'b.txt': text2023 });
    const findings = auditJson([dir]).json.audit.findings;
    expect(findings.map((f) => f.code)).toEqual(['audit/duplicate-report']);
  });
});
