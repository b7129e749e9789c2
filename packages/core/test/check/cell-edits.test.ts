import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CellEditIndex, planCellEdits, reparseCellEdits } from '../../src/check/cell-edits.js';
import { checkReport, checkText, verifyResultSuggestions, type CheckResult } from '../../src/check/index.js';
import type { TextEdit } from '../../src/diagnostics/diagnostic.js';
import type { TemplateIR } from '../../src/ir/template-ir.js';
import type { OffsetRange, ParsedReport } from '../../src/model/report.js';
import { normalizeView } from '../../src/normalize/index.js';
import { identityView, readReportSync, renderHtml } from '../../src/read/index.js';
import { builtinTemplates } from '../../src/templates/index.js';
import { applyEdits } from '../../src/validate/index.js';
import { editSamples, expectAsFullRecheck } from './edit-samples.js';
import { readReportInfo } from '../../src/detect/index.js';
import { reportInfoReach } from '../../src/detect/report-info.js';
import { normalizeDigitEdits, normalizeRenditionDigitEdits } from '../../src/normalize/digit-edits.js';

// The differential test of the cell-edit re-check (src/check/cell-edits.ts): on real reports and their
// layout variants, every fix that rewrites table cells — the suggestions the checker makes, and made-up
// ones for every number cell (other digits, longer, shorter, two cells at once) — is re-read both ways.
// Where the fast path answers, its parse must equal the parser's on the edited text, field by field, and
// the findings validated from it must equal those of the full re-check. The suggestions' verdicts of a
// check (which uses the fast path) must equal those verified by full re-checks only.

/** Made-up fixes of the report's number cells: other digits, longer, shorter, zero, two cells at once. */
function madeUpEdits(result: CheckResult, limit: number): TextEdit[][] {
  const cells = result.report!.tables.flatMap((t) => [...t.rows, ...(t.groups ?? [])].flatMap((row) => row.cells)).filter((c) => c.state === 'number' && c.range);
  const step = Math.max(1, Math.floor(cells.length / limit));
  const out: TextEdit[][] = [];
  for (let i = 0; i < cells.length; i += step) {
    const c = cells[i];
    const alternatives = [String(Number(c.raw) + 1), `${c.raw}0`, '0', String(9 - (Number(c.raw) % 10)), '123456', c.raw.slice(1) || '7'];
    out.push([{ range: c.range!, newText: alternatives[(i / step) % alternatives.length] }]);
    const other = cells[(i + 3) % cells.length];
    if (other !== c) out.push([{ range: c.range!, newText: alternatives[(i / step + 1) % alternatives.length] }, { range: other.range!, newText: alternatives[(i / step + 2) % alternatives.length] }]);
  }
  return out;
}

/**
 * The edit samples checked without verifying suggestions, those a template fit, with that template: what
 * the differential tests below start from.
 */
async function* checkedSamples(): AsyncGenerator<{ name: string; result: CheckResult & { report: ParsedReport }; template: TemplateIR }> {
  for (const sample of editSamples()) {
    const result = await checkReport({ bytes: sample.bytes, fileName: sample.name }, { verifySuggestions: false });
    if (!result.report || !result.template) continue;
    const template = builtinTemplates.find((t) => t.id === result.template!.id) as TemplateIR;
    yield { name: sample.name, result: result as CheckResult & { report: ParsedReport }, template };
  }
}

/** A text report as a web page: its lines as paragraphs, its TAB-separated lines as rows of tables. */
function asHtml(text: string): string {
  const escape = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
  const out = ['<html><head><meta charset="utf-8"></head><body>'];
  let inTable = false;
  for (const line of text.split(/\r?\n/u)) {
    const cells = line.split('\t');
    if (cells.length > 1) {
      if (!inTable) out.push('<table>');
      inTable = true;
      out.push(`<tr>${cells.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`);
      continue;
    }
    if (inTable) out.push('</table>');
    inTable = false;
    out.push(`<p>${escape(line)}</p>`);
  }
  if (inTable) out.push('</table>');
  out.push('</body></html>');
  return out.join('\n');
}

