import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/outcome/index.js';
import { repoRoot, runCli, seedNames, seedPath, seedsDir } from '../helpers/run-cli.js';

interface JsonReport {
  version: number;
  files: Array<FileResult & { fix?: { applied: number; skipped?: string } }>;
  summary: { files: number; errors: number; warnings: number; infos: number; fixedFiles?: number; fixes?: number };
}
const parse = (stdout: string) => JSON.parse(stdout) as JsonReport;
/** The findings without the path, to compare runs of the same text from different places. */
const findings = (file: FileResult) => JSON.stringify({ ...file, path: undefined, source: { ...file.source, encoding: undefined } });

let temp: string;
beforeAll(() => {
  temp = mkdtempSync(path.join(tmpdir(), 'nianbao-cli-'));
});

describe('inputs', () => {
  it('reads standard input (-) like a file', () => {
    const fromFile = parse(runCli(['validate', seedPath(3), '--format', 'json']).stdout).files[0];
    const run = runCli(['validate', '-', '--format', 'json'], { input: readFileSync(path.join(seedsDir, seedNames[3])) });
    expect(run.status).toBe(1);
    const fromStdin = parse(run.stdout).files[0];
    expect(fromStdin.path).toBe('<stdin>');
    expect(findings(fromStdin)).toBe(findings(fromFile));
  });

  it('expands a glob, in sorted order', () => {
    const run = runCli(['validate', 'examples/seeds/00[34]_*.txt', '--format', 'json']);
    expect(run.status).toBe(1);
    expect(parse(run.stdout).files.map((f) => f.path)).toEqual([seedPath(3), seedPath(4)]);
  });

  it('walks a directory; worker threads give the same output as one thread', () => {
    const one = runCli(['validate', 'examples/seeds', '--format', 'json', '--jobs', '1']);
    const two = runCli(['validate', 'examples/seeds', '--format', 'json', '--jobs', '2']);
    expect(one.status).toBe(1);
    const report = parse(one.stdout);
    expect(report.files.map((f) => f.path)).toEqual(seedNames.map((_, i) => seedPath(i)));
    expect(report.summary.files).toBe(5);
    expect(two.stdout).toBe(one.stdout);
    expect(two.status).toBe(one.status);
  });

  it('a folder of many reports with --jobs 2 (workers started before the command line loads) gives the output of one thread', () => {
    const many = mkdtempSync(path.join(temp, 'many-'));
    // Enough entries for the launcher to start the workers early (earlyStartEntriesPerJob per job).
    for (let i = 0; i < 40; i++) copyFileSync(path.join(seedsDir, seedNames[i % seedNames.length]), path.join(many, `${String(i).padStart(2, '0')}.txt`));
    const one = runCli(['validate', many, '--format', 'json', '--jobs', '1']);
    const two = runCli(['validate', many, '--format', 'json', '--jobs', '2']);
    expect(parse(one.stdout).summary.files).toBe(40);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(two.status).toBe(one.status);
  });

  it('finds the same in a GB18030 copy as in the UTF-8 original', () => {
    const gbFile = path.join(temp, 'seed-003-gb18030.txt');
    const converted = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', path.join(seedsDir, seedNames[3])]);
    expect(converted.status).toBe(0);
    writeFileSync(gbFile, converted.stdout);
    expect(readFileSync(gbFile).equals(readFileSync(path.join(seedsDir, seedNames[3])))).toBe(false);
    const utf8 = parse(runCli(['validate', seedPath(3), '--format', 'json']).stdout).files[0];
    const gb = parse(runCli(['validate', gbFile, '--format', 'json']).stdout).files[0];
    expect(gb.diagnostics.length).toBeGreaterThan(0);
    expect(gb.source).toEqual({ reader: 'txt', encoding: 'gb18030' });
    expect(findings(gb)).toBe(findings(utf8));
  });
});

