import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignRow, newAlignedCell, newRowAlignment, splitDigits, type RowEquation, type RowSlot } from '../../src/parse/row-alignment.js';

/** Slots from a compact spec: a number, '' (empty field), '/' (blank marker), '?' text. */
function slots(...spec: string[]): RowSlot[] {
  let at = 0;
  return spec.map((text) => {
    const kind: RowSlot['kind'] = text === '' ? 'empty' : text === '/' ? 'blank' : /^[0-9]+$/.test(text) ? 'value' : 'invalid';
    const slot = { kind, start: at, end: at + text.length, text };
    at += text.length + 1;
    return slot;
  });
}

/** Total (last column) = sum of the others. */
const total = (k: number): RowEquation => ({
  terms: [{ column: k - 1, coef: 1 }, ...Array.from({ length: k - 1 }, (_, c) => ({ column: c, coef: -1 }))],
});
const numberOf = (s: RowSlot): number | null => (s.kind === 'value' ? Number(s.text) : null);

function read(list: RowSlot[], k: number, equations: RowEquation[] = [], spans?: number[]) {
  const a = alignRow(list, k, { equations, at: 0, numberOf, ...(spans ? { spans } : {}) });
  return {
    values: a.cells.map((c) => (c.part ? c.part.text : c.slot && c.slot.kind !== 'empty' ? c.slot.text : '')),
    guessed: a.cells.some((c) => c.guessed),
    extra: a.extra,
    glued: a.glued,
  };
}

describe('alignRow', () => {
  it('reads one slot per column directly (blank markers included)', () => {
    expect(read(slots('1', '/', '3'), 3)).toEqual({ values: ['1', '/', '3'], guessed: false, extra: false, glued: undefined });
  });

  it('ignores empty fields when the filled ones match the columns (one cell per line)', () => {
    expect(read(slots('', '/', '', '/', '', '0'), 3).values).toEqual(['/', '/', '0']);
  });

  it('trims empty fields at the edges of a separated row', () => {
    expect(read(slots('', '', '218', ''), 3).values).toEqual(['', '', '218']);
    expect(read(slots('', '0', '0', '0', ''), 3).values).toEqual(['0', '0', '0']);
  });

  it('reads merged cells through the column spans', () => {
    expect(read(slots('6', '', ''), 1, [], [3]).values).toEqual(['6']);
    expect(read(slots('', '6', '', '', '7', ''), 2, [], [3, 3]).values).toEqual(['6', '7']);
  });

  it('anchors the first and the last number when fields drift', () => {
    const r = read(slots('1', '', '', '', '', '', '', '1', ''), 7, [total(7)]);
    expect(r.values).toEqual(['1', '', '', '', '', '', '1']);
    expect(r.guessed).toBe(false);
  });

  it('lets the row equation choose between placements, and calls it a guess when close', () => {
    const r = read(slots('', '5', '', '5'), 7, [total(7)]);
    expect(r.values[6]).toBe('5');
    expect(r.values.filter((v) => v !== '')).toEqual(['5', '5']);
    expect(r.guessed).toBe(true);
  });

  it('takes a surplus blank at the end of a row for a spacer rather than shifting the numbers', () => {
    const r = read(slots('/', '/', '/', '/', '/', '/', '0', '/'), 7, [total(7)]);
    expect(r.values).toEqual(['/', '/', '/', '/', '/', '/', '0']);
    expect(r.guessed).toBe(true);
  });

  it('keeps the first numbers of a row with too many, and says so', () => {
    expect(read(slots('1', '2', '3', '4'), 3)).toMatchObject({ values: ['1', '2', '3'], extra: true, guessed: true });
  });

  it('leaves a row of empty fields blank', () => {
    expect(read(slots('', '', '', '', ''), 3).values).toEqual(['', '', '']);
  });

  it('splits glued digits when exactly one split satisfies the equation', () => {
    expect(read(slots('2000002'), 7, [total(7)])).toMatchObject({
      values: ['2', '0', '0', '0', '0', '0', '2'],
      glued: 'split',
      guessed: true,
    });
    expect(read(slots('1020300033'), 7, [total(7)]).values).toEqual(['10', '20', '3', '0', '0', '0', '33']);
  });

  it('gives up on glued digits with several splits', () => {
    const r = read(slots('0200201133'), 7, [total(7)]);
    expect(r.glued).toBe('ambiguous');
    expect(r.values).toEqual(['', '', '', '', '', '', '']);
  });

  it('does not split digits no split explains', () => {
    expect(read(slots('1234567'), 7, [total(7)]).glued).toBeUndefined();
  });
});

