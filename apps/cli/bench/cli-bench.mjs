// Benchmark of the built `nianbao` CLI; prints one JSON line on stdout.
//   cold start: wall time of `nianbao validate <one seed> --format json`, median of 10 runs (target ≤ 300 ms);
//   throughput: `nianbao validate <dir> --jobs 2 --format json` over 10,000 generated reports
//               (target ≥ 1,000 reports/s), with the peak resident memory of the process (/usr/bin/time -v).
// The reports are made with the core's renderSkeleton from the built-in templates, filled with random
// numbers that satisfy every equation of the template, ~5% with one cell broken, in two layouts
// (Markdown pipe tables, and TAB-separated text). Options: --reports N, --jobs N, --keep.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'apps/cli/dist/bin.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const reportCount = option('--reports', 10_000);
const jobs = option('--jobs', 2);

if (!existsSync(bin)) {
  process.stderr.write(`${bin} is missing: build first (npm run build)\n`);
  process.exit(1);
}
const { builtinTemplates, renderSkeleton } = await import('@nianbao/core');

// ── cold start ─────────────────────────────────────────────────────────────────────────────────────
const seed = path.join(root, 'examples/seeds/003_136fd1d98cf7f7a0.txt');
const coldRuns = [];
for (let i = 0; i < 11; i++) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [bin, 'validate', seed, '--format', 'json'], { stdio: 'ignore' });
  const wall = performance.now() - started;
  if (run.status === 2 || run.status === null) throw new Error(`cold-start run failed (exit ${run.status})`);
  if (i > 0) coldRuns.push(wall); // the first run only warms the file cache
}
coldRuns.sort((a, b) => a - b);
const coldStartMs = (coldRuns[4] + coldRuns[5]) / 2;

// ── generated reports ──────────────────────────────────────────────────────────────────────────────
let state = 0x9e3779b9;
/** A small deterministic PRNG (mulberry32), so runs are comparable. */
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const randomInt = (max) => Math.floor(random() * (max + 1));

/**
 * Cell values satisfying every equation of the template: unknowns are set at random until some
 * equation has a single unknown left, which is then solved; an attempt that yields a negative or
 * fractional count, or breaks an (in)equation, is thrown away.
 */
function consistentValues(template) {
  const equations = template.rules.filter((rule) => rule.kind === 'arithmetic').flatMap((rule) => rule.equations);
  const equalities = equations.filter((equation) => equation.op === '=');
  const inEquations = [...new Set(equations.flatMap((e) => [...e.lhs, ...e.rhs].map((term) => term.cell)))];
  for (let attempt = 0; attempt < 200; attempt++) {
    const values = new Map();
    let failed = false;
    while (!failed && values.size < inEquations.length) {
      let solved = false;
      for (const equation of equalities) {
        const terms = [...equation.lhs.map((t) => [t, 1]), ...equation.rhs.map((t) => [t, -1])];
        const unknown = terms.filter(([t]) => !values.has(t.cell));
        if (unknown.length !== 1) continue;
        const [[term, side]] = unknown;
        const rest = terms.reduce((sum, [t, s]) => (values.has(t.cell) ? sum + s * t.coef * values.get(t.cell) : sum), 0);
        const value = -rest / (side * term.coef);
        if (!Number.isInteger(value) || value < 0) {
          failed = true;
          break;
        }
        values.set(term.cell, value);
        solved = true;
      }
      if (failed || solved) continue;
      const open = inEquations.filter((cell) => !values.has(cell));
      values.set(open[randomInt(open.length - 1)], randomInt(random() < 0.6 ? 0 : 12));
    }
    if (failed) continue;
    const holds = (e) => {
      const sum = (terms) => terms.reduce((s, t) => s + t.coef * values.get(t.cell), 0);
      const [l, r] = [sum(e.lhs), sum(e.rhs)];
      return { '=': l === r, '<=': l <= r, '>=': l >= r, '<': l < r, '>': l > r }[e.op];
    };
    if (equations.every(holds)) return { values, inEquations };
  }
  return { values: new Map(), inEquations };
}

function cellText(type, value) {
  switch (type.kind) {
    case 'count':
      return String(value ?? randomInt(500));
    case 'integer':
      return String(value ?? randomInt(200) - 100);
    case 'decimal':
      return (random() * 1000).toFixed(2);
    case 'money':
      return (random() * 5000).toFixed(2) + (type.unitRequired ? type.unit : '');
  }
  return '0';
}

/** The Markdown pipe tables rewritten as TAB-separated rows (another common layout). */
function tabSeparated(markdown) {
  return markdown
    .split('\n')
    .filter((line) => !/^\|(?:\s*---\s*\|)+$/.test(line))
    .map((line) => (line.startsWith('| ') ? line.slice(2, -2).split(' | ').join('\t') : line))
    .join('\n');
}

const directory = mkdtempSync(path.join(tmpdir(), 'nianbao-bench-'));
let injected = 0;
const generateStarted = performance.now();
for (let i = 0; i < reportCount; i++) {
  const template = builtinTemplates[i % builtinTemplates.length];
  const { values, inEquations } = consistentValues(template);
  if (random() < 0.05 && inEquations.length > 0) {
    const cell = inEquations[randomInt(inEquations.length - 1)];
    values.set(cell, (values.get(cell) ?? 0) + 1 + randomInt(3));
    injected++;
  }
  const types = new Map(template.cells.map((cell) => [cell.id, cell.type]));
  const lastYear = template.years.to ?? template.years.from + 3;
  const markdown = renderSkeleton(template, {
    year: template.years.from + randomInt(lastYear - template.years.from),
    agency: `某某县第${i}局`,
    cellText: (id) => cellText(types.get(id), values.get(id)),
  });
  const folder = path.join(directory, String(Math.floor(i / 1000)).padStart(2, '0'));
  if (i % 1000 === 0) mkdirSync(folder, { recursive: true });
  const name = String(i).padStart(5, '0');
  if (i % 2 === 0) writeFileSync(path.join(folder, `${name}.md`), markdown);
  else writeFileSync(path.join(folder, `${name}.txt`), tabSeparated(markdown));
}
const generateSeconds = (performance.now() - generateStarted) / 1000;

// ── throughput ─────────────────────────────────────────────────────────────────────────────────────
const timed = existsSync('/usr/bin/time');
const command = [bin, 'validate', directory, '--jobs', String(jobs), '--format', 'json', '--no-progress'];
const started = performance.now();
const run = timed
  ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...command], { encoding: 'utf8', maxBuffer: 1 << 30 })
  : spawnSync(process.execPath, command, { encoding: 'utf8', maxBuffer: 1 << 30 });
const seconds = (performance.now() - started) / 1000;
const rss = timed ? /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr) : null;
let summary = null;
try {
  summary = JSON.parse(run.stdout).summary;
} catch {
  process.stderr.write(run.stderr.slice(0, 2000));
}
if (!args.includes('--keep')) rmSync(directory, { recursive: true, force: true });

const result = {
  bench: 'cli',
  coldStartMs: Math.round(coldStartMs),
  coldStartTargetMs: 300,
  reports: reportCount,
  jobs,
  seconds: Number(seconds.toFixed(2)),
  reportsPerSecond: Math.round(reportCount / seconds),
  reportsPerSecondTarget: 1000,
  peakRssMb: rss ? Math.round(Number(rss[1]) / 1024) : null,
  exitCode: run.status,
  summary,
  injectedErrors: injected,
  generateSeconds: Number(generateSeconds.toFixed(2)),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(run.status === 0 || run.status === 1 ? 0 : 1);
