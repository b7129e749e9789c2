import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/run-cli.js';

/**
 * An author's template used like a built-in one: added to detection by the project configuration file
 * (found upward from the reports) or by `--templates`, never with `--template`.
 */
let project: string;
const example = path.join(repoRoot, 'grammars/examples/next-revision.nbt');
const report = readFileSync(path.join(repoRoot, 'examples/next-revision-2025.md'), 'utf8');
const brokenRow = report.replace('| 4.申请人撤回申请 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 1 |', '| 4.申请人撤回申请 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 2 |');

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), 'nianbao-project-'));
  mkdirSync(path.join(project, 'templates'));
  mkdirSync(path.join(project, 'reports', '2025'), { recursive: true });
  copyFileSync(example, path.join(project, 'templates', 'next-revision.nbt'));
  writeFileSync(path.join(project, 'nianbao.config.json'), JSON.stringify({ templates: ['templates'] }));
  writeFileSync(path.join(project, 'reports', '2025', 'clean.md'), report);
  writeFileSync(path.join(project, 'reports', '2025', 'broken.md'), brokenRow);
});

interface JsonRun {
  files: Array<{
    path: string;
    template: { id: string } | null;
    diagnostics: Array<{
      code: string;
      message: string;
      range: { start: { line: number; character: number } };
      suggestions: Array<{ edits: Array<{ newText: string }> }>;
    }>;
  }>;
}

