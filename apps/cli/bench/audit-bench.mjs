// `nianbao audit` at scale: writes N reports (default 10,000; AUDIT_REPORTS=n) into a temporary directory —
// series of AUDIT_AGENCIES agencies × years 2020–2024, each report a real one (the seeds, the corpus, the
// clean examples; 2019-format ones for 2020, 2021-format ones after) under a generated title naming its
// agency and year — then runs the built CLI's audit over the directory with --html and prints one JSON line:
// reports, wall time, CPU time (user + system, from /usr/bin/time -v when installed), peak resident memory
// of the CLI process (worker threads included), the size of the HTML summary and of its folder of pages,
// findings.
//   node apps/cli/bench/audit-bench.mjs            # 10,000 reports
//   AUDIT_REPORTS=1000 node apps/cli/bench/audit-bench.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const total = Number(process.env.AUDIT_REPORTS ?? 10000);
const years = [2020, 2021, 2022, 2023, 2024];
const read = (file) => readFileSync(path.join(root, file), 'utf8');
const format2019 = [
  'examples/seeds/000_ef504471c9854329.txt',
  'examples/seeds/002_f8f28e4c849350e4.txt',
  'examples/seeds/003_136fd1d98cf7f7a0.txt',
  'examples/seeds/004_94a1ddae1680c43d.txt',
  'examples/clean-2019.md',
].map((file) => ({ file, text: read(file) }));
const format2021 = [
  'examples/seeds/001_58b691fd784472d5.txt',
  'examples/clean-2021.md',
  'packages/core/test/fixtures/corpus/hongzequ-2023.pdftext.txt',
  'packages/core/test/fixtures/corpus/hongzequ-2024.pdftotext-layout.txt',
  'packages/core/test/fixtures/corpus/huaian-2024.pdftext.txt',
].map((file) => ({ file, text: read(file) }));

const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-audit-bench-'));
const reports = path.join(dir, 'reports');
mkdirSync(reports);
const agencies = Math.ceil(total / years.length);
let written = 0;
let bytes = 0;
for (let agency = 0; agency < agencies && written < total; agency++) {
  for (const [y, year] of years.entries()) {
    if (written >= total) break;
    const pool = year < 2021 ? format2019 : format2021;
    const base = pool[(agency + y) % pool.length];
    const name = `示例市第${agency + 1}局`;
    const text = `${name}${year}年政府信息公开工作年度报告\n\n${base.text}`;
    const file = path.join(reports, `${String(agency + 1).padStart(5, '0')}-${year}${path.extname(base.file)}`);
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    written++;
  }
}
const cli = path.join(root, 'apps/cli/dist/bin.js');
const htmlFile = path.join(dir, 'audit.html');
// The CLI process reports its own peak memory (all threads) when it exits.
// It also samples the main thread's heap (what the audit keeps; the workers' heaps are per report): its
// peak, and with AUDIT_LIVE_HEAP=1 its live size after a forced collection every 2 s (slower; the figure
// that shows whether what the audit keeps grows with the number of reports).
const live = process.env.AUDIT_LIVE_HEAP === '1';
const sample = live ? `setInterval(()=>{gc();l=Math.max(l,process.memoryUsage().heapUsed)},2000).unref();` : '';
const hook =
  `data:text/javascript,let h=0,l=0;setInterval(()=>{h=Math.max(h,process.memoryUsage().heapUsed)},100).unref();${sample}` +
  `process.on('exit',()=>process.stderr.write('maxrss-kb='+process.resourceUsage().maxRSS+' main-heap-kb='+Math.round(Math.max(h,process.memoryUsage().heapUsed)/1024)+' live-heap-kb='+Math.round(l/1024)+'\\n'))`;
const args = [...(live ? ['--expose-gc'] : []), '--import', hook, cli, 'audit', reports, '--format', 'json', '--html', htmlFile, '--no-progress'];
const timed = existsSync('/usr/bin/time');
const started = performance.now();
const run = timed
  ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 })
  : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
const seconds = (performance.now() - started) / 1000;
const maxRss = Number(/maxrss-kb=(\d+)/u.exec(run.stderr ?? '')?.[1] ?? NaN);
const mainHeap = Number(/main-heap-kb=(\d+)/u.exec(run.stderr ?? '')?.[1] ?? NaN);
const liveHeap = Number(/live-heap-kb=(\d+)/u.exec(run.stderr ?? '')?.[1] ?? NaN);
const timeField = (name) => Number(new RegExp(`${name}[^:]*: ([\\d.]+)`, 'u').exec(run.stderr ?? '')?.[1] ?? NaN);
const cpuSeconds = timed ? Math.round((timeField('User time') + timeField('System time')) * 10) / 10 : null;
const pagesDir = path.join(dir, 'audit.pages');
const pages = existsSync(pagesDir) ? readdirSync(pagesDir).map((name) => statSync(path.join(pagesDir, name)).size) : [];
let findings = null;
let summary = null;
try {
  const json = JSON.parse(run.stdout);
  findings = json.audit.findings.length;
  summary = json.summary;
} catch {
  console.error(run.stderr);
}
console.log(
  JSON.stringify({
    bench: 'cli audit',
    reports: written,
    inputMB: Math.round(bytes / 1e5) / 10,
    seconds: Math.round(seconds * 10) / 10,
    reportsPerSecond: Math.round(written / seconds),
    cpuSeconds,
    peakRssMB: Math.round(maxRss / 1024),
    mainHeapPeakMB: Math.round(mainHeap / 1024),
    ...(live && { mainLiveHeapPeakMB: Math.round(liveHeap / 1024) }),
    ...(timed && { peakRssMBTime: Math.round(timeField('Maximum resident set size') / 1024) }),
    loadAverage: (await import('node:os')).loadavg()[0],
    htmlMB: Math.round(statSync(htmlFile, { throwIfNoEntry: false })?.size / 1e5) / 10,
    pageFiles: pages.length,
    pagesMB: Math.round(pages.reduce((a, b) => a + b, 0) / 1e5) / 10,
    jsonMB: Math.round(Buffer.byteLength(run.stdout ?? '') / 1e5) / 10,
    findingsAcrossReports: findings,
    summary,
    exit: run.status,
  }),
);
rmSync(dir, { recursive: true, force: true });
