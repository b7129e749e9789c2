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
 * The equalities of a template's arithmetic rules in reduced row echelon form over its cells. Cells
 * that stand alone on one side of an equation (totals) come first, so that they become the dependent
 * (pivot) cells and the parts stay free.
 */
function echelon(template) {
  const equations = template.rules.filter((rule) => rule.kind === 'arithmetic').flatMap((rule) => rule.equations);
  const equalities = equations.filter((equation) => equation.op === '=');
  const alone = new Map();
  for (const equation of equations) {
    for (const term of [...equation.lhs, ...equation.rhs]) if (!alone.has(term.cell)) alone.set(term.cell, 0);
  }
  for (const equation of equalities) {
    for (const side of [equation.lhs, equation.rhs]) if (side.length === 1) alone.set(side[0].cell, alone.get(side[0].cell) + 1);
  }
  const cells = [...alone.keys()].sort((a, b) => alone.get(b) - alone.get(a));
  const column = new Map(cells.map((cell, i) => [cell, i]));
  const rows = equalities.map((equation) => {
    const row = new Array(cells.length).fill(0);
    for (const term of equation.lhs) row[column.get(term.cell)] += term.coef;
    for (const term of equation.rhs) row[column.get(term.cell)] -= term.coef;
    return row;
  });
  const pivots = [];
  let next = 0;
  for (let col = 0; col < cells.length && next < rows.length; col++) {
    const found = rows.findIndex((row, r) => r >= next && Math.abs(row[col]) > 1e-9);
    if (found < 0) continue;
    [rows[next], rows[found]] = [rows[found], rows[next]];
    const pivot = rows[next][col];
    rows[next] = rows[next].map((value) => value / pivot);
    for (let r = 0; r < rows.length; r++) {
      if (r === next || Math.abs(rows[r][col]) < 1e-9) continue;
      const factor = rows[r][col];
      rows[r] = rows[r].map((value, c) => value - factor * rows[next][c]);
    }
    pivots.push({ col, index: next });
    next++;
  }
  const pivotCols = new Set(pivots.map((pivot) => pivot.col));
  const free = cells.map((_, i) => i).filter((i) => !pivotCols.has(i));
  // Rows were replaced while later columns were eliminated: take them as they ended up.
  return { cells, equations, pivots: pivots.map(({ col, index }) => ({ col, row: rows[index] })), free };
}

const echelons = new Map();

/**
 * Cell values satisfying every equation of the template: random small counts for the free cells,
 * the dependent ones solved from the echelon form; an attempt that gives a negative or fractional
 * count, or breaks an inequality, is thrown away.
 */
function consistentValues(template) {
  if (!echelons.has(template.id)) echelons.set(template.id, echelon(template));
  const { cells, equations, pivots, free } = echelons.get(template.id);
  for (let attempt = 0; attempt < 100; attempt++) {
    const x = new Array(cells.length).fill(0);
    for (const i of free) x[i] = random() < 0.5 ? 0 : randomInt(9);
    let ok = true;
    for (const { col, row } of pivots) {
      let value = 0;
      for (const i of free) value -= row[i] * x[i];
      const rounded = Math.round(value);
      if (Math.abs(value - rounded) > 1e-6 || rounded < 0) {
        ok = false;
        break;
      }
      x[col] = rounded;
    }
    if (!ok) continue;
    const values = new Map(cells.map((cell, i) => [cell, x[i]]));
    const sum = (terms) => terms.reduce((s, t) => s + t.coef * values.get(t.cell), 0);
    const holds = (e) => {
      const [l, r] = [sum(e.lhs), sum(e.rhs)];
      return { '=': l === r, '<=': l <= r, '>=': l >= r, '<': l < r, '>': l > r }[e.op];
    };
    if (equations.every(holds)) return { values, inEquations: cells };
  }
  throw new Error(`no consistent values found for ${template.id}`);
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
// CPU time is less sensitive than wall time to other work on the machine.
const cpuSeconds = timed
  ? Number(/User time \(seconds\): ([\d.]+)/.exec(run.stderr)?.[1] ?? NaN) +
    Number(/System time \(seconds\): ([\d.]+)/.exec(run.stderr)?.[1] ?? NaN)
  : NaN;
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
  cpuMsPerReport: Number.isFinite(cpuSeconds) ? Number(((cpuSeconds * 1000) / reportCount).toFixed(2)) : null,
  exitCode: run.status,
  summary,
  injectedErrors: injected,
  generateSeconds: Number(generateSeconds.toFixed(2)),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(run.status === 0 || run.status === 1 ? 0 : 1);