describe('alignRow: the slots holding values', () => {
  // The values (and invalid numbers) of a row are listed from its non-empty slots, and only past the first
  // rules: the same slots, in the same order, as listed from all of them.
  const holdsValue = (s: RowSlot): boolean => s.kind === 'value' || s.kind === 'invalid';
  const trimEdges = (list: RowSlot[], k: number): RowSlot[] => {
    let a = 0;
    let b = list.length;
    while (b - a > k && list[b - 1].kind === 'empty') b--;
    while (b - a > k && list[a].kind === 'empty') a++;
    return list.slice(a, b);
  };
  it('aligns as the rules read from all slots say, on random rows', () => {
    const spec = fc.array(fc.constantFrom('', '', '/', '0', '12', '7', 'x'), { maxLength: 9 });
    fc.assert(
      fc.property(spec, fc.integer({ min: 0, max: 5 }), (texts, k) => {
        const list = slots(...texts);
        const before = [...list];
        const a = alignRow(list, k, { equations: [], at: 0, numberOf });
        // The row's list (given to the rules as is when it has no empty field) is left as it was.
        expect(list).toEqual(before);
        const nonEmpty = list.filter((s) => s.kind !== 'empty');
        const filled = list.filter(holdsValue);
        if (k <= 0) {
          expect(a.cells).toEqual([]);
          expect(a.extra).toBe(filled.length > 0);
        } else if (nonEmpty.length === k) {
          expect(a.cells.map((c) => c.slot)).toEqual(nonEmpty);
          expect(a.extra).toBe(false);
        } else if (trimEdges(list, k).length !== k && filled.length === k) {
          expect(a.cells.map((c) => c.slot)).toEqual(filled);
          expect(a.repaired).toBe(true);
        } else if (trimEdges(list, k).length !== k && filled.length > k) {
          expect(a.cells.map((c) => c.slot)).toEqual(filled.slice(0, k));
          expect(a.extra).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('alignRow: digits glued to the label of a row without equations', () => {
  const glued = (text: string, at: number): RowSlot[] => [{ kind: 'value', start: at, end: at + text.length, text }];

  it('splits a run of one digit per column, as a guess', () => {
    const a = alignRow(glued('000', 2), 3, { equations: [], at: 2, numberOf });
    expect(a.glued).toBe('split');
    expect(a.cells.map((c) => [c.part?.text, c.part?.start, c.guessed])).toEqual([['0', 2, true], ['0', 3, true], ['0', 4, true]]);
  });

  it('leaves a longer run unread (ambiguous) and a separated number where it is', () => {
    expect(alignRow(glued('3112', 2), 3, { equations: [], at: 2, numberOf }).glued).toBe('ambiguous');
    const separated = alignRow(glued('312', 3), 3, { equations: [], at: 2, numberOf });
    expect(separated.glued).toBeUndefined();
  });

  it('keeps the candidate splits of an ambiguous row with equations, for the table to decide', () => {
    const a = alignRow(glued('142001017', 0), 7, { equations: [total(7)], at: 0, numberOf });
    expect(a.glued).toBe('ambiguous');
    expect(a.candidates?.splits).toEqual(expect.arrayContaining([[2, 1, 1, 1, 1, 1, 2], [1, 1, 1, 1, 1, 2, 2]]));
  });
});

describe('alignRow: one shape', () => {
  it('makes every alignment and cell with the same fields, in the same order, whatever the layout', () => {
    const alignmentKeys = Object.keys(newRowAlignment([], false));
    const cellKeys = Object.keys(newAlignedCell(undefined, undefined, 0, false));
    expect(alignmentKeys).toEqual(['cells', 'extra', 'repaired', 'glued', 'candidates', 'alternatives']);
    expect(cellKeys).toEqual(['slot', 'part', 'position', 'guessed']);
    const cases: [RowSlot[], number, RowEquation[], number[]?][] = [
      [slots('1', '/', '3'), 3, []],
      [slots('', '1', '2', ''), 2, []],
      [slots('1', '', '2', '3'), 3, [], [2, 1]],
      [slots('1', '2', '3', '4'), 3, []],
      [slots('', '', ''), 2, []],
      [slots('1', '3'), 3, [total(3)]],
      [slots('123'), 3, []],
      [slots('1234'), 3, []],
      [slots('11011'), 3, [total(3)]],
      [slots('1420010017'), 7, [total(7)]],
    ];
    for (const [list, k, equations, spans] of cases) {
      const a = alignRow(list, k, { equations, at: 0, numberOf, ...(spans ? { spans } : {}) });
      expect(Object.keys(a)).toEqual(alignmentKeys);
      for (const cell of a.cells) expect(Object.keys(cell)).toEqual(cellKeys);
    }
    const runOn = alignRow(slots('2', '00'), 3, { equations: [total(3)], at: 0, numberOf, runOn: true });
    expect(Object.keys(runOn)).toEqual(alignmentKeys);
  });
});

describe('splitDigits', () => {
  it('finds every split, without leading zeros', () => {
    expect(splitDigits('0200201133', 7, [total(7)], 10)).toEqual([
      [1, 1, 1, 1, 2, 2, 2],
      [1, 2, 1, 1, 1, 2, 2],
    ]);
    expect(splitDigits('100', 2, [], 10)).toEqual([[2, 1]]);
  });

  it('stays within its budget on long runs', () => {
    const started = performance.now();
    const result = splitDigits('1'.repeat(100), 15, [], 2);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result === null || result.length <= 2).toBe(true);
  });
});
