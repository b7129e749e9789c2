import { describe, expect, it } from 'vitest';
import { CellEditIndex } from '../../src/check/cell-edits.js';
import { checkText, verifyResultSuggestions, type CheckResult } from '../../src/check/index.js';
import { reparseSameView } from '../../src/check/same-view-edits.js';
import type { TextEdit } from '../../src/diagnostics/diagnostic.js';
import type { TemplateIR } from '../../src/ir/template-ir.js';
import type { ReportSource } from '../../src/model/report.js';
import { normalizeView } from '../../src/normalize/index.js';
import { identityView, readReportSync, renderHtml } from '../../src/read/index.js';
import { builtinTemplates } from '../../src/templates/index.js';
import { applyEdits } from '../../src/validate/index.js';
import { editSamples, expectAsFullRecheck } from './edit-samples.js';

// The differential test of the re-check after edits the normalised view does not see
// (src/check/same-view-edits.ts): on real reports, and on them with injected Pinyin readings, zero-width
// spaces and soft hyphens (in prose, headings and table rows alike), the deletion of those — the
// checker's own suggestions and made-up edits, together and one by one — and edits the view does see in
// part (a no-break space made a space: the same view text, another cell stream) are re-read both ways.
// Where the fast path answers, its parse must equal the parser's on the edited text, field by field, and
// the findings validated from it those of the full re-check; a check's verdicts on its suggestions must
// equal those verified by full re-checks only.

const READING = '(guī)';
const HAN = /\p{Script=Han}/u;

/** `text` with a Pinyin reading after every 23rd Han character, a zero-width space or soft hyphen after every 41st character. */
function injected(text: string): string {
  let out = '';
  let han = 0;
  let n = 0;
  for (const ch of text) {
    out += ch;
    n++;
    if (HAN.test(ch) && ++han % 23 === 0) out += READING;
    else if (n % 41 === 0 && ch !== '\r') out += n % 82 === 0 ? '\u00ad' : '\u200b';
  }
  return out;
}

/** Deletions of what the normaliser drops: every injected reading, zero-width space and soft hyphen; every no-break space made a space. */
function madeUpEdits(text: string): { unseen: TextEdit[]; spaces: TextEdit[] } {
  const unseen: TextEdit[] = [];
  const spaces: TextEdit[] = [];
  for (let at = text.indexOf(READING); at >= 0; at = text.indexOf(READING, at + 1)) unseen.push({ range: { start: at, end: at + READING.length }, newText: '' });
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x200b || c === 0xad) unseen.push({ range: { start: i, end: i + 1 }, newText: '' });
    if (c === 0xa0) spaces.push({ range: { start: i, end: i + 1 }, newText: ' ' });
  }
  unseen.sort((a, b) => a.range.start - b.range.start);
  return { unseen, spaces };
}

/** Every report of the samples, as read, and (text reports) with readings and invisible characters injected. */
function* reports(): Generator<{ name: string; source: ReportSource; view: ReturnType<typeof identityView> }> {
  for (const sample of editSamples()) {
    const read = readReportSync(sample.bytes, { fileName: sample.name });
    if (!read) continue;
    yield { name: sample.name, source: read.source, view: read.view };
    if (read.source.format === 'html') continue;
    const text = injected(read.source.text);
    yield { name: `${sample.name} (injected)`, source: { ...read.source, text }, view: identityView(text) };
  }
}

describe('same-view re-check', () => {
  it('reads every edit the normalised view does not see exactly as the parser does', () => {
    let fast = 0;
    let fastSuggested = 0;
    let tried = 0;
    for (const { name, source, view } of reports()) {
      const result: CheckResult = checkText(source, view, { verifySuggestions: false });
      if (!result.report || !result.template) continue;
      const template = builtinTemplates.find((t) => t.id === result.template!.id) as TemplateIR;
      const viewOf = (text: string) => (source.format === 'html' ? renderHtml(text) : identityView(text));
      const index = new CellEditIndex({ report: result.report, normalized: normalizeView(view), template, templates: builtinTemplates });
      const quality = result.diagnostics.filter((d) => d.category === 'quality' && d.suggestions.length === 1).map((d) => d.suggestions[0].edits);
      const { unseen, spaces } = madeUpEdits(source.text);
      const sets: { edits: readonly TextEdit[]; suggested: boolean }[] = [
        ...(quality.length > 0 ? [{ edits: quality.flat(), suggested: true }] : []),
        ...quality.filter((_, i) => i % 5 === 0).map((edits) => ({ edits, suggested: true })),
        ...(unseen.length > 0 ? [{ edits: unseen, suggested: false }] : []),
        ...unseen.filter((_, i) => i % 7 === 0).map((edit) => ({ edits: [edit], suggested: false })),
        ...(spaces.length > 0 ? [{ edits: spaces, suggested: false }] : []),
        ...spaces.filter((_, i) => i % 11 === 0).map((edit) => ({ edits: [edit], suggested: false })),
      ];
      for (const { edits, suggested } of sets) {
        tried++;
        const text = applyEdits(source.text, edits);
        const normalized = normalizeView(viewOf(text));
        const carried = reparseSameView(index, edits, text, normalized);
        if (!carried) continue;
        fast++;
        if (suggested) fastSuggested++;
        const where = `${name} ${JSON.stringify(edits).slice(0, 200)}`;
        const detection = expectAsFullRecheck(carried, source, text, normalized, template, viewOf, where);
        expect(result.report.detection, where).toEqual(detection);
      }
    }
    // The fast path is really taken, for the checker's own suggestions too (else the test proves nothing).
    expect(fast).toBeGreaterThan(tried / 4);
    expect(fastSuggested).toBeGreaterThan(10);
  }, 240_000);

  it('gives every suggestion of a report with injected readings the verdict of the full re-check', () => {
    let offered = 0;
    for (const { name, source, view } of reports()) {
      if (!name.endsWith('(injected)')) continue;
      const checked = checkText(source, view);
      if (!checked.template) continue;
      const unverified = checkText(source, view, { verifySuggestions: false });
      // `verifyResultSuggestions` re-checks every fix in full (it has no parse to start from).
      expect(checked.diagnostics, name).toEqual(verifyResultSuggestions(unverified, { templates: builtinTemplates }).diagnostics);
      offered += checked.diagnostics.reduce((n, d) => n + d.suggestions.length, 0);
    }
    expect(offered).toBeGreaterThan(100);
  }, 240_000);
});