/** `CellEditIndex.cellAt` as first written: every cell by its range as a string key, null for a range two cells share. */
function cellsByRangeKey(report: ParsedReport): Map<string, { row: unknown; index: number } | null> {
  const cells = new Map<string, { row: unknown; index: number } | null>();
  for (const table of report.tables) {
    for (const row of [...table.rows, ...(table.groups ?? [])]) {
      row.cells.forEach((cell, index) => {
        if (!cell.range || cell.range.end <= cell.range.start) return;
        const key = `${cell.range.start}:${cell.range.end}`;
        cells.set(key, cells.has(key) ? null : { row, index });
      });
    }
  }
  return cells;
}

describe('cell-edit re-check', () => {
  it('reads every cell fix of the real reports exactly as the parser does', async () => {
    let fast = 0;
    let fastSuggestions = 0;
    let tried = 0;
    for await (const { name, result, template } of checkedSamples()) {
      const source = result.source;
      const viewOf = (text: string) => (source.format === 'html' ? renderHtml(text) : identityView(text));
      const index = new CellEditIndex({ report: result.report, normalized: normalizeView(viewOf(source.text)), template, templates: builtinTemplates });
      const suggested = result.diagnostics.flatMap((d) => d.suggestions.map((s) => s.edits));
      for (const [n, edits] of [...suggested, ...madeUpEdits(result, 4)].entries()) {
        tried++;
        const planned = planCellEdits(index, edits);
        if (!planned) continue;
        const text = applyEdits(source.text, edits);
        const normalized = normalizeView(viewOf(text));
        const carried = reparseCellEdits(index, planned, text, normalized);
        if (!carried) continue;
        fast++;
        if (n < suggested.length) fastSuggestions++;
        const where = `${name} ${JSON.stringify(edits)}`;
        const detection = expectAsFullRecheck(carried, source, text, normalized, template, viewOf, where);
        const reused = index.detectionAfterEdits();
        if (reused) expect(reused, where).toEqual(detection);
      }
    }
    // The fast path is really taken, for the checker's own suggestions too (else the test proves nothing).
    expect(fast).toBeGreaterThan(tried / 3);
    expect(fastSuggestions).toBeGreaterThan(5);
  }, 120_000);

  it("keeps the check's report info for cells rewritten past what it is read from, in a view spliced from the check's", async () => {
    let kept = 0;
    for await (const { name, result, template } of checkedSamples()) {
      const source = result.source;
      const html = source.format === 'html';
      const normalized = normalizeView(html ? renderHtml(source.text) : identityView(source.text));
      const index = new CellEditIndex({ report: result.report, normalized, template, templates: builtinTemplates });
      const suggested = result.diagnostics.flatMap((d) => d.suggestions.map((s) => s.edits));
      for (const edits of [...suggested, ...madeUpEdits(result, 8)]) {
        const planned = planCellEdits(index, edits);
        if (!planned || planned.some((p) => p.viewStart < reportInfoReach(normalized.text))) continue;
        const text = applyEdits(source.text, edits);
        const digitEdits = planned.map((p) => p.edit);
        const spliced = html ? normalizeRenditionDigitEdits(normalized, source.text, digitEdits, text) : normalizeDigitEdits(normalized, source.text, digitEdits, text);
        if (!spliced) continue;
        kept++;
        expect(readReportInfo(spliced), `${name} ${JSON.stringify(edits)}`).toEqual(result.report.info);
        expect(readReportInfo(normalizeView(html ? renderHtml(text) : identityView(text))), name).toEqual(result.report.info);
      }
    }
    expect(kept).toBeGreaterThan(20);
  }, 120_000);

  it('gives every suggestion the verdict of the full re-check', async () => {
    let offered = 0;
    for (const sample of editSamples()) {
      const checked = await checkReport({ bytes: sample.bytes, fileName: sample.name });
      if (!checked.template) continue;
      const unverified = await checkReport({ bytes: sample.bytes, fileName: sample.name }, { verifySuggestions: false });
      // `verifyResultSuggestions` re-checks every fix in full (it has no parse to start from).
      const reference = verifyResultSuggestions(unverified, { templates: builtinTemplates });
      expect(checked.diagnostics, sample.name).toEqual(reference.diagnostics);
      offered += checked.diagnostics.reduce((n, d) => n + d.suggestions.length, 0);
    }
    expect(offered).toBeGreaterThan(10);
  }, 120_000);

  it('finds a cell by its range as the index by range keys does', async () => {
    let asked = 0;
    for await (const { name, result, template } of checkedSamples()) {
      // The report as read, and with the rows of its first table read twice (every range of them shared).
      const first = result.report.tables.findIndex((t) => t.found);
      const doubled: ParsedReport = {
        ...result.report,
        tables: result.report.tables.map((t, i) => (i === first ? { ...t, groups: [...(t.groups ?? []), ...t.rows.map((row) => ({ ...row, leafRows: [row.id] }))] } : t)),
      };
      for (const report of first >= 0 ? [result.report, doubled] : [result.report]) {
        const index = new CellEditIndex({ report, normalized: normalizeView(identityView(report.source.text)), template, templates: builtinTemplates });
        const reference = cellsByRangeKey(report);
        const ranges: OffsetRange[] = [];
        for (const table of report.tables) {
          for (const row of [...table.rows, ...(table.groups ?? [])]) {
            for (const cell of row.cells) {
              if (!cell.range) continue;
              const { start, end } = cell.range;
              ranges.push(cell.range, { start, end: end + 1 }, { start: start - 1, end }, { start, end: start }, { start: end, end: end + 2 });
            }
          }
        }
        for (const [i, range] of ranges.entries()) {
          asked++;
          // A fresh index answers its first look-ups without indexing the cells: every 5th range asked so too.
          const fresh = i % 5 === 0 ? new CellEditIndex({ report, normalized: index.base.normalized, template, templates: builtinTemplates }) : undefined;
          if (fresh) {
            const direct = fresh.cellAt(range);
            expect(direct && { row: direct.row, index: direct.index }, `${name} ${JSON.stringify(range)} (direct)`).toEqual(reference.get(`${range.start}:${range.end}`) ?? undefined);
          }
          const found = index.cellAt(range);
          const expected = reference.get(`${range.start}:${range.end}`) ?? undefined;
          expect(found && { row: found.row, index: found.index }, `${name} ${JSON.stringify(range)}`).toEqual(expected);
          if (found) expect(found.row.cells[found.index].range).toEqual(range);
        }
      }
    }
    expect(asked).toBeGreaterThan(1000);
  }, 120_000);

  it("checks the reader's view of a web page as a fix's re-check views it: the verdicts of full re-checks", async () => {
    let offered = 0;
    let fast = 0;
    for (const sample of editSamples()) {
      const text = readReportSync(sample.bytes, { fileName: sample.name });
      if (!text || text.source.format === 'html') continue;
      const bytes = new TextEncoder().encode(asHtml(text.source.text));
      const read = readReportSync(bytes, { fileName: `${sample.name}.html` })!;
      const checked = checkText(read.source, read.view);
      const unverified = checkText(read.source, read.view, { verifySuggestions: false });
      if (!unverified.report || !unverified.template) continue;
      // `verifyResultSuggestions` re-checks every fix in full; `checkReport` starts from the reader's view too.
      expect(checked.diagnostics, sample.name).toEqual(verifyResultSuggestions(unverified, { templates: builtinTemplates }).diagnostics);
      expect(checked.diagnostics, sample.name).toEqual((await checkReport({ bytes, fileName: `${sample.name}.html` })).diagnostics);
      offered += checked.diagnostics.reduce((n, d) => n + d.suggestions.length, 0);
      // The fixes of cells are re-checked from the check's parse.
      const template = builtinTemplates.find((t) => t.id === unverified.template!.id) as TemplateIR;
      const index = new CellEditIndex({ report: unverified.report, normalized: normalizeView(read.view), template, templates: builtinTemplates });
      for (const edits of unverified.diagnostics.flatMap((d) => d.suggestions.map((s) => s.edits))) {
        const planned = planCellEdits(index, edits);
        const fixed = applyEdits(read.source.text, edits);
        if (planned && reparseCellEdits(index, planned, fixed, normalizeView(renderHtml(fixed)))) fast++;
      }
    }
    expect(offered).toBeGreaterThan(10);
    expect(fast).toBeGreaterThan(5);
  }, 120_000);
});

