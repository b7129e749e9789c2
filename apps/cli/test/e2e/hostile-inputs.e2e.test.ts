import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deeplyNestedPage, oneLineReport, repeatedOneLineReport, zipBomb } from '../helpers/hostile-inputs.js';
import { repoRoot, runCli, seedNames, seedsDir, type CliRun } from '../helpers/run-cli.js';

/**
 * Issue 12's "must show", through the built CLI as a user runs it: a 1 MB report on one line, a page
 * nesting its tags 10⁵ deep and a .docx inflating to a gigabyte each get a clear result within 2 s of
 * the CLI process's CPU time (all its threads, start-up included; CPU time rather than the clock, so
 * that a loaded machine cannot fail it). Before issue 12 they took 21 s, 15 s (then "internal error:
 * Maximum call stack size exceeded") and 15 s with 3.3 GB.
 */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nianbao-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Records the process's CPU time (user + system, every thread) in a file when it exits. */
const recordCpu = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs';" +
    "process.on('exit', () => { const u = process.cpuUsage(); writeFileSync(process.env.NIANBAO_TEST_CPU_FILE, String((u.user + u.system) / 1000)); });",
)}`;

/** Runs `nianbao validate` on `file` and returns the run and its CPU time in milliseconds. */
function validate(file: string, locale: 'zh-CN' | 'en', format = 'pretty', more: string[] = []): CliRun & { cpuMs: number } {
  const cpuFile = path.join(dir, 'cpu.txt');
  rmSync(cpuFile, { force: true });
  const run = runCli(['validate', file, '--format', format, ...more], {
    nodeOptions: [`--import=${recordCpu}`],
    env: { NIANBAO_LOCALE: locale, NIANBAO_TEST_CPU_FILE: cpuFile },
  });
  return { ...run, cpuMs: Number(readFileSync(cpuFile, 'utf8')) };
}

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('hostile inputs through the CLI, each within 2 s of CPU', () => {
  it('checks a 1 MB report on one line', () => {
    const file = write('one-line.txt', oneLineReport());
    expect(readFileSync(file).length).toBeGreaterThan(1_000_000);
    const run = validate(file, 'en', 'json');
    console.log(JSON.stringify({ input: 'one-line 1 MB', cpuMs: Math.round(run.cpuMs) }));
    expect(run.stderr).toBe('');
    const outcome = JSON.parse(run.stdout) as { files: Array<{ template: { id: string }; report: { year: number }; diagnostics: Array<{ code: string }> }> };
    const [report] = outcome.files;
    // Read as the report it is: its template and year found, every table and row where it belongs.
    expect(report.template.id).toBe('gov-disclosure-2021');
    expect(report.report.year).toBe(2022);
    expect(report.diagnostics.filter((d) => d.code.startsWith('structure/') || d.code.startsWith('arithmetic/'))).toEqual([]);
    expect(run.cpuMs).toBeLessThan(2000);
  });

  it('checks a real report repeated on one line to 1 MB, with code frames (once 3.7 s in JSON and 8.4 s in the human output)', () => {
    const file = write('repeated-one-line.txt', repeatedOneLineReport(1_000_000));
    for (const format of ['json', 'pretty']) {
      const run = validate(file, 'zh-CN', format);
      console.log(JSON.stringify({ input: 'a report repeated on one line, 1 MB', format, cpuMs: Math.round(run.cpuMs) }));
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      if (format === 'pretty') {
        // Each finding's code frame shows the part of the megabyte line around it, within the terminal.
        const frames = run.stdout.split('\n').filter((line) => line.includes('│'));
        expect(frames.length).toBeGreaterThan(0);
        expect(Math.max(...frames.map((line) => line.length))).toBeLessThan(240);
      }
      expect(run.cpuMs).toBeLessThan(2000);
    }
  });

  it('refuses a page nesting its tags 100,000 deep, in the user’s words', () => {
    const file = write('deep.html', deeplyNestedPage(100_000));
    for (const locale of ['zh-CN', 'en'] as const) {
      const run = validate(file, locale);
      console.log(JSON.stringify({ input: 'nesting 1e5', locale, cpuMs: Math.round(run.cpuMs) }));
      expect(run.status).toBe(2);
      expect(run.stderr.split('\n')[0]).toContain(locale === 'en' ? 'nests its tags more than 5000 levels deep' : '嵌套超过 5000 层');
      expect(run.stderr).not.toMatch(/internal|stack/i);
      expect(run.cpuMs).toBeLessThan(2000);
    }
  });

  it('refuses a .docx whose document inflates to a gigabyte, in the user’s words', () => {
    const bomb = zipBomb(1024);
    expect(bomb.length).toBeLessThan(1_200_000);
    const file = write('bomb.docx', bomb);
    for (const locale of ['zh-CN', 'en'] as const) {
      const run = validate(file, locale);
      console.log(JSON.stringify({ input: 'zip bomb 1 GB', locale, cpuMs: Math.round(run.cpuMs) }));
      expect(run.status).toBe(2);
      expect(run.stderr.split('\n')[0]).toContain(locale === 'en' ? 'too large once uncompressed' : '解压后过大');
      expect(run.cpuMs).toBeLessThan(2000);
    }
  });

  it('refuses the same .docx when its archive declares the document 100 bytes long', () => {
    const file = write('lying-bomb.docx', declareSmall(zipBomb(1024)));
    const run = validate(file, 'en');
    console.log(JSON.stringify({ input: 'zip bomb 1 GB, sizes lie', cpuMs: Math.round(run.cpuMs) }));
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toContain('too large once uncompressed');
    expect(run.cpuMs).toBeLessThan(2000);
  });

  it('checks a report with a 50,000-digit run against a template whose pattern backtracks catastrophically', () => {
    // The current format with one more rule: a pattern with nested quantifiers that a backtracking
    // engine needs 2^50000 steps for on this report; check-template accepts it, since templates run on
    // a linear-time engine.
    const official = readFileSync(path.join(repoRoot, 'grammars/gov-disclosure-2021.nbt'), 'utf8');
    const rule = `    rule F9 warning {
        title "回溯" en "Backtracking"
        message "出现了编号。" en "A number."
        forbid /(?:[0-9]+)+x/ in overview
    }
}
`;
    const hostile = official.replace('template gov-disclosure-2021 {', 'template hostile-patterns {').replace(/\}\s*$/u, rule);
    const template = write('hostile.nbt', hostile);
    expect(runCli(['check-template', template]).status).toBe(0);
    const seed = readFileSync(path.join(seedsDir, seedNames[3]), 'utf8');
    const report = write('digits.txt', seed.replace('一、总体情况', `一、总体情况\n编号${'1'.repeat(50_000)}y\n`));
    const run = validate(report, 'en', 'json', ['--template', template]);
    console.log(JSON.stringify({ input: 'backtracking template pattern', cpuMs: Math.round(run.cpuMs) }));
    const outcome = JSON.parse(run.stdout) as { files: Array<{ template: { id: string }; diagnostics: Array<{ code: string; message: string }> }> };
    expect(outcome.files[0].template.id).toBe('hostile-patterns');
    // Checked in full (the seed's own arithmetic errors found), the pattern not matching.
    expect(outcome.files[0].diagnostics.some((d) => d.code === 'arithmetic/equation')).toBe(true);
    expect(outcome.files[0].diagnostics.some((d) => isF9(d))).toBe(false);
    expect(run.cpuMs).toBeLessThan(2000);
    // The rule is in force: where the pattern matches, it reports.
    const control = write('control.txt', seed.replace('一、总体情况', '一、总体情况\n编号12x\n'));
    const found = JSON.parse(validate(control, 'en', 'json', ['--template', template]).stdout) as typeof outcome;
    expect(found.files[0].diagnostics.some((d) => isF9(d))).toBe(true);
  });
});

/** The finding of the hostile template's rule F9 (English messages). */
const isF9 = (d: { code: string; message: string }): boolean => d.code === 'text/forbidden' && d.message === 'A number.';

/** Rewrites the uncompressed size every entry declares (central directory and local headers) to 100. */
function declareSmall(bytes: Uint8Array): Uint8Array {
  const out = Buffer.from(bytes);
  let at = out.readUInt32LE(out.length - 6); // the central directory's offset, from its end record
  while (at + 46 <= out.length && out.readUInt32LE(at) === 0x02014b50) {
    out.writeUInt32LE(100, at + 24);
    out.writeUInt32LE(100, out.readUInt32LE(at + 42) + 22);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return new Uint8Array(out);
}