describe('project templates on the command line', () => {
  it('without --template, a report in the new format is detected as the configured template (configuration found upward)', () => {
    const run = runCli(['validate', 'reports', '--format', 'json'], { cwd: project });
    const result = JSON.parse(run.stdout) as JsonRun;
    const byName = Object.fromEntries(result.files.map((file) => [path.basename(file.path), file]));
    expect(byName['clean.md'].template?.id).toBe('example-next-revision');
    expect(byName['clean.md'].diagnostics).toEqual([]);
    expect(byName['broken.md'].template?.id).toBe('example-next-revision');
    // The broken total of the new row, at its cell (line of the row, column of its 总计), by R2 and R3, with the fix.
    const line = brokenRow.split('\n').findIndex((text) => text.startsWith('| 4.申请人撤回申请'));
    const character = brokenRow.split('\n')[line].lastIndexOf('2');
    const found = byName['broken.md'].diagnostics;
    expect(found.map((d) => [d.code, d.range.start.line, d.range.start.character, d.suggestions[0]?.edits[0]?.newText])).toEqual([
      ['arithmetic/equation', line, character, '1'],
      ['arithmetic/equation', line, character, '1'],
    ]);
    expect(found[0].message).toContain('（七）总计（27）应等于（一）至（六）各项之和（28）');
    expect(run.status).toBe(1);
  });

  it('--templates does the same without a configuration; --no-config turns the configuration off', () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'nianbao-noconfig-'));
    writeFileSync(path.join(elsewhere, 'clean.md'), report);
    const plain = JSON.parse(runCli(['validate', 'clean.md', '--format', 'json'], { cwd: elsewhere }).stdout) as JsonRun;
    expect(plain.files[0].template?.id).toBe('gov-disclosure-2021');
    const added = JSON.parse(runCli(['validate', 'clean.md', '--format', 'json', '--templates', example], { cwd: elsewhere }).stdout) as JsonRun;
    expect(added.files[0].template?.id).toBe('example-next-revision');
    const off = JSON.parse(runCli(['validate', 'reports/2025/clean.md', '--format', 'json', '--no-config'], { cwd: project }).stdout) as JsonRun;
    expect(off.files[0].template?.id).toBe('gov-disclosure-2021');
  });

  it('nianbao templates shows where each template came from and the years supersedes closed', () => {
    const list = JSON.parse(runCli(['templates', '--format', 'json'], { cwd: project }).stdout) as Array<{ id: string; years: unknown; origin: unknown }>;
    expect(list.map((t) => [t.id, t.origin])).toEqual([
      ['gov-disclosure-2019', { kind: 'builtin', file: 'grammars/gov-disclosure-2019.nbt' }],
      ['gov-disclosure-2021', { kind: 'builtin', file: 'grammars/gov-disclosure-2021.nbt' }],
      ['gov-disclosure-pre2019', { kind: 'builtin', file: 'grammars/gov-disclosure-pre2019.nbt' }],
      ['example-next-revision', { kind: 'config', file: path.join('templates', 'next-revision.nbt'), config: 'nianbao.config.json' }],
    ]);
    expect(list[1].years).toEqual({ from: 2021, to: 2024 });
    expect(runCli(['templates'], { cwd: project }).stdout).toContain('[配置 nianbao.config.json: templates/next-revision.nbt]');
  });

  it('check-template passes the example, and new on it gives a skeleton that validates clean', () => {
    const check = runCli(['check-template', 'grammars/examples/next-revision.nbt']);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('模板无错误（example-next-revision）');
    const skeleton = runCli(['new', '--template', 'grammars/examples/next-revision.nbt', '--year', '2025']);
    expect(skeleton.status).toBe(0);
    writeFileSync(path.join(project, 'reports', 'skeleton.md'), skeleton.stdout);
    const run = JSON.parse(runCli(['validate', 'reports/skeleton.md', '--format', 'json'], { cwd: project }).stdout) as JsonRun;
    expect(run.files[0].template?.id).toBe('example-next-revision');
    expect(run.files[0].diagnostics).toEqual([]);
  });

  it('reports an inherited part broken by a patch in the base file, and a broken project template once on stderr', () => {
    const broken = path.join(project, 'broken-patch.nbt');
    writeFileSync(broken, 'template broken-patch extends gov-disclosure-2021 {\n    years 2030 onward\n    remove columns in t4 litigation.afterReview\n}\n');
    const run = runCli(['check-template', broken]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/grammars\/gov-disclosure-2021\.nbt:\d+:\d+ error \[unresolved-reference\] .*litigation\.afterReview\.total/u);
  });

  it('keeps the compiled project template in the cache: the next run gives the same output; --no-cache and NIANBAO_CACHE=0 leave it alone', () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'nianbao-cache-'));
    const entries = () => (existsSync(path.join(cache, 'template-ir')) ? readdirSync(path.join(cache, 'template-ir')) : []);
    const env = { NIANBAO_CACHE_DIR: cache };
    const args = ['validate', 'reports', '--format', 'json', '--jobs', '1'];
    const first = runCli(args, { cwd: project, env });
    expect(entries()).toHaveLength(1);
    const entry = path.join(cache, 'template-ir', entries()[0]);
    // An entry: a first line (what the entry is for), then the compiled template.
    const keptIr = () => JSON.parse(readFileSync(entry, 'utf8').split('\n')[1]).ir;
    expect(keptIr().id).toBe('example-next-revision');
    const second = runCli(args, { cwd: project, env });
    expect(second).toEqual(first);
    expect(first.status).toBe(1);

    // A corrupt entry is ignored: the same output, and the entry is written again.
    writeFileSync(entry, '{"format": 3, "ir": ');
    expect(runCli(args, { cwd: project, env })).toEqual(first);
    expect(keptIr().id).toBe('example-next-revision');

    rmSync(path.join(cache, 'template-ir'), { recursive: true });
    expect(runCli([...args, '--no-cache'], { cwd: project, env })).toEqual(first);
    expect(runCli(args, { cwd: project, env: { ...env, NIANBAO_CACHE: '0' } })).toEqual(first);
    expect(entries()).toEqual([]);
    rmSync(cache, { recursive: true, force: true });
  });

  it('a changed base template is not hidden by the cache of the template that extends it', () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'nianbao-cache-'));
    const root = mkdtempSync(path.join(tmpdir(), 'nianbao-chain-'));
    mkdirSync(path.join(root, 'templates'));
    copyFileSync(example, path.join(root, 'templates', 'next-revision.nbt'));
    writeFileSync(
      path.join(root, 'templates', 'province.nbt'),
      'template province-2026 extends example-next-revision {\n    title "某省格式"\n    years 2026 onward\n    supersedes example-next-revision\n}\n',
    );
    writeFileSync(path.join(root, 'nianbao.config.json'), JSON.stringify({ templates: ['templates'] }));
    const listed = () =>
      JSON.parse(runCli(['templates', '--format', 'json'], { cwd: root, env: { NIANBAO_CACHE_DIR: cache } }).stdout) as Array<{ id: string; notice: string }>;
    const noticeOf = (rows: Array<{ id: string; notice: string }>, id: string) => rows.find((row) => row.id === id)?.notice;
    const before = listed();
    expect(noticeOf(before, 'province-2026')).toBe(noticeOf(before, 'example-next-revision'));
    expect(readdirSync(path.join(cache, 'template-ir'))).toHaveLength(2);
    expect(listed()).toEqual(before);
    // The base changes its notice, which the province template inherits.
    const base = readFileSync(example, 'utf8');
    writeFileSync(path.join(root, 'templates', 'next-revision.nbt'), base.replace(/notice\s+"[^"]*"/, 'notice "国办公开办函〔2099〕1号"'));
    const after = listed();
    expect(noticeOf(after, 'example-next-revision')).toBe('国办公开办函〔2099〕1号');
    expect(noticeOf(after, 'province-2026')).toBe('国办公开办函〔2099〕1号');
    for (const directory of [cache, root]) rmSync(directory, { recursive: true, force: true });
  });
});
