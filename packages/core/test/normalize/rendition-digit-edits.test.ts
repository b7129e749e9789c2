import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TextEdit } from '../../src/diagnostics/diagnostic.js';
import { normalizeRenditionDigitEdits } from '../../src/normalize/digit-edits.js';
import { normalizeView } from '../../src/normalize/index.js';
import { readReportSync, renderHtml } from '../../src/read/index.js';
import { applyEdits } from '../../src/validate/index.js';
import { editSamples } from '../check/edit-samples.js';
import { digitRuns, expectSameView } from './same-view.js';

// The differential test of the normalised view of an HTML page's rendition made from the view before an
// edit of digits (normalizeRenditionDigitEdits, src/normalize/digit-edits.ts): on the sample pages and on
// random pages built to put digits where they do not render as copied text (attributes, comments,
// scripts, character references, the raw text of a textarea) or where a page's layout depends on text
// lengths (a layout table's long cell), runs of digits are rewritten (by as many digits, by more, by
// fewer, two at once); where a view is made, it must be `normalizeView(renderHtml(edited))`: the same
// text, every offset mapped the same.

/** Rewrites of runs of digits of `html`: each `step`th alone (by as many digits, more, fewer) and two at once. */
function digitEdits(html: string, limit: number): TextEdit[][] {
  const { runs, step } = digitRuns(html, limit);
  const out: TextEdit[][] = [];
  for (let i = 0; i < runs.length; i += step) {
    const r = runs[i];
    const same = r.raw.replace(/[0-9]/gu, (d) => String((Number(d) + 3) % 10));
    out.push([{ range: { start: r.start, end: r.end }, newText: same }]);
    out.push([{ range: { start: r.start, end: r.end }, newText: `${r.raw}7` }]);
    const other = runs[(i + 3) % runs.length];
    if (other.start > r.end) {
      out.push([
        { range: { start: r.start, end: r.end }, newText: same },
        { range: { start: other.start, end: other.end }, newText: '9'.repeat(other.end - other.start) },
      ]);
    }
  }
  return out;
}

/** Checks every edit of `html` where a view is made; returns how many were made and tried. */
function check(name: string, html: string, editsOf: TextEdit[][]): { made: number; tried: number } {
  const before = normalizeView(renderHtml(html));
  let made = 0;
  for (const edits of editsOf) {
    const edited = applyEdits(html, edits);
    const view = normalizeRenditionDigitEdits(before, html, edits, edited);
    if (!view) continue;
    made++;
    expectSameView(view, normalizeView(renderHtml(edited)), `${name} ${JSON.stringify(edits)}`);
  }
  return { made, tried: editsOf.length };
}

const pieces = [
  '<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<td colspan="2">', '<td rowspan="12">', '<th width=30>', '<p>', '</p>',
  '<br>', '<div style="font-size:12pt">', '</div>', '<span hidden>7</span>', '<!-- 42 -->', '<script>var a = 12;</script>',
  '<textarea>12 &#49;3</textarea>', '&#49;', '&#x31;', '&frac', '&sup', '&amp;', '&#', '&', '#', 'x', '收到申请', '報告', '规(guī)定',
  ' ', '\n', '\u3000', '\u00a0', '12', '3', '2024', '0', '年', '件', '（一）', `${'长文本'.repeat(50)}16`, '<td><p>a</p><p>b</p></td>',
];

describe('normalised rendition after an edit of digits', () => {
  it('is the view normalising the edited page’s rendition gives, on the sample pages', () => {
    let made = 0;
    let tried = 0;
    for (const sample of editSamples()) {
      const read = readReportSync(sample.bytes, { fileName: sample.name });
      if (!read || read.source.format !== 'html') continue;
      const counts = check(sample.name, read.source.text, digitEdits(read.source.text, 20));
      made += counts.made;
      tried += counts.tried;
    }
    // Edits by as many digits in the pages' text are made (most runs of digits of a page are in its
    // markup, and two edits in three change the length): else the test proves little.
    expect(tried).toBeGreaterThan(100);
    expect(made).toBeGreaterThan(5);
  }, 120_000);

  it('is that view on random pages, digits anywhere', () => {
    let made = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 50 }), fc.nat(), (parts, seed) => {
        const html = parts.join('');
        const edits = digitEdits(html, 8);
        if (edits.length === 0) return;
        made += check(html, html, [edits[seed % edits.length]]).made;
      }),
      { numRuns: 3000 },
    );
    expect(made).toBeGreaterThan(100);
  });

  it('is not made for digits a reference or a tag holds, or rewritten by more or fewer digits', () => {
    const page = '<p style="x:12">&#49;2 &frac12; a12 收到 34 件</p>';
    const before = normalizeView(renderHtml(page));
    const at = (digits: string, from = 0): { start: number; end: number } => {
      const start = page.indexOf(digits, from);
      return { start, end: start + digits.length };
    };
    const edit = (range: { start: number; end: number }, newText: string): TextEdit[] => [{ range, newText }];
    const made = (edits: TextEdit[]) => normalizeRenditionDigitEdits(before, page, edits, applyEdits(page, edits));
    expect(made(edit(at('34'), '56'))?.text).toBe(normalizeView(renderHtml(page.replace('34', '56'))).text);
    expect(made(edit(at('34'), '5'))).toBeNull();
    expect(made(edit(at('34'), '567'))).toBeNull();
    expect(made(edit(at('12'), '34'))).toBeNull(); // in an attribute
    expect(made(edit(at('49'), '50'))).toBeNull(); // in a reference
    expect(made(edit(at('2 '), '3'))).toBeNull(); // after a reference: `&#49;3`… would still be one, not here
    expect(made(edit(at('12;'), '14'))).toBeNull(); // `&frac14;` is another reference
    expect(made(edit(at('12', page.indexOf('a12')), '13'))).toBeNull(); // after a letter
  });
});
