import { describe, expect, it } from 'vitest';
import type { TextEdit } from '../../src/diagnostics/diagnostic.js';
import { normalizeDigitEdits } from '../../src/normalize/digit-edits.js';
import { normalizeView } from '../../src/normalize/index.js';
import { identityView, readReportSync } from '../../src/read/index.js';
import { applyEdits } from '../../src/validate/index.js';
import { editSamples } from '../check/edit-samples.js';
import { digitRuns, expectSameView } from './same-view.js';

// The differential test of the normalised view made from the view before an edit of digits
// (src/normalize/digit-edits.ts): on the real reports, and on them written with lone CRs, ideographic
// spaces, full-width brackets and Traditional characters (views that still map each offset to itself),
// runs of digits are rewritten (other digits, longer, shorter, two at once); where a view is made, it must
// be `normalizeView` of the edited text: the same text, every offset mapped the same.

/** The texts of the samples (not web pages), and each written in the ways above. */
function texts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const sample of editSamples()) {
    const read = readReportSync(sample.bytes, { fileName: sample.name });
    if (!read || read.source.format === 'html') continue;
    const text = read.source.text;
    out.push({ name: sample.name, text });
    out.push({ name: `${sample.name} (CR, U+3000, （）, 繁)`, text: text.replace(/\r?\n/gu, '\r').replace(/ /gu, '\u3000').replace(/\(/gu, '（').replace(/\)/gu, '）').replace(/报告/gu, '報告').replace(/信息/gu, '資訊').replace(/数/gu, '數') });
  }
  return out;
}

/** Rewrites of every `step`th run of digits of `text`, one at a time and two at once. */
function digitEdits(text: string, limit: number): TextEdit[][] {
  const { runs, step } = digitRuns(text, limit);
  const out: TextEdit[][] = [];
  for (let i = 0; i < runs.length; i += step) {
    const r = runs[i];
    const choices = [String(Number(r.raw[0]) === 9 ? 1 : Number(r.raw[0]) + 1) + r.raw.slice(1), `${r.raw}7`, r.raw.slice(1) || '0', '123456'];
    out.push([{ range: { start: r.start, end: r.end }, newText: choices[(i / step) % choices.length] }]);
    const other = runs[(i + 5) % runs.length];
    if (other.start > r.end) out.push([{ range: { start: r.start, end: r.end }, newText: '1' }, { range: { start: other.start, end: other.end }, newText: '90' }]);
  }
  return out;
}

describe('normalised view after an edit of digits', () => {
  it('is the view normalising the edited text gives', () => {
    let made = 0;
    let madeRewritten = 0;
    let tried = 0;
    for (const { name, text } of texts()) {
      const before = normalizeView(identityView(text));
      for (const edits of digitEdits(text, 12)) {
        tried++;
        const edited = applyEdits(text, edits);
        const view = normalizeDigitEdits(before, text, edits, edited);
        if (!view) continue;
        made++;
        if (name.endsWith('繁)') && view.text !== edited) madeRewritten++;
        expectSameView(view, normalizeView(identityView(edited)), `${name} ${JSON.stringify(edits)}`);
      }
    }
    expect(made).toBeGreaterThan(tried / 2);
    // Views that fold and convert characters are made too (else the test proves little).
    expect(madeRewritten).toBeGreaterThan(50);
  }, 120_000);

  it('is not made when the view does not map each offset to itself, or the edit is not of ASCII digits', () => {
    const text = '一、总体情况\n收到申请\t12\t3\n其中规(guī)定\t4\n';
    const at = text.indexOf('12');
    const edit = [{ range: { start: at, end: at + 2 }, newText: '15' }];
    // Without the reading the view maps each offset to itself; with it (or CRLF line breaks), not.
    const plain = text.replace('(guī)', '');
    const plainAt = plain.indexOf('12');
    expect(normalizeDigitEdits(normalizeView(identityView(plain)), plain, [{ range: { start: plainAt, end: plainAt + 2 }, newText: '15' }], plain.replace('12', '15'))).not.toBeNull();
    expect(normalizeDigitEdits(normalizeView(identityView(text)), text, edit, applyEdits(text, edit))).toBeNull();
    const crlf = plain.replace(/\n/gu, '\r\n');
    const crlfAt = crlf.indexOf('12');
    expect(normalizeDigitEdits(normalizeView(identityView(crlf)), crlf, [{ range: { start: crlfAt, end: crlfAt + 2 }, newText: '15' }], crlf.replace('12', '15'))).toBeNull();
    // Not digits replaced by digits: a letter, full-width digits, an empty run.
    const before = normalizeView(identityView(plain));
    const range = { start: plainAt, end: plainAt + 2 };
    for (const newText of ['1a', '１５', '']) expect(normalizeDigitEdits(before, plain, [{ range, newText }], applyEdits(plain, [{ range, newText }]))).toBeNull();
    const fullWidth = plain.replace('12', '１２');
    expect(normalizeDigitEdits(normalizeView(identityView(fullWidth)), fullWidth, [{ range, newText: '15' }], applyEdits(fullWidth, [{ range, newText: '15' }]))).toBeNull();
  });
});
