import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedReport, ReportSource } from '../../src/model/report.js';
import { normalizeText } from '../../src/normalize/index.js';
import { detectTemplate } from '../../src/detect/index.js';
import { parseReport } from '../../src/parse/index.js';
import { builtinTemplates } from '../../src/templates/index.js';
import { examplePath } from './seed-helpers.js';

/**
 * The parser on damaged input: random edits of the seed reports (lines deleted, inserted, duplicated,
 * random characters) never make it throw, every range stays inside the document, and the time grows
 * linearly with the size (a 10 MB input is read in seconds).
 */

const seeds = [
  '000_ef504471c9854329.txt',
  '001_58b691fd784472d5.txt',
  '002_f8f28e4c849350e4.txt',
  '003_136fd1d98cf7f7a0.txt',
  '004_94a1ddae1680c43d.txt',
].map((f) => readFileSync(examplePath(`seeds/${f}`), 'utf8'));

/**
 * CPU time of this thread in milliseconds: what the parser costs, not what other processes on a loaded
 * machine take from it (wall-clock bounds fail on a shared CI machine for reasons unrelated to the code).
 */
function cpuMs(): number {
  const usage = process.threadCpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Vitest's time limit for the timed tests: a guard against a hang only. What they assert is CPU time,
 * which other processes on a shared machine do not inflate; a wall-clock limit near the expected time
 * would fail them on a loaded machine however fast the parser is.
 */
const hangGuardMs = 600_000;

function parseAll(text: string): ParsedReport[] {
  const view = normalizeText(text);
  const source: ReportSource = { format: 'txt', encoding: 'utf-8', text };
  const detection = detectTemplate(view.text, builtinTemplates);
  const reports = builtinTemplates.map((t) => parseReport(view, source, t, detection));
  // The parser's defensive catch must never be what kept it from throwing.
  for (const report of reports) expect(report.parseFailure).toBeUndefined();
  return reports;
}

function expectInside(report: ParsedReport, length: number): void {
  const ranges = [
    report.info.titleRange,
    ...report.sections.flatMap((s) => [s.range, s.bodyRange, s.heading?.range]),
    ...report.tables.flatMap((t) => [
      t.range,
      ...t.notes.map((n) => n.range),
      ...t.rows.flatMap((r) => [r.labelRange, ...r.cells.map((c) => c.range)]),
    ]),
  ];
  for (const r of ranges) {
    if (!r) continue;
    expect(r.start).toBeGreaterThanOrEqual(0);
    expect(r.end).toBeGreaterThanOrEqual(r.start);
    expect(r.end).toBeLessThanOrEqual(length);
  }
  for (const t of report.tables) {
    for (const row of t.rows) {
      for (const c of row.cells) {
        if (c.state === 'na' || c.state === 'blank' || c.state === 'invalid' || c.state === 'text') expect(c.value).toBeNull();
        else expect(Number.isFinite(c.value)).toBe(true);
      }
    }
  }
}

type Edit =
  | { kind: 'delete'; line: number }
  | { kind: 'duplicate'; line: number }
  | { kind: 'insert'; line: number; text: string }
  | { kind: 'chars'; at: number; text: string }
  | { kind: 'cut'; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), line: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    line: fc.nat(),
    text: fc.oneof(
      fc.string(),
      fc.constantFrom('\t\t\t', ' | | ', '- 3 -', '0\t0\t0', '一、总体情况', '四、结转下年度继续办理', '（七）总计', '\u00a0'),
    ),
  }),
  fc.record({ kind: fc.constant('chars' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 6 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);

function apply(text: string, edits: Edit[]): string {
  for (const e of edits) {
    const lines = text.split('\n');
    switch (e.kind) {
      case 'delete':
        lines.splice(e.line % (lines.length || 1), 1);
        text = lines.join('\n');
        break;
      case 'duplicate': {
        const i = e.line % (lines.length || 1);
        lines.splice(i, 0, lines[i] ?? '');
        text = lines.join('\n');
        break;
      }
      case 'insert':
        lines.splice(e.line % (lines.length + 1), 0, e.text);
        text = lines.join('\n');
        break;
      case 'chars': {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.text + text.slice(at);
        break;
      }
      case 'cut':
        text = text.slice(0, e.at % (text.length + 1));
        break;
    }
  }
  return text;
}

describe('robustness', () => {
  it('never throws on random edits of the seeds, and keeps every range inside the text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(edit, { maxLength: 12 }), (seed, edits) => {
        const text = apply(seeds[seed], edits);
        for (const report of parseAll(text)) expectInside(report, text.length);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        for (const report of parseAll(text)) expectInside(report, text.length);
      }),
      { numRuns: 300 },
    );
  });

  it('grows linearly: 10 MB of seeds and noise is read in seconds', () => {
    const noise = (n: number): string => {
      let s = '';
      let x = 12345;
      for (let i = 0; i < n; i++) {
        x = (x * 1103515245 + 12345) >>> 0;
        s += '一二三四五六七八九十、（）0123456789\t|/ 总计其他结果规章\n'[x % 40];
      }
      return s;
    };
    const unit = seeds.join('\n') + noise(4000);
    const time = (copies: number): { ms: number; length: number } => {
      const text = unit.repeat(copies);
      const started = cpuMs();
      parseAll(text);
      return { ms: cpuMs() - started, length: text.length };
    };
    time(2);
    const small = time(50);
    const large = time(500);
    expect(large.length).toBeGreaterThan(10_000_000);
    expect(large.ms).toBeLessThan(20_000);
    // Ten times the input may cost at most ~25 times the time (linear, with slack for GC and noise).
    expect(large.ms / Math.max(small.ms, 1)).toBeLessThan(25);
  }, hangGuardMs);

  it('grows linearly when one table section spans megabytes of table-like noise', () => {
    const rows = seeds[2].split('\n').filter((l) => l.includes('\t')).join('\n');
    const body = (copies: number): string =>
      `三、收到和处理政府信息公开申请情况\n${(rows + '\n- 3 -\n结果维持\t0\t0\n\u00a0\n').repeat(copies)}四、政府信息公开行政复议、行政诉讼情况\n`;
    const time = (copies: number): { ms: number; length: number } => {
      const text = body(copies);
      const started = cpuMs();
      parseAll(text);
      return { ms: cpuMs() - started, length: text.length };
    };
    time(5);
    const small = time(500);
    const large = time(5000);
    expect(large.length).toBeGreaterThan(5_000_000);
    expect(large.ms).toBeLessThan(60_000);
    console.log(JSON.stringify({ chars: large.length, ms: Math.round(large.ms), smallMs: Math.round(small.ms) }));
    expect(large.ms / Math.max(small.ms, 1)).toBeLessThan(25);
  }, hangGuardMs);
});

describe('parser failure', () => {
  it('is caught and named, not thrown, when the parser fails internally', () => {
    const text = '示例局2024年政府信息公开工作年度报告\n一、总体情况\n';
    const source: ReportSource = { format: 'txt', encoding: 'utf-8', text };
    const broken = { text, toOriginal: (): number => { throw new Error('view broken'); } };
    const report = parseReport(broken, source, builtinTemplates[0]);
    expect(report.parseFailure).toBe('view broken');
    expect(report.sections.every((s) => s.match === 'missing')).toBe(true);
  });
});
