import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellEditIndex } from '../../src/check/cell-edits.js';
import { checkText, verifyResultSuggestions } from '../../src/check/index.js';
import { reparseUnreadEdits } from '../../src/check/unread-text-edits.js';
import type { TextEdit } from '../../src/diagnostics/diagnostic.js';
import type { TemplateIR } from '../../src/ir/template-ir.js';
import type { ParsedReport } from '../../src/model/report.js';
import { normalizeView } from '../../src/normalize/index.js';
import { identityView, readReportSync, renderHtml, type TextView } from '../../src/read/index.js';
import { builtinTemplates } from '../../src/templates/index.js';
import { applyEdits } from '../../src/validate/index.js';
import { editSamples, expectAsFullRecheck } from './edit-samples.js';

// The differential test of the re-check after edits in text no table is read from
// (src/check/unread-text-edits.ts): on real reports, made-up edits of every kind and place — a converter's
// leftover put in or taken out of prose lines, characters deleted and replaced at line starts, in the middle
// and at line ends, headings reworded, cut short and deleted, and edits inside tables, beside them and on
// their lines — and the checker's own suggestions are re-read both ways. Where the fast path answers, its
// parse must equal the parser's on the edited text, field by field, and the findings validated from it
// those of the full re-check; a check's verdicts on its suggestions must equal those verified by full
// re-checks only.

const LEFTOVER = '[bookmark: _GoBack]';

/**
 * Made-up edits of `text` (the report's source) at lines spread over it and at its section headings; text
 * put in is written as the replacement of the character after it (an edit with an empty range is not carried).
 */
function madeUpEdits(text: string, report: ParsedReport, limit: number): TextEdit[][] {
  const out: TextEdit[][] = [];
  const put = (at: number, inserted: string): TextEdit[] => [{ range: { start: at, end: at + 1 }, newText: inserted + text[at] }];
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const step = Math.max(1, Math.floor(lineStarts.length / limit));
  for (let l = 0; l < lineStarts.length; l += step) {
    const start = lineStarts[l];
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const middle = start + ((end - start) >> 1);
    if (end > start) out.push(put(start, LEFTOVER));
    if (end - start >= 3) out.push([{ range: { start, end: start + 3 }, newText: '' }]);
    if (end > middle + 1) out.push([{ range: { start: middle, end: middle + 1 }, newText: '以及' }]);
    if (end > start) out.push([{ range: { start: end - 1, end }, newText: '' }]);
    if (end > middle) out.push(put(middle, '&nbsp;'));
  }
  for (let at = text.indexOf(LEFTOVER); at >= 0; at = text.indexOf(LEFTOVER, at + 1)) out.push([{ range: { start: at, end: at + LEFTOVER.length }, newText: '' }]);
  for (const section of report.sections) {
    if (!section.heading) continue;
    const { start, end } = section.heading.range;
    out.push(put(start + 2, '的主要'));
    out.push([{ range: { start: start + 2, end }, newText: '工作情况' }]);
    out.push([{ range: { start, end }, newText: '' }]);
    out.push([{ range: { start: end - 1, end }, newText: `${text[end - 1]}（续）` }]);
  }
  // Two edits at once: a line's start and a heading.
  const heading = report.sections.find((s) => s.heading)?.heading;
  if (heading) out.push([...put(0, LEFTOVER), ...put(heading.range.start + 2, '的')]);
  return out;
}

/**
 * The edited text, its normalised view and the report carried over to it by `reparseUnreadEdits`; undefined
 * when the edits do not apply together or the re-check declines to carry the parse over.
 */
function carriedOver(index: CellEditIndex, source: string, edits: readonly TextEdit[], viewOf: (text: string) => TextView) {
  let text: string;
  try {
    text = applyEdits(source, edits);
  } catch {
    return undefined;
  }
  const normalized = normalizeView(viewOf(text));
  const carried = reparseUnreadEdits(index, edits, text, normalized);
  return carried ? { text, normalized, carried } : undefined;
}

