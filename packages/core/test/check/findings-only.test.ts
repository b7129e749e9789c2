import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkText, verifySuggestions, type CheckResult } from '../../src/check/index.js';
import type { Diagnostic, TextEdit } from '../../src/diagnostics/diagnostic.js';
import type { TemplateIR } from '../../src/ir/template-ir.js';
import type { ReportSource } from '../../src/model/report.js';
import { normalizeView } from '../../src/normalize/index.js';
import { identityView, readReportSync, renderHtml, type TextView } from '../../src/read/index.js';
import { builtinTemplates } from '../../src/templates/index.js';
import { applyEdits, validateReport } from '../../src/validate/index.js';
import { editSamples } from './edit-samples.js';

// A fix's re-check builds its findings only as far as the judge of the fix reads them
// (`ValidateOptions.findingsOnly`, see `verifySuggestions`). Differential tests on the real reports and on
// random edits of them: the findings built so are the full ones as far as the judge reads them, and the
// verdicts of a check (its re-checks carried over and built so) are those of full re-checks of every fix.

/** A report read as the checker reads it. */
interface Read {
  name: string;
  source: ReportSource;
  view: TextView;
}

const reads: Read[] = editSamples().flatMap((sample) => {
  const read = readReportSync(sample.bytes, { fileName: sample.name });
  return read ? [{ name: sample.name, source: read.source, view: read.view }] : [];
});

/** The view a re-check reads an edited text through (as `recheckView` in check-report.ts). */
function viewOf(source: ReportSource, text: string): TextView {
  return source.format === 'html' ? renderHtml(text) : identityView(text);
}

/** What the judge reads of a finding: code, rule, and its cells, else its message and start. */
function judged(d: Diagnostic): string {
  const where = d.cells && d.cells.length > 0 ? [...d.cells].sort().join(',') : `${d.message}@${d.range.start}`;
  return `${d.code}|${d.rule ?? ''}|${where}`;
}

/**
 * The findings of a check validated again in full and with `findingsOnly`: the same as the judge reads
 * them. Returns how many have cells (whose message and related locations are left out).
 */
function expectSameJudged(checked: CheckResult, where: string): number {
  if (!checked.report || !checked.template) return 0;
  const template = builtinTemplates.find((t) => t.id === checked.template!.id) as TemplateIR;
  const normalized = normalizeView(viewOf(checked.source, checked.source.text));
  const options = { templates: builtinTemplates, normalized };
  const full = validateReport(checked.report, template, options);
  const bare = validateReport(checked.report, template, { ...options, findingsOnly: true });
  expect(bare.map(judged).sort(), where).toEqual(full.map(judged).sort());
  for (const d of bare) {
    expect(d.related, where).toEqual([]);
    expect(d.suggestions, where).toEqual([]);
  }
  return bare.filter((d) => d.cells && d.cells.length > 0).length;
}

/** The check of `text` (a version of `read`'s source) with its suggestions verified by full re-checks of every fix. */
function fullyVerified(read: Read, text: string, view: TextView): CheckResult {
  const source = { ...read.source, text };
  const unverified = checkText(source, view, { verifySuggestions: false });
  if (!unverified.template) return unverified;
  const template = builtinTemplates.find((t) => t.id === unverified.template!.id) as TemplateIR;
  const recheck = (fixed: string): Diagnostic[] | null => {
    try {
      const edited = { ...source, text: fixed };
      return checkText(edited, viewOf(source, fixed), { template, templates: builtinTemplates, verifySuggestions: false }).diagnostics;
    } catch {
      return null;
    }
  };
  return { ...unverified, diagnostics: verifySuggestions(text, unverified.diagnostics, recheck) };
}

/** A random edit of a text: digits written over a run of digits, a span deleted, or a few characters inserted. */
function randomEdit(text: string): fc.Arbitrary<TextEdit> {
  const digitRuns = [...text.matchAll(/[0-9]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const at = fc.integer({ min: 0, max: text.length });
  const inserted = fc.array(fc.constantFrom('0', '1', '7', '9', '\n', '\t', ' ', '、', '拼', 'ā', '.', '-', '件', '（一）'), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
  const options: fc.Arbitrary<TextEdit>[] = [
    fc.tuple(at, fc.integer({ min: 1, max: 12 })).map(([start, length]) => ({ range: { start, end: Math.min(text.length, start + length) }, newText: '' })),
    fc.tuple(at, inserted).map(([start, newText]) => ({ range: { start, end: start }, newText })),
  ];
  if (digitRuns.length > 0) {
    options.push(
      fc.tuple(fc.constantFrom(...digitRuns), fc.stringMatching(/^[0-9]{1,6}$/u)).map(([range, newText]) => ({ range, newText })),
    );
  }
  return fc.oneof(...options);
}

describe('re-checks that build only the judged findings', () => {
  it('build the findings of the real reports as the judge reads the full ones', () => {
    let checked = 0;
    let withCells = 0;
    for (const read of reads) {
      const result = checkText(read.source, read.view, { verifySuggestions: false });
      withCells += expectSameJudged(result, read.name);
      if (result.report) checked++;
    }
    expect(checked).toBeGreaterThan(40);
    expect(withCells).toBeGreaterThan(20);
  }, 120_000);

  it('give every suggestion of the real reports the verdict of full re-checks', () => {
    let offered = 0;
    for (const read of reads) {
      const checked = checkText(read.source, read.view);
      expect(checked.diagnostics, read.name).toEqual(fullyVerified(read, read.source.text, read.view).diagnostics);
      offered += checked.diagnostics.reduce((n, d) => n + d.suggestions.length, 0);
    }
    expect(offered).toBeGreaterThan(10);
  }, 240_000);

  it('build the same judged findings and give the same verdicts after random edits', () => {
    // Reports with findings to fix, so that random edits make findings with and without cells come and go.
    const base = reads.filter((read) => checkText(read.source, read.view, { verifySuggestions: false }).diagnostics.some((d) => d.suggestions.length > 0));
    expect(base.length).toBeGreaterThan(5);
    const sample = fc.integer({ min: 0, max: base.length - 1 }).chain((i) =>
      fc.tuple(fc.constant(i), fc.array(randomEdit(base[i].source.text), { minLength: 1, maxLength: 3 })),
    );
    let withCells = 0;
    fc.assert(
      fc.property(sample, ([i, edits]) => {
        const read = base[i];
        let text: string;
        try {
          text = applyEdits(read.source.text, edits);
        } catch {
          return; // overlapping edits
        }
        const where = `${read.name} ${JSON.stringify(edits)}`;
        const view = viewOf(read.source, text);
        const checked = checkText({ ...read.source, text }, view);
        withCells += expectSameJudged(checkText({ ...read.source, text }, view, { verifySuggestions: false }), where);
        expect(checked.diagnostics, where).toEqual(fullyVerified(read, text, view).diagnostics);
      }),
      { numRuns: 300, seed: 20261205 },
    );
    expect(withCells).toBeGreaterThan(100);
  }, 300_000);
});
