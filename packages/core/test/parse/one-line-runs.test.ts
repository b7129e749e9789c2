import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchKey } from '../../src/parse/match-key.js';
import { mayRunOn } from '../../src/parse/one-line-runs.js';
import { tablePlans } from '../../src/parse/table-plan.js';
import { builtinTemplates } from '../../src/templates/index.js';
import { alignRow, type RowEquation, type RowSlot } from '../../src/parse/row-alignment.js';
import { checkVariantText, findings, T3_EXPECTED, T4_EXPECTED, values, variantText } from '../variants/variant-helpers.js';

/**
 * The one-line runs layout family (one-line-runs.ts): rows restored at their labels found anywhere in a
 * line, their glued digits split by the equations of the row and the table.
 */

const total = (k: number): RowEquation => ({
  terms: [...Array.from({ length: k - 1 }, (_, column) => ({ column, coef: 1 })), { column: k - 1, coef: -1 }],
});
const numberOf = (slot: RowSlot): number | null => (/^-?[0-9]+$/.test(slot.text) ? Number(slot.text) : null);
/** Value slots of space-separated words, as a run-on row's field gives them. */
function slots(text: string): RowSlot[] {
  const out: RowSlot[] = [];
  for (const m of text.matchAll(/\S+/g)) out.push({ kind: 'value', start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}
const split = (text: string, k = 7, equations = [total(7)]) => {
  const a = alignRow(slots(text), k, { equations, at: 0, numberOf, runOn: true });
  return a.glued === 'ambiguous' ? 'ambiguous' : a.cells.map((c) => Number(c.part?.text ?? c.slot?.text));
};

describe('a run-on row of glued digits', () => {
  it('is split the one way its equation allows, the number of digits per cell unknown', () => {
    expect(split('640020470')).toEqual([64, 0, 0, 2, 0, 4, 70]);
    expect(split('0000000')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('keeps the separators it still has, and cuts no run across them (spaces between some numbers)', () => {
    expect(split('2 0 00 0  0 2')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(split('10  00  00 1')).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it('is ambiguous with the splits its equation allows, for the table to decide', () => {
    const a = alignRow(slots('142001017'), 7, { equations: [total(7)], at: 0, numberOf, runOn: true });
    expect(a.glued).toBe('ambiguous');
    expect(a.alternatives?.map((x) => x.cells.map((c) => Number(c.part!.text)))).toEqual(
      expect.arrayContaining([
        [14, 2, 0, 0, 1, 0, 17],
        [1, 4, 2, 0, 0, 10, 17],
      ]),
    );
    expect(a.cells.every((c) => !c.slot && !c.part)).toBe(true);
  });

  it('is ambiguous without an equation (blank cells whose separators were lost look like cells)', () => {
    expect(split('218', 3, [])).toBe('ambiguous');
    expect(split('6 10', 3, [])).toBe('ambiguous');
  });

  it('is ambiguous when too few digits are left for the columns', () => {
    expect(split('2323')).toBe('ambiguous');
  });

  it('stays within its search budget on a long run', () => {
    const started = performance.now();
    expect(split('1'.repeat(3000), 15, [])).toBe('ambiguous');
    const long = alignRow(slots(`${'1'.repeat(60)} ${'2'.repeat(60)}`), 15, { equations: [total(15)], at: 0, numberOf, runOn: true });
    expect(long.glued).toBe('ambiguous');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('a glued report on one line (10-glued-2021.txt without its line breaks)', async () => {
  const oneLine = variantText('10-glued-2021.txt').replace(/\r\n|\r|\n/g, '');
  const result = await checkVariantText(oneLine, 'glued-one-line.txt');

  it('finds every section heading inside the line', () => {
    expect(result.report!.sections.map((s) => s.match)).toEqual(['exact', 'exact', 'exact', 'exact', 'exact', 'exact']);
  });

  it('reads every table-3 row, the header glued to the first row, by the equations across rows and columns', () => {
    for (const [row, expected] of Object.entries(T3_EXPECTED)) expect(values(result, 't3', row), row).toEqual(expected);
  });

  it('reads table 4 from one run of fifteen digits after its header', () => {
    expect(values(result, 't4', 'cases')).toEqual(T4_EXPECTED);
  });

  it('leaves the table-2 rows of glued numbers unread and says so once per table', () => {
    expect(values(result, 't2-1', 'regulations')).toEqual(['na', 'na', 'na']);
    expect(values(result, 't2-5', 'licensing')).toEqual([1085]);
    expect(findings(result, 'structure/row-ambiguous').map((d) => d.message).join('\n')).toContain('行政规范性文件');
    expect(findings(result, 'arithmetic/equation')).toEqual([]);
  });
});

describe('some line breaks kept', async () => {
  // Every second line break of the glued fixture removed: rows run into each other in pairs.
  let n = 0;
  const mixed = variantText('10-glued-2021.txt').replace(/\n/g, () => (n++ % 2 === 0 ? '' : '\n'));
  const result = await checkVariantText(mixed, 'glued-mixed.txt');

  it('reads the same table-3 and table-4 values', () => {
    for (const [row, expected] of Object.entries(T3_EXPECTED)) expect(values(result, 't3', row), row).toEqual(expected);
    expect(values(result, 't4', 'cases')).toEqual(T4_EXPECTED);
    expect(findings(result, 'arithmetic/equation')).toEqual([]);
  });
});

describe('the pre-2019 statistics table (a text column, an appendix table) on one line', () => {
  const text = readFileSync(new URL('../../../../examples/pre2019-2015.txt', import.meta.url), 'utf8');

  it('restores the appendix table’s rows and reads its unit words as cells (TABs kept)', async () => {
    const result = await checkVariantText(text.replace(/\r\n|\r|\n/g, ''), 'pre2019.txt');
    const row = result.report!.tables[0].rows.find((r) => r.id === 'onRequest.received')!;
    expect(row.cells.map((c) => `${c.state} ${c.raw}`)).toEqual(['text 件', 'number 37', 'number 212']);
    expect(result.diagnostics).toEqual([]);
  });

  it('says that glued decimals ("万元4.526.8") cannot be split instead of reading a cell “.8”', async () => {
    const result = await checkVariantText(text.replace(/\r\n|\r|\n|\t/g, ''), 'pre2019.txt');
    expect(findings(result, 'cell/invalid')).toEqual([]);
    const expenditure = result.report!.tables[0].rows.find((r) => r.id === 'organisation.expenditure')!;
    expect(expenditure.cells.every((c) => c.state === 'na')).toBe(true);
    const notes = result.report!.tables[0].notes.filter((n) => n.kind === 'glued-ambiguous').map((n) => n.row);
    expect(notes).toContain('organisation.expenditure');
    expect(findings(result, 'structure/row-ambiguous')).toHaveLength(1);
  });
});

describe('mayRunOn', () => {
  // The definition it stands for: a line of at least 16 characters with text after a number whose match
  // key holds the keys of two leaf row labels (each label key of two or more characters, counted once).
  const template = builtinTemplates.find((t) => t.id === 'gov-disclosure-2021')!;
  const plans = [...tablePlans(template).values()].filter((plan) => !plan.unlabelled);
  const leafKeys = plans.flatMap((plan) => plan.leaves.flatMap((l) => l.patterns.map((p) => p.key)).filter((k) => k.length >= 2));
  const reference = (text: string): boolean =>
    text.split('\n').some((line) => {
      if (line.length < 16 || !/[0-9０-９][\s\u00a0\u3000|]*[\p{Script=Han}（(]/u.test(line)) return false;
      const key = matchKey(line);
      return leafKeys.filter((k) => key.includes(k)).length >= 2;
    });

  it('agrees with its definition on lines of row labels, digits and prose', () => {
    const labels = plans.flatMap((plan) => plan.leaves.map((l) => l.label)).slice(0, 40);
    const pieces = [...labels, '0', '12', '3', ' ', '\n', '，', '本机关', '（一）', '2.', '总计'];
    const outcomes = new Set<boolean>();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        outcomes.add(reference(text));
        expect(mayRunOn(text, 0, text.length, plans), JSON.stringify(text)).toBe(reference(text));
      }),
      { seed: 20261204, numRuns: 3000 },
    );
    expect([...outcomes].sort()).toEqual([false, true]);
  });
});