describe('re-check after edits in text no table is read from', () => {
  it('reads every such edit of the real reports exactly as the parser does', () => {
    let tried = 0;
    let fast = 0;
    let headings = 0;
    let refusedInTables = 0;
    for (const sample of editSamples()) {
      const read = readReportSync(sample.bytes, { fileName: sample.name });
      if (!read) continue;
      const { source } = read;
      const viewOf = (text: string) => (source.format === 'html' ? renderHtml(text) : identityView(text));
      const result = checkText(source, read.view, { verifySuggestions: false });
      if (!result.report || !result.template) continue;
      const template = builtinTemplates.find((t) => t.id === result.template!.id) as TemplateIR;
      const index = new CellEditIndex({ report: result.report, normalized: normalizeView(viewOf(source.text)), template, templates: builtinTemplates });
      const suggested = result.diagnostics.flatMap((d) => d.suggestions.map((s) => s.edits));
      const cells = result.report.tables.flatMap((t) => [...t.rows, ...(t.groups ?? [])].flatMap((row) => row.cells)).filter((c) => c.range && c.range.end > c.range.start);
      const inTables = cells.filter((_, i) => i % 7 === 0).map((c) => [{ range: c.range!, newText: '' }]);
      for (const edits of [...suggested, ...madeUpEdits(source.text, result.report, 12), ...inTables]) {
        tried++;
        const reread = carriedOver(index, source.text, edits, viewOf);
        if (!reread) continue;
        const { text, normalized, carried } = reread;
        fast++;
        const where = `${sample.name} ${JSON.stringify(edits)}`;
        expect(inTables.includes(edits as TextEdit[]), where).toBe(false);
        if (carried.sections.some((s, i) => s.heading && s.heading.text !== result.report!.sections[i].heading?.text)) headings++;
        expectAsFullRecheck(carried, source, text, normalized, template, viewOf, where);
      }
      refusedInTables += inTables.length;
    }
    // The fast path is really taken, for reworded headings too (else the test proves nothing).
    expect(fast).toBeGreaterThan(tried / 10);
    expect(headings).toBeGreaterThan(10);
    expect(refusedInTables).toBeGreaterThan(100);
  }, 180_000);

  it('reads edits of texts without line breaks exactly as the parser does, at any place in the prose', () => {
    // The seeds written on one line: every table zone shares the edited line, so only a parse that placed
    // no number by position is carried over. Random edits at random places (fast-check), and the checker's
    // own suggestion for a converter's leftover put in before the first table.
    const samples = editSamples()
      .filter((s) => s.name.endsWith('.one-line.txt'))
      .map((sample) => {
        const source = new TextDecoder().decode(sample.bytes);
        const result = checkText({ text: source, format: 'txt', encoding: 'utf-8' }, identityView(source), { verifySuggestions: false });
        const template = builtinTemplates.find((t) => t.id === result.template?.id) as TemplateIR;
        const index = new CellEditIndex({ report: result.report!, normalized: normalizeView(identityView(source)), template, templates: builtinTemplates });
        return { name: sample.name, source, result, template, index };
      })
      .filter((s) => s.result.report !== null);
    expect(samples.length).toBeGreaterThan(3);
    let fast = 0;
    let beforeZones = 0;
    const reread = (s: (typeof samples)[number], edits: TextEdit[], where: string): void => {
      const reread = carriedOver(s.index, s.source, edits, identityView);
      if (!reread) return;
      const { text, normalized, carried } = reread;
      fast++;
      if (edits[0].range.end < s.index.readZones()![0].start) beforeZones++;
      expectAsFullRecheck(carried, { text: s.source, format: 'txt', encoding: 'utf-8' }, text, normalized, s.template, identityView, `${s.name} ${where} ${JSON.stringify(edits)}`);
    };
    const kinds = ['', '以及', LEFTOVER, '&nbsp;', ' ', '二、', '1', '\t'];
    fc.assert(
      fc.property(fc.nat(samples.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(4), fc.nat(kinds.length - 1), (which, place, length, kind) => {
        const s = samples[which];
        const start = Math.min(s.source.length - 1, Math.floor(place * s.source.length));
        const end = Math.min(s.source.length, start + Math.max(1, length));
        reread(s, [{ range: { start, end }, newText: kinds[kind] + (kinds[kind] === '' ? '' : s.source.slice(start, end)) }], 'random');
      }),
      { numRuns: 1500, seed: 42 },
    );
    for (const s of samples) {
      // A converter's leftover put in the prose before the first table, and the checker's suggestion to delete it.
      const zone = s.index.readZones()![0];
      const at = s.source.lastIndexOf('。', zone.start - 20) + 1;
      if (at <= 0) continue;
      const withLeftover = `${s.source.slice(0, at)}${LEFTOVER}${s.source.slice(at)}`;
      const result = checkText({ text: withLeftover, format: 'txt', encoding: 'utf-8' }, identityView(withLeftover), { verifySuggestions: false });
      if (!result.report || result.template?.id !== s.template.id) continue;
      const index = new CellEditIndex({ report: result.report, normalized: normalizeView(identityView(withLeftover)), template: s.template, templates: builtinTemplates });
      for (const edits of result.diagnostics.filter((d) => d.code === 'quality/converter-artefact').flatMap((d) => d.suggestions.map((x) => x.edits))) {
        reread({ ...s, source: withLeftover, result, index }, edits, 'suggested');
      }
    }
    // The fast path is really taken before the tables, on the line they share (none was, before).
    expect(beforeZones).toBeGreaterThan(50);
    expect(fast).toBeGreaterThan(beforeZones);
  }, 180_000);

  it('gives every suggestion the verdict of the full re-check', () => {
    let offered = 0;
    for (const sample of editSamples()) {
      const read = readReportSync(sample.bytes, { fileName: sample.name });
      if (!read) continue;
      const checked = checkText(read.source, read.view);
      const unverified = checkText(read.source, read.view, { verifySuggestions: false });
      if (!unverified.template) continue;
      expect(checked.diagnostics, sample.name).toEqual(verifyResultSuggestions(unverified, { templates: builtinTemplates }).diagnostics);
      offered += checked.diagnostics.reduce((n, d) => n + d.suggestions.length, 0);
    }
    expect(offered).toBeGreaterThan(10);
  }, 180_000);

  it('parses again when the view does not map each offset to itself, or the edit touches what the parser reads', () => {
    const sample = editSamples().find((s) => s.name.endsWith('.txt') && !s.name.includes('one-line'))!;
    const text = new TextDecoder().decode(sample.bytes).replace(/\r\n/gu, '\n');
    const check = (source: string) => {
      const result = checkText({ text: source, format: 'txt', encoding: 'utf-8' }, identityView(source), { verifySuggestions: false });
      const template = builtinTemplates.find((t) => t.id === result.template!.id) as TemplateIR;
      const index = new CellEditIndex({ report: result.report!, normalized: normalizeView(identityView(source)), template, templates: builtinTemplates });
      return { report: result.report!, index };
    };
    const reread = (source: string, index: CellEditIndex, edits: TextEdit[]) => {
      const edited = applyEdits(source, edits);
      return reparseUnreadEdits(index, edits, edited, normalizeView(identityView(edited)));
    };
    const { report, index } = check(text);
    const firstLine = [{ range: { start: 0, end: 1 }, newText: LEFTOVER + text[0] }];
    expect(reread(text, index, firstLine)).not.toBeNull();
    // Line breaks written CRLF: the view drops the CRs, its offsets are not the text's.
    const crlf = text.replace(/\n/gu, '\r\n');
    expect(reread(crlf, check(crlf).index, firstLine)).toBeNull();
    // An edit that only puts text in (an empty range): not carried.
    expect(reread(text, index, [{ range: { start: 0, end: 0 }, newText: LEFTOVER }])).toBeNull();
    // A cell, a row label, a table's first and last character, and the character right after a table.
    const table = report.tables.find((t) => t.found)!;
    const label = table.rows.find((r) => r.labelRange)!.labelRange!;
    for (const at of [table.rows.flatMap((r) => r.cells).find((c) => c.range && c.range.end > c.range.start)!.range!.start, label.start, table.range!.start, table.range!.end - 1]) {
      expect(reread(text, index, [{ range: { start: at, end: at + 1 }, newText: '' }]), `at ${at}`).toBeNull();
    }
    // A section heading deleted: the headings found are not those before.
    const heading = report.sections.find((s) => s.heading)!.heading!.range;
    expect(reread(text, index, [{ range: heading, newText: '' }])).toBeNull();
    // A heading reworded right after a table's zone: carried over, unless an `&` ends the zone (a hard
    // space written as an entity is looked for over 9 characters, into the edit).
    const lineStart = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
    const zoneEnds = index.readZones()!.map((z) => z.end);
    const after = report.sections.map((s) => s.heading?.range).find((r) => r && zoneEnds.includes(lineStart(r.start)))!;
    const line = lineStart(after.start);
    for (const [inserted, carried] of [['x\n', true], ['&\n', false]] as const) {
      const source = `${text.slice(0, line)}${inserted}${text.slice(line)}`;
      const at = after.start + inserted.length + 2;
      expect(reread(source, check(source).index, [{ range: { start: at, end: at + 1 }, newText: `的${source[at]}` }]) !== null, inserted).toBe(carried);
    }
  });
});
