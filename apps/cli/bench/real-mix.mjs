// The real mix of reports the CLI benchmark measures (see cli-bench.mjs), written into a directory:
//   - real reports: the five seeds (examples/seeds), the corpus fixtures (packages/core/test/fixtures/corpus),
//     the layout and error variants and the reader fixtures (other encodings, Traditional script) of the
//     core's tests, and layout variants made from the seeds here: one line (crawled page text), converted
//     Markdown (pipe tables), .docx (Word tables);
//   - a generated share: reports of both built-in templates in four layouts (packages/core/bench/
//     report-generator.ts), a third of them with one table value changed (an arithmetic error, so that error
//     localisation runs), a sixth converted to Traditional script.
// The real files are repeated in turn to fill their half of the mix. Deterministic.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const textLayouts = ['tab', 'pipe', 'cell-per-line', 'html'];

/** The real reports and their layout variants, as `{ name, bytes, kind }`. */
async function realReports(root) {
  const reports = [];
  const add = (dir, filter = () => true, kind) => {
    for (const name of readdirSync(path.join(root, dir)).sort()) {
      if (name === 'README.md' || !filter(name)) continue;
      reports.push({ name, bytes: readFileSync(path.join(root, dir, name)), kind });
    }
  };
  add('examples/seeds', () => true, 'seed');
  add('packages/core/test/fixtures/corpus', () => true, 'corpus');
  add('packages/core/test/fixtures/variants', () => true, 'variant');
  add('packages/core/test/fixtures/read', () => true, 'encoding');
  add('packages/core/test/fixtures/parse', () => true, 'encoding');
  const seeds = reports.filter((r) => r.kind === 'seed');
  const { buildDocx, paragraph, table, cell } = await import('../../../packages/core/test/read/docx-builder.ts');
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  for (const [i, seed] of seeds.entries()) {
    const text = seed.bytes.toString('utf8');
    const stem = seed.name.replace(/\.txt$/, '');
    // One line: a crawled page's text with its line breaks lost.
    reports.push({ name: `${stem}.one-line.txt`, bytes: Buffer.from(text.replace(/\s*\n\s*/g, ' ')), kind: 'one-line' });
    // Converted Markdown: TAB-separated rows as pipe tables, the rest as paragraphs.
    const markdown = text
      .split('\n')
      .map((line) => (line.includes('\t') ? `| ${line.split('\t').join(' | ')} |` : line))
      .join('\n');
    reports.push({ name: `${stem}.md`, bytes: Buffer.from(markdown), kind: 'markdown' });
    if (i % 2 === 0) {
      // Word: each TAB-separated run of lines a table, every other line a paragraph.
      const body = [];
      let rows = [];
      const flush = () => {
        if (rows.length === 0) return;
        const columns = Math.max(...rows.map((r) => r.length));
        body.push(table(columns, rows.map((r) => r.map((c) => cell(escape(c))))));
        rows = [];
      };
      for (const line of text.split('\n')) {
        if (line.includes('\t')) rows.push(line.split('\t'));
        else {
          flush();
          body.push(paragraph(escape(line)));
        }
      }
      flush();
      reports.push({ name: `${stem}.docx`, bytes: Buffer.from(await buildDocx(body.join(''))), kind: 'docx' });
    }
  }
  return reports;
}

/** Generated reports of the built-in templates: a third with one table value changed, a sixth in Traditional script. */
async function generatedReports(count) {
  const { builtinTemplates } = await import('@nianbao/core');
  const { generateReport, random } = await import('../../../packages/core/bench/report-generator.ts');
  const { Converter } = await import('opencc-js');
  const toTraditional = Converter({ from: 'cn', to: 'tw' });
  const reports = [];
  let withError = 0;
  let traditional = 0;
  for (let i = 0; i < count; i++) {
    const template = builtinTemplates[i % builtinTemplates.length];
    const layout = textLayouts[Math.floor(i / builtinTemplates.length) % textLayouts.length];
    const rnd = random(i + 1);
    const generated = generateReport(template, {
      layout,
      seed: i + 1,
      year: template.years.from + (i % 2),
      agency: `某某县第${i}局`,
      proseChars: 2500 + Math.floor(rnd() * 4000),
    });
    let text = generated.text;
    if (i % 3 === 0) {
      // One table value off by 1–3: the template's equations break, and localisation looks for the cell.
      const cells = [...text.matchAll(/(?<=[\t|>\n] ?)(\d+)(?= ?[\t|<\n])/g)];
      if (cells.length > 0) {
        const m = cells[Math.floor(rnd() * cells.length)];
        text = text.slice(0, m.index) + String(Number(m[1]) + 1 + Math.floor(rnd() * 3)) + text.slice(m.index + m[1].length);
        withError++;
      }
    }
    if (i % 6 === 1) {
      text = toTraditional(text);
      traditional++;
    }
    const extension = path.extname(generated.fileName);
    reports.push({ name: `generated-${String(i).padStart(4, '0')}${extension}`, bytes: Buffer.from(text), kind: 'generated' });
  }
  return { reports, withError, traditional };
}

/**
 * Writes `total` reports into `directory` (half real, half generated) and returns what it wrote:
 * `{ files: [{ path, kind, bytes }], distinctReal, withError, traditional, bytes }`.
 */
export async function writeRealMix(root, directory, total) {
  const real = await realReports(root);
  const generatedCount = Math.floor(total / 2);
  const generated = await generatedReports(generatedCount);
  const files = [];
  mkdirSync(directory, { recursive: true });
  const write = (name, report) => {
    const file = path.join(directory, name);
    writeFileSync(file, report.bytes);
    files.push({ path: file, kind: report.kind, bytes: report.bytes.length });
  };
  for (let i = 0; i < total - generatedCount; i++) {
    const report = real[i % real.length];
    write(`real-${String(i).padStart(4, '0')}-${report.name}`, report);
  }
  for (const report of generated.reports) write(report.name, report);
  return {
    files,
    distinctReal: real.length,
    withError: generated.withError,
    traditional: generated.traditional,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
  };
}
