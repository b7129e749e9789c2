/**
 * Parse benchmark: reports/s and MB/s of the report parser on one core.
 *
 * Run after building (the benchmark imports the BUILT package, `@nianbao/core` → dist/):
 *   npx turbo run build --filter=@nianbao/core && node packages/core/bench/parse-bench.ts
 * Node 24 runs this file directly (type stripping); `npm run bench` runs it through parse-bench.mjs.
 *
 * The corpus is generated from the built-in templates (report-generator.ts): realistic 10–20 KB reports
 * with consistent random numbers, in mixed layouts (one cell per line, TAB, pipe, HTML). Three numbers
 * are measured over the same corpus, each after a warm-up:
 * - `parse`: detectTemplate + parseReport on the normalised view (the parser alone);
 * - `normalizeAndParse`: normalizeView + detect + parse, from the reader's view;
 * - `pipeline`: readReport (decode, HTML rendering) + all of the above, from the bytes.
 * Prints one JSON line. Options: --reports N (default 400), --seconds S per measurement (default 3).
 */
import { builtinTemplates, detectTemplate, normalizeView, parseReport, readReport } from '@nianbao/core';
import type { ParsedReport, TextView } from '@nianbao/core';
import { generateReport, type GeneratedLayout } from './report-generator.ts';

const argValue = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const REPORTS = argValue('--reports', 400);
const SECONDS = argValue('--seconds', 3);
const layouts: GeneratedLayout[] = ['cell-per-line', 'tab', 'pipe', 'html'];
const encoder = new TextEncoder();

interface Sample {
  bytes: Uint8Array;
  fileName: string;
  source: Awaited<ReturnType<typeof readReport>>['source'];
  view: TextView;
  normalized: TextView;
}

const corpus: Sample[] = [];
let totalBytes = 0;
for (let i = 0; i < REPORTS; i++) {
  const template = builtinTemplates[i % builtinTemplates.length];
  const layout = layouts[Math.floor(i / builtinTemplates.length) % layouts.length];
  const proseChars = 2200 + ((i * 2654435761) % 3000);
  const generated = generateReport(template, { layout, seed: i + 1, year: template.years.from + 1, proseChars });
  const bytes = encoder.encode(generated.text);
  const read = await readReport(bytes, { fileName: generated.fileName });
  corpus.push({ bytes, fileName: generated.fileName, source: read.source, view: read.view, normalized: normalizeView(read.view) });
  totalBytes += bytes.length;
}

/** Runs `work` over the corpus repeatedly for about SECONDS; returns reports/s and MB/s. */
async function measure(work: (s: Sample) => ParsedReport | Promise<ParsedReport>): Promise<{ reportsPerSecond: number; mbPerSecond: number }> {
  for (const s of corpus) await work(s); // warm-up: every report once, so that the first measurement is not the JIT's
  let reports = 0;
  let bytes = 0;
  const started = performance.now();
  while (performance.now() - started < SECONDS * 1000) {
    for (const s of corpus) {
      await work(s);
      reports++;
      bytes += s.bytes.length;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    reportsPerSecond: Math.round(reports / seconds),
    mbPerSecond: Math.round((bytes / 1e6 / seconds) * 100) / 100,
  };
}

const templateById = new Map(builtinTemplates.map((t) => [t.id, t]));
const parseOnly = (s: Sample, view: TextView): ParsedReport => {
  const detection = detectTemplate(view.text, builtinTemplates);
  const template = templateById.get(detection.id ?? '') ?? builtinTemplates[0];
  return parseReport(view, s.source, template, detection);
};

// Sanity: every generated report parses with all its tables found.
for (const s of corpus) {
  const report = parseOnly(s, s.normalized);
  if (report.tables.some((t) => !t.found || t.missingRows.length > 0)) {
    throw new Error(`benchmark corpus report not fully parsed (${s.fileName})`);
  }
}

const parse = await measure((s) => parseOnly(s, s.normalized));
const normalizeAndParse = await measure((s) => parseOnly(s, normalizeView(s.view)));
const pipeline = await measure(async (s) => {
  const read = await readReport(s.bytes, { fileName: s.fileName });
  return parseOnly(s, normalizeView(read.view));
});

// A report of about 1 MB (UTF-8) on one line: every line break removed, as text extracted from a web page
// often is; tables laid out with spaces, so that its rows run into each other. Median of a few runs of
// read + normalise + detect + parse.
// The current national format (the built-in list also holds the pre-2019 statistics table, whose generated
// one-line text this benchmark does not check cell by cell).
const oneLineTemplate = builtinTemplates.find((t) => t.id === 'gov-disclosure-2021')!;
const oneLineReport = generateReport(oneLineTemplate, {
  layout: 'space',
  seed: 11,
  year: oneLineTemplate.years.from + 1,
  proseChars: 340_000,
});
const oneLineText = oneLineReport.text.replace(/\r\n|\r|\n/g, '');
const oneLineBytes = encoder.encode(oneLineText);
const oneLineParse = async (): Promise<ParsedReport> => {
  const read = await readReport(oneLineBytes, { fileName: 'one-line.txt' });
  return parseOnly({ ...corpus[0], source: read.source }, normalizeView(read.view));
};
const oneLineRead = await oneLineParse();
for (const table of oneLineRead.tables) {
  for (const row of table.rows) {
    for (const cell of row.cells) {
      if (cell.value !== oneLineReport.values.get(cell.id)) throw new Error(`one-line report misread at ${cell.id}`);
    }
  }
}
const oneLineTimes: number[] = [];
for (let i = 0; i < 7; i++) {
  const started = performance.now();
  await oneLineParse();
  oneLineTimes.push(performance.now() - started);
}
oneLineTimes.sort((a, b) => a - b);

console.log(
  JSON.stringify({
    bench: 'core-parse',
    node: process.version,
    reports: corpus.length,
    averageKB: Math.round(totalBytes / corpus.length / 100) / 10,
    layouts,
    parse,
    normalizeAndParse,
    pipeline,
    oneLine: { MB: Math.round((oneLineBytes.length / 1e6) * 100) / 100, ms: Math.round(oneLineTimes[3]) },
    target: { reportsPerSecond: 1000, met: parse.reportsPerSecond >= 1000 },
  }),
);
