import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellDigitsEdit, checkEditedText, checkReport, checkText, type BufferCheck, type CheckOptions, type CheckResult } from '../../src/check/index.js';
import type { TextEdit } from '../../src/diagnostics/diagnostic.js';
import { identityView } from '../../src/read/index.js';
import { builtinTemplates } from '../../src/templates/index.js';
import { applyEdits } from '../../src/validate/index.js';
import { editSamples, sameAs } from './edit-samples.js';

// The differential test of an editor buffer's check after an edit (`checkEditedText`): on real reports and
// their layout variants, a run of editor edits — digits of table cells typed over, inserted and deleted,
// a letter typed into a cell and removed, text typed into the prose, a whole number deleted — each checked
// from the check before it and from scratch. Result for result, the findings and the parsed report must
// be the same; the carried-over parse must really be used for many of the edits.

const root = new URL('../../../../', import.meta.url);

/** The number cells of a check, by their place in the text. */
function numberCells(result: CheckResult): Array<{ start: number; end: number; raw: string }> {
  const cells = result.report?.tables.flatMap((t) => [...t.rows, ...(t.groups ?? [])].flatMap((row) => row.cells)) ?? [];
  return cells.filter((c) => c.state === 'number' && c.range && /^[0-9]+$/u.test(c.raw)).map((c) => ({ start: c.range!.start, end: c.range!.end, raw: c.raw }));
}

/**
 * The next editor edit of a run (step `n`): mostly a cell's digits (one typed over, one added, one
 * deleted), sometimes a letter typed into a cell, a character typed into the prose, or a whole number deleted.
 */
function nextEdit(text: string, result: CheckResult, n: number): TextEdit | undefined {
  const cells = numberCells(result);
  if (cells.length === 0) return { range: { start: text.length, end: text.length }, newText: '\n' };
  const cell = cells[(n * 7) % cells.length];
  const last = cell.end - 1;
  switch (n % 8) {
    case 0:
    case 3:
      return { range: { start: last, end: cell.end }, newText: String((Number(text[last]) + 3) % 10) };
    case 1:
      return { range: { start: cell.end, end: cell.end }, newText: '5' };
    case 2:
      return cell.raw.length > 1 ? { range: { start: cell.start, end: cell.start + 1 }, newText: '' } : { range: { start: cell.start, end: cell.start }, newText: '1' };
    case 4:
      return { range: { start: cell.end, end: cell.end }, newText: 'x' };
    case 5: {
      // A character typed in the prose, before the first table's number (a heading or sentence near it).
      const at = Math.max(0, cells[0].start - 20);
      return { range: { start: at, end: at }, newText: '报' };
    }
    case 6:
      return { range: { start: cell.start, end: cell.end }, newText: '' };
    default:
      return { range: { start: cell.start, end: cell.start }, newText: '0' };
  }
}

describe('checkEditedText', () => {
  it('gives the findings and the report of a full check after every edit of a run, on real reports', async () => {
    const options: CheckOptions = { template: 'auto', templates: builtinTemplates, locale: 'zh-CN', verifySuggestions: false };
    let edits = 0;
    let reused = 0;
    for (const sample of editSamples().filter((s) => /\.(txt|md)$/u.test(s.name))) {
      const read = await checkReport({ bytes: sample.bytes, fileName: sample.name }, { verifySuggestions: false });
      const source = read.source;
      let previous: BufferCheck = checkEditedText(source, options);
      sameAs(previous.result, checkText(source, identityView(source.text), options), sample.name);
      let text = source.text;
      for (let n = 0; n < 8; n++) {
        const edit = nextEdit(text, previous.result, n);
        if (!edit) break;
        text = applyEdits(text, [edit]);
        const edited = { ...source, text };
        const next = checkEditedText(edited, options, previous);
        const full = checkText(edited, identityView(text), options);
        const where = `${sample.name} edit ${n} ${JSON.stringify(edit)}`;
        sameAs(next.result.diagnostics, full.diagnostics, where);
        sameAs(next.result, full, where);
        edits++;
        if (next.reusedParse) reused++;
        previous = next;
      }
    }
    // The carried-over parse is really taken (else the test proves nothing), and not for every edit.
    expect(reused).toBeGreaterThan(edits / 5);
    expect(reused).toBeLessThan(edits);
  }, 120_000);

  it('starts afresh when the options differ from the check before', () => {
    const text = readFileSync(new URL('examples/seeds/003_136fd1d98cf7f7a0.txt', root), 'utf8');
    const source = { name: 'a.txt', format: 'txt' as const, encoding: 'utf-8', text };
    const first = checkEditedText(source, { locale: 'zh-CN', verifySuggestions: false });
    const cell = numberCells(first.result)[0];
    const edited = { ...source, text: applyEdits(text, [{ range: { start: cell.end - 1, end: cell.end }, newText: text[cell.end - 1] === '1' ? '2' : '1' }]) };
    expect(checkEditedText(edited, { locale: 'zh-CN', verifySuggestions: false }, first).reusedParse).toBe(true);
    const english = checkEditedText(edited, { locale: 'en', verifySuggestions: false }, first);
    expect(english.reusedParse).toBe(false);
    expect(english.result).toEqual(checkText(edited, identityView(edited.text), { locale: 'en', verifySuggestions: false }));
  });
});

describe('cellDigitsEdit', () => {
  it('widens a change of digits to the run of digits around it', () => {
    expect(cellDigitsEdit('a 123 b', 'a 153 b')).toEqual({ range: { start: 2, end: 5 }, newText: '153' });
    expect(cellDigitsEdit('a 10 b', 'a 100 b')).toEqual({ range: { start: 2, end: 4 }, newText: '100' });
    expect(cellDigitsEdit('a 12 b', 'a 2 b')).toEqual({ range: { start: 2, end: 4 }, newText: '2' });
    expect(cellDigitsEdit('a 1 b', 'a 1 b')).toBeUndefined();
  });

  it('refuses any change but digits, and a number deleted', () => {
    expect(cellDigitsEdit('a 12 b', 'a 1x2 b')).toBeUndefined();
    expect(cellDigitsEdit('a 12 b', 'a  b')).toBeUndefined();
    expect(cellDigitsEdit('a 12 b', 'a 12 c')).toBeUndefined();
    expect(cellDigitsEdit('a 1 2 b', 'a 132 b')).toBeUndefined();
  });
});
