// `npm run bench`: runs every package's benchmark (after the build), prints their JSON lines, then one table
// of the figures that matter with their targets (issue 9): the CLI on the real mix of reports, cold starts
// as ratios to bare Node measured in the same run, the language server, the parser alone.
// Each benchmark is a script that prints one JSON object per measurement on stdout.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const benches = [
  'apps/cli/bench/cli-bench.mjs',
  'packages/language-server/bench/latency-bench.mjs',
  'packages/core/bench/parse-bench.mjs',
];
const loadBefore = loadavg();
let failed = 0;
const results = {};
for (const rel of benches) {
  const file = path.join(root, rel);
  if (!existsSync(file)) continue;
  console.error(`# ${rel}`);
  const run = spawnSync(process.execPath, [file], { stdio: ['ignore', 'pipe', 'inherit'], cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  process.stdout.write(run.stdout ?? '');
  if (run.status !== 0) failed++;
  for (const line of (run.stdout ?? '').split('\n')) {
    try {
      const json = JSON.parse(line);
      if (json && typeof json.bench === 'string') results[json.bench] = json;
    } catch {
      // not a result line
    }
  }
}

const rows = [];
const row = (figure, value, target = '', met = '') => rows.push([figure, String(value), target, met === '' ? '' : met ? 'yes' : 'NO']);
const cli = results.cli;
if (cli) {
  const c = cli.coldStart;
  const m = cli.mix;
  row('mix', `${m.reports} reports, ${m.megabytes} MB (${m.distinctRealFiles} real files, ${m.generated} generated: ${m.generatedWithError} with an error, ${m.generatedTraditional} Traditional)`);
  row('bare node -e 0', `${c.bareNode.cpuMs} ms CPU (least of the runs; mean ${c.bareNode.cpuMeanMs}), ${c.bareNode.wallMs} ms wall`);
  row('cold: validate one text report', `${c.validate.cpuMs} ms CPU = ${c.validate.cpuRatio}× (wall ${c.validate.wallRatio}×)`, '≤ 4×', cli.met.validateColdRatio);
  if (c.validateProjectCached) {
    row(
      'cold: validate, project template',
      `${c.validateProjectCached.cpuMs} ms CPU = ${c.validateProjectCached.cpuRatio}× cached; ${c.validateProjectUncached.cpuMs} ms = ${c.validateProjectUncached.cpuRatio}× compiled each run`,
    );
  }
  row('cold: --help', `${c.help.cpuMs} ms CPU = ${c.help.cpuRatio}× (wall ${c.help.wallRatio}×)`, '≤ 2×', cli.met.helpColdRatio);
  row('cold: templates', `${c.templates.cpuMs} ms CPU = ${c.templates.cpuRatio}× (wall ${c.templates.wallRatio}×)`, '≤ 2×', cli.met.templatesColdRatio);
  const p = cli.perReport;
  row('per report (warm, one core)', `p50 ${p.p50Ms} ms, p99 ${p.p99Ms} ms, max ${p.maxMs} ms (${p.slowest[0]})`, 'max ≤ 50 ms', cli.met.maxReportMs);
  const passes = p.cpuSecondsOfPasses ? `; median of ${p.passes} warm passes: ${p.cpuSecondsOfPasses.join(' / ')} s CPU` : '';
  const firstPass = p.firstPassCpuMsPerReport ? `; the first pass in a fresh process ${p.firstPassCpuMsPerReport} ms CPU/report, V8 tiering up` : '';
  const g = cli.garbledOneLine;
  if (g) {
    row(
      'garbled report run into one line',
      `${g.runs.map((r) => `${r.megabytes} MB ${r.cpuMs} ms CPU (${r.findings} findings)`).join(', ')}: ×${g.growth} for ×${g.sizeGrowth} the text`,
      `≤ ×${cli.targets.garbledOneLineGrowth} (linear)`,
      cli.met.garbledOneLineGrowth,
    );
  }
  row('engine, per core', `${p.reportsPerCpuSecond} reports/s, ${p.mbPerCpuSecond} MB/s (${p.cpuMsPerReport} ms CPU/report${passes}${firstPass})`);
  for (const j of [cli.jobs1, cli.jobs2]) {
    row(
      `CLI --jobs ${j.jobs}`,
      `${j.wallSeconds} s wall, ${j.reportsPerSecond} reports/s, ${j.mbPerSecond} MB/s; per CPU second ${j.reportsPerCpuSecond} reports, ${j.mbPerCpuSecond} MB; peak ${j.peakRssMb} MB`,
      j.jobs === 1 ? '≥ 2,000/s, ≥ 20 MB/s per core' : '',
      j.jobs === 1 ? cli.met.reportsPerCpuSecond && cli.met.mbPerCpuSecond : '',
    );
  }
  row('--jobs 2 speed-up', `${cli.jobs2Speedup}×`, '≥ 1.8× on two free cores', cli.met.jobs2Speedup);
  const d = cli.jobsDefault;
  if (d) {
    row(
      `CLI without --jobs (${d.workers} workers, as the default takes them)`,
      `${d.wallSeconds} s wall = ${cli.jobsDefaultSpeedup}× --jobs 1, ${d.reportsPerSecond} reports/s; per CPU second ${d.reportsPerCpuSecond} reports; peak ${d.peakRssMb} MB`,
    );
  }
  const small = cli.smallFolder;
  if (small) {
    row(
      `CLI without --jobs on ${small.files} files (${small.workers} workers)`,
      `${small.jobsDefault.wallSeconds} s wall, ${small.jobsDefault.cpuSeconds} s CPU; --jobs 1 ${small.jobs1.wallSeconds} s wall, ${small.jobs1.cpuSeconds} s CPU (${small.defaultWallRatio}×, the median of ${small.wallRatioOfPairs.length} pairs' ratios: ${small.wallRatioOfPairs.join(' / ')}; times are medians)`,
      'not slower than --jobs 1 (≤ 1.1×, the noise of runs under a second)',
      small.defaultWallRatio <= 1.1,
    );
  }
  const human = cli.humanFormat;
  if (human) {
    row(
      'CLI --jobs 1, the human output (no --format)',
      `${human.cpuRatioToJson}× the CPU of --format json (median of the pairs, each run right after a JSON one: ${(human.cpuRatioOfPairs ?? []).join(' / ')}; least of each ${human.leastCpuRatioToJson ?? human.cpuRatioToJson}×), least ${human.cpuSeconds} s CPU, ${human.reportsPerCpuSecond} reports per CPU second`,
      `≤ ${cli.targets.humanFormatCpuRatio}× JSON`,
      cli.met.humanFormatCpuRatio,
    );
  }
  const fix = cli.fix;
  if (fix) {
    row(
      'CLI --jobs 1 --fix, a copy of the mix',
      `${fix.cpuSeconds} s CPU, ${fix.wallSeconds} s wall = ${fix.cpuRatioToJson}× the CPU of checking alone (least of the runs: ${fix.cpuSecondsOfRuns.join(' / ')} s); ${fix.fixedFiles} reports fixed`,
    );
  }
  const halves = cli.twoProcesses;
  if (halves) row('two processes, --jobs 1 on half the mix each', `${halves.wallSeconds} s wall = ${halves.speedup}× --jobs 1 (pairs ${halves.speedupOfPairs.join(' / ')}): what this machine gives two independent runs`);
  const ceiling = cli.twoWorkerCeiling;
  if (ceiling) row('two workers against one, this machine', `${ceiling.arithmetic.speedup}× on arithmetic, ${ceiling.allocating.speedup}× on an allocating loop (the ceiling of the speed-up)`);
}
const lsp = results['lsp-latency'];
if (lsp) {
  for (const r of lsp.results.filter((x) => x.debounceMs === 0)) {
    const t = r.cpuMsPerEditByThread;
    const split = t ? ` (own thread ${t.server}, check worker ${t.checkWorker}, V8 helpers ${t.v8Helpers})` : '';
    const cpu = r.cpuMsPerEdit === null || r.cpuMsPerEdit === undefined ? '' : `, server CPU ${r.cpuMsPerEdit} ms/edit${split}`;
    const fixes = r.quickFixP50 === undefined ? '' : `; edit → quick fixes p50 ${r.quickFixP50} ms`;
    const pause = r.pauseAfterOpenMs ? ` (typing from ${r.pauseAfterOpenMs / 1000} s after the open)` : '';
    const idle = r.afterIdleCollectionMs ? `; first edits after the worker's idle collection ${r.afterIdleCollectionMs.join(' / ')} ms` : '';
    row(`LSP edit → diagnostics, ${r.size}`, `p50 ${r.p50} ms, p95 ${r.p95} ms${cpu}${fixes}${pause}${idle}`, `p95 ≤ ${lsp.targets[r.size]} ms`, r.p95 <= lsp.targets[r.size]);
  }
  if (lsp.memory) row(`LSP memory, ${lsp.memory.documents} reports open`, `${lsp.memory.rssMb} MB settled, ${lsp.memory.rssJustCheckedMb} MB just checked (peak ${lsp.memory.peakRssMb} MB)`, `≤ ${lsp.memory.targetMb} MB`, lsp.memory.peakRssMb <= lsp.memory.targetMb);
  if (lsp.browserBundle) row('browser bundle', `${lsp.browserBundle.kib} KiB (${lsp.browserBundle.gzipKib} KiB gzipped)`);
}
const core = results['core-parse'];
if (core) row('parser alone, generated corpus', `${core.parse.reportsPerSecond} reports/s; pipeline ${core.pipeline.reportsPerSecond} reports/s, ${core.pipeline.mbPerSecond} MB/s`);
row('load average (1 min) before / after', `${loadBefore[0].toFixed(1)} / ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
console.error('');
for (const r of rows) console.error(`${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}`);
process.exit(failed ? 1 : 0);