describe('cell-edit re-check of an appendix table whose zone the one-line runs family cuts', () => {
  const legacy = new URL('../fixtures/variants/07-legacy-2017.txt', import.meta.url);
  const read = async (text: string) => {
    const result = await checkReport({ bytes: new TextEncoder().encode(text), fileName: 'legacy.txt' }, { verifySuggestions: false });
    const template = builtinTemplates.find((t) => t.id === result.template?.id) as TemplateIR;
    const index = new CellEditIndex({ report: result.report!, normalized: normalizeView(identityView(text)), template, templates: builtinTemplates });
    return { result, template, index };
  };

  it('reads the fixes of the statistics table as the parser does, its lines cut at the same places', async () => {
    const text = readFileSync(legacy, 'utf8');
    const { result, template, index } = await read(text);
    expect(template.tables.some((t) => t.appendix)).toBe(true);
    // The table's zones (after the last heading, and the whole text) are cut into rows by the one-line runs family.
    const zones = index.readZones()!;
    expect(zones.length).toBe(2);
    expect(zones.every((zone) => index.zoneBreaks(zone) !== null)).toBe(true);
    let fast = 0;
    const edits = madeUpEdits(result, 40);
    for (const edit of edits) {
      const planned = planCellEdits(index, edit);
      if (!planned) continue;
      const fixed = applyEdits(text, edit);
      const normalized = normalizeView(identityView(fixed));
      const carried = reparseCellEdits(index, planned, fixed, normalized);
      if (!carried) continue;
      fast++;
      expectAsFullRecheck(carried, result.source, fixed, normalized, template, identityView, JSON.stringify(edit));
    }
    expect(fast).toBeGreaterThan(edits.length / 2);
  });

  it('parses again when the lines would be cut elsewhere, or the text lost its line structure', async () => {
    const text = readFileSync(legacy, 'utf8');
    const { result, index } = await read(text);
    const [edit] = madeUpEdits(result, 10);
    const planned = planCellEdits(index, edit)!;
    const fixed = applyEdits(text, edit);
    expect(reparseCellEdits(index, planned, fixed, normalizeView(identityView(fixed)))).not.toBeNull();
    // The same edit, had the zone been cut at one more place before it: the cut after the edit differs.
    const zone = index.readZones()!.find((z) => z.start > 0)!;
    const breaks = index.zoneBreaks(zone)!;
    zone.breaks = [...breaks.slice(0, 1), breaks[0] + 1, ...breaks.slice(1)];
    expect(reparseCellEdits(index, planned, fixed, normalizeView(identityView(fixed)))).toBeNull();
    // Without line breaks, rows run together: none of the fixes is carried over, or each as the parser reads it.
    const oneLine = text.replace(/\s*\n\s*/gu, ' ');
    const flat = await read(oneLine);
    for (const edits of madeUpEdits(flat.result, 20)) {
      const plan = planCellEdits(flat.index, edits);
      if (!plan) continue;
      const edited = applyEdits(oneLine, edits);
      const normalized = normalizeView(identityView(edited));
      const carried = reparseCellEdits(flat.index, plan, edited, normalized);
      if (carried) expectAsFullRecheck(carried, flat.result.source, edited, normalized, flat.template, identityView, JSON.stringify(edits));
    }
  });

  it('does not carry fixes of a template whose sections and appendix both read tables', async () => {
    const text = readFileSync(legacy, 'utf8');
    const { result, template } = await read(text);
    // The pre-2019 template with its table read from the first section as well as an appendix.
    const mixed: TemplateIR = { ...template, tables: [...template.tables, { ...template.tables[0], id: 'copy', appendix: false, section: template.sections[0].id }] };
    const index = new CellEditIndex({ report: result.report!, normalized: normalizeView(identityView(text)), template: mixed, templates: builtinTemplates });
    expect(index.readZones()).toBeNull();
    expect(planCellEdits(index, madeUpEdits(result, 10)[0])).toBeNull();
  });
});