describe('exit codes and failures', () => {
  const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

  it('exit 2 with one line for a missing file', () => {
    const run = runCli(['validate', 'no/such/report.txt']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('no/such/report.txt');
    noStackTrace(run.stderr);
  });

  it('exit 2 with a clear message for a binary file, and the other files still checked', () => {
    const binary = path.join(temp, 'image.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
    const run = runCli(['validate', binary, seedPath(0), '--format', 'json']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('image.txt');
    noStackTrace(run.stderr);
    expect(parse(run.stdout).files.map((f) => f.path)).toEqual([seedPath(0)]);
  });

  it('exit 2 for usage errors: unknown template, unknown option, bad format, bad number', () => {
    for (const args of [
      ['validate', seedPath(0), '--template', 'no-such-template'],
      ['validate', seedPath(0), '--bogus'],
      ['validate', seedPath(0), '--format', 'xml'],
      ['validate', seedPath(0), '--max-warnings', 'many'],
      ['validate', seedPath(0), '--locale', 'fr'],
      ['frobnicate'],
    ]) {
      const run = runCli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n').length, args.join(' ')).toBeLessThanOrEqual(2);
      noStackTrace(run.stderr);
    }
  });

  it('--max-warnings turns warnings into exit 1; --quiet shows errors only', () => {
    expect(runCli(['validate', seedPath(0), '--max-warnings', '0']).status).toBe(1);
    expect(runCli(['validate', seedPath(0), '--max-warnings', '1000']).status).toBe(0);
    const quiet = parse(runCli(['validate', seedPath(3), '--quiet', '--format', 'json']).stdout);
    expect(quiet.files[0].diagnostics.length).toBeGreaterThan(0);
    expect(quiet.files[0].diagnostics.every((d) => d.severity === 'error')).toBe(true);
    expect(quiet.summary.warnings).toBe(0);
  });

  it('--template with an id or a .nbt file checks against that template', () => {
    const byId = runCli(['validate', seedPath(0), '--template', 'gov-disclosure-2019', '--format', 'json']);
    expect(parse(byId.stdout).files[0].template).toEqual({ id: 'gov-disclosure-2019', confidence: expect.any(Number) });
    const byFile = runCli(['validate', seedPath(0), '--template', 'grammars/gov-disclosure-2019.nbt', '--format', 'json']);
    expect(byFile.status).toBe(byId.status);
    expect(parse(byFile.stdout).files[0].diagnostics).toEqual(parse(byId.stdout).files[0].diagnostics);
  });

  it('speaks English with --locale en', () => {
    const run = runCli(['validate', seedPath(3), '--locale', 'en']);
    expect(run.stdout).toMatch(/✖ \d+ problems \(\d+ errors?, \d+ warnings?/);
    expect(run.stdout).toContain('error');
  });
});

describe('--fix', () => {
  it('fixes the （七）总计 totals of a copy of seed 003 in place, and the arithmetic errors are gone', () => {
    const copy = path.join(temp, 'seed-003.txt');
    copyFileSync(path.join(seedsDir, seedNames[3]), copy);
    const before = readFileSync(copy, 'utf8');
    const run = runCli(['validate', copy, '--fix', '--format', 'json']);
    const after = readFileSync(copy, 'utf8');
    expect(after).not.toBe(before);
    const changed = before.split('\n').map((line, i) => [line, after.split('\n')[i]]).filter(([a, b]) => a !== b);
    expect(changed.length).toBe(2);
    for (const [was, is] of changed) {
      expect(was.trim()).toBe('0');
      expect(is.trim()).toBe('2');
    }
    const report = parse(run.stdout);
    expect(report.files[0].diagnostics.filter((d) => d.code === 'arithmetic/equation')).toEqual([]);
    // The output says what was written, for scripts that run --fix over many files.
    expect(report.files[0].fix).toEqual({ applied: 1 }); // one fix, two cells
    expect(report.summary).toMatchObject({ files: 1, fixedFiles: 1, fixes: 1 });
    const again = parse(runCli(['validate', copy, '--format', 'json']).stdout);
    expect(again.files[0].diagnostics.filter((d) => d.code === 'arithmetic/equation')).toEqual([]);
    expect(again.files[0].diagnostics.filter((d) => d.code === 'structure/section-missing')).toHaveLength(2);
  });

  it('deletes the Pinyin of seed 001 and leaves a .html untouched with a note', () => {
    const copy = path.join(temp, 'seed-001.md');
    copyFileSync(path.join(seedsDir, seedNames[1]), copy);
    runCli(['validate', copy, '--fix']);
    const fixed = readFileSync(copy, 'utf8');
    expect(fixed).not.toMatch(/\((?:guī|fā)\)/);
    expect(parse(runCli(['validate', copy, '--format', 'json']).stdout).files[0].diagnostics.filter((d) => d.code === 'quality/pinyin')).toEqual([]);

    const html = path.join(temp, 'seed-001.html');
    const text = readFileSync(path.join(seedsDir, seedNames[1]), 'utf8');
    const page = `<html><body>${text.split('\n').map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('')}</body></html>`;
    writeFileSync(html, page);
    const run = runCli(['validate', html, '--fix']);
    expect(readFileSync(html, 'utf8')).toBe(page);
    expect(run.stderr).toContain('.html');
  });

  it('refuses standard input', () => {
    const run = runCli(['validate', '-', '--fix'], { input: 'x' });
    expect(run.status).toBe(2);
  });
});

describe('new', () => {
  for (const id of ['gov-disclosure-2019', 'gov-disclosure-2021', 'gov-disclosure-pre2019']) {
    it(`prints a skeleton of ${id} that validates with no error`, () => {
      const made = runCli(['new', '--template', id, '--agency', '某某市某某局']);
      expect(made.status).toBe(0);
      expect(made.stdout).toContain('某某市某某局');
      const file = path.join(temp, `${id}.md`);
      writeFileSync(file, made.stdout);
      const run = runCli(['validate', file, '--format', 'json']);
      const report = parse(run.stdout);
      expect(report.files[0].template?.id).toBe(id);
      expect(report.files[0].diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(run.status).toBe(0);
    });
  }

  it('takes a year and refuses an unknown template', () => {
    expect(runCli(['new', '--template', 'gov-disclosure-2021', '--year', '2024']).stdout).toContain('2024年');
    expect(runCli(['new', '--template', 'nope']).status).toBe(2);
  });
});

describe('extract', () => {
  it('writes the tables of seed 003 as JSON with cell ids, template labels, values and ranges', () => {
    const run = runCli(['extract', seedPath(3), '--format', 'json']);
    expect(run.status).toBe(0);
    const extracted = JSON.parse(run.stdout);
    expect(Object.keys(extracted)).toEqual(['template', 'report', 'source', 'tables']);
    expect(extracted.source).toEqual({ reader: 'txt', encoding: 'utf-8' });
    expect(extracted.template).toBe('gov-disclosure-2019');
    expect(extracted.report.year).toBe(2020);
    const cells = extracted.tables.flatMap((t: { rows: Array<{ cells: unknown[] }> }) => t.rows.flatMap((r) => r.cells));
    expect(cells.length).toBeGreaterThan(150);
    const first = cells[0];
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['id', 'column', 'raw', 'value', 'state', 'range']));
    expect(Object.keys(first.column)).toEqual(['id', 'label']);
    const approximate = cells.find((c: { raw: string }) => c.raw === '19万');
    expect(approximate).toMatchObject({ state: 'approximate' });
    const numbers = cells.filter((c: { state: string }) => c.state === 'number');
    expect(numbers.every((c: { value: unknown; range: unknown }) => typeof c.value === 'number' && c.range !== null)).toBe(true);
    expect(cells.some((c: { raw: string; value: number }) => c.raw === '9728' && c.value === 9728)).toBe(true);
  });

  it('writes CSV with a BOM, a header and one row per cell', () => {
    const json = JSON.parse(runCli(['extract', seedPath(3)]).stdout);
    const cellCount = json.tables.reduce((n: number, t: { rows: Array<{ cells: unknown[] }> }) => n + t.rows.reduce((m, r) => m + r.cells.length, 0), 0);
    const run = runCli(['extract', seedPath(3), '--format', 'csv']);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('\uFEFFtable,table_label,row,row_label,column,column_label,cell,raw,value,state,unit,line,character,row_confidence\r\n')).toBe(true);
    expect(run.stdout.slice(1).trimEnd().split('\r\n')).toHaveLength(cellCount + 1);
    // Every row of seed 003 was read with certainty: its labels and one number per column.
    expect(json.tables.flatMap((t: { rows: Array<{ confidence?: string }> }) => t.rows.map((r) => r.confidence)).every((c: string) => c === 'exact')).toBe(true);
    expect(run.stdout).toContain(',exact\r\n');
  });

  it('exit 2 for a missing file', () => {
    expect(runCli(['extract', 'nope.txt']).status).toBe(2);
  });
});

describe('templates and check-template', () => {
  it('lists the built-in templates', () => {
    const run = runCli(['templates', '--format', 'json']);
    expect(run.status).toBe(0);
    const list = JSON.parse(run.stdout);
    expect(list.map((t: { id: string }) => t.id)).toEqual(['gov-disclosure-2019', 'gov-disclosure-2021', 'gov-disclosure-pre2019']);
    expect(list[1]).toMatchObject({ notice: expect.stringContaining('2021'), years: { from: 2021, to: null } });
    const pretty = runCli(['templates']);
    expect(pretty.stdout).toContain('gov-disclosure-2019');
    expect(pretty.stdout).toContain('国办公开办函〔2019〕60号');
  });

  it('checks a template: clean → exit 0, broken → exit 1 with file:line:column', () => {
    const ok = runCli(['check-template', 'grammars/gov-disclosure-2021.nbt']);
    expect(ok.status).toBe(0);
    const broken = path.join(temp, 'broken.nbt');
    writeFileSync(broken, readFileSync(path.join(repoRoot, 'grammars/gov-disclosure-2021.nbt'), 'utf8').replace(/\}\s*$/, ''));
    const run = runCli(['check-template', broken]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/broken\.nbt:\d+:\d+ error/);
    expect(runCli(['check-template', 'nope.nbt']).status).toBe(2);
  });

  it('words check-template findings in Chinese by default and in English with --locale en', () => {
    const broken = path.join(temp, 'duplicate.nbt');
    const official = readFileSync(path.join(repoRoot, 'grammars/gov-disclosure-2021.nbt'), 'utf8');
    expect(official).toContain('    years 2021 onward\n');
    writeFileSync(broken, official.replace('    years 2021 onward\n', '    years 2021 onward\n    years 2022 onward\n'));
    const zh = runCli(['check-template', broken]);
    const en = runCli(['check-template', broken, '--locale', 'en']);
    const fromEnv = runCli(['check-template', broken], { env: { NIANBAO_LOCALE: 'en' } });
    expect(zh.status).toBe(1);
    expect(en.status).toBe(1);
    expect(zh.stdout).toMatch(/duplicate\.nbt:\d+:\d+ error \[duplicate-header\] “years”声明重复。/u);
    expect(en.stdout).toMatch(/duplicate\.nbt:\d+:\d+ error \[duplicate-header\] The "years" declaration is repeated\./u);
    expect(fromEnv.stdout).toBe(en.stdout);
    expect(en.stdout).not.toMatch(/\p{Script=Han}/u);
  });

  it('a broken template given to validate is a usage failure (exit 2)', () => {
    const broken = path.join(temp, 'broken2.nbt');
    writeFileSync(broken, 'template {');
    const run = runCli(['validate', seedPath(0), '--template', broken]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('broken2.nbt');
  });
});

describe('--fix keeps the encoding', () => {
  it('fixes a GB18030 copy of seed 003 byte for byte: only the two digits change', () => {
    const gbFile = path.join(temp, 'seed-003-fix-gb18030.txt');
    const converted = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', path.join(seedsDir, seedNames[3])]);
    writeFileSync(gbFile, converted.stdout);
    const before = readFileSync(gbFile);
    runCli(['validate', gbFile, '--fix']);
    const after = readFileSync(gbFile);
    expect(after.length).toBe(before.length);
    const changed = [...after].map((byte, i) => [i, before[i], byte]).filter(([, was, is]) => was !== is);
    expect(changed.map(([, was, is]) => [String.fromCharCode(was), String.fromCharCode(is)])).toEqual([['0', '2'], ['0', '2']]);
    const again = parse(runCli(['validate', gbFile, '--format', 'json']).stdout);
    expect(again.files[0].diagnostics.filter((d) => d.code === 'arithmetic/equation')).toEqual([]);
  });

  it('keeps the findings of a GB18030 file with a broken four-byte sequence, and says its fixes were not written', () => {
    // Node's GB18030 decoder reads 0x81 0x30 then a letter as U+FFFD in a whole text, but throws when fed it
    // a byte at a time: --fix once failed such a file as unreadable (exit 2), its findings lost.
    const converted = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', path.join(seedsDir, seedNames[3])]);
    const firstLine = converted.stdout.indexOf(0x0a) + 1;
    const broken = Buffer.concat([converted.stdout.subarray(0, firstLine), Buffer.from([0x81, 0x30, 0x41, 0x0a]), converted.stdout.subarray(firstLine)]);
    const gbFile = path.join(temp, 'seed-003-fix-broken-gb18030.txt');
    writeFileSync(gbFile, broken);
    const checked = parse(runCli(['validate', gbFile, '--format', 'json']).stdout).files[0];
    expect(checked.diagnostics.some((d) => d.code === 'arithmetic/equation')).toBe(true);
    const fixing = runCli(['validate', gbFile, '--format', 'json', '--fix']);
    expect(fixing.status).toBe(1);
    expect(parse(fixing.stdout).files[0].diagnostics).toEqual(checked.diagnostics);
    expect(fixing.stderr).toContain('seed-003-fix-broken-gb18030.txt');
    expect(parse(fixing.stdout).files[0].fix).toMatchObject({ applied: 0, skipped: expect.stringContaining('seed-003-fix-broken-gb18030.txt') });
    expect(parse(fixing.stdout).summary).toMatchObject({ fixedFiles: 0, fixes: 0 });
    expect(readFileSync(gbFile).equals(broken)).toBe(true);
  });
});
