import { describe, expect, it } from 'vitest';
import { localizeErrors, type LocalizationConstraint, type LocalizationInput } from '../../src/localize/index.js';

const t = (cell: string, coef = 1) => ({ cell, coef });

/** A grid with a total row T and a total column T: rows r1, r2, T × columns c1, c2, T. */
function grid(values: Record<string, number[]>): LocalizationInput {
  const rows = ['r1', 'r2', 'T'];
  const columns = ['c1', 'c2', 'T'];
  const constraints: LocalizationConstraint[] = [];
  for (const row of rows) {
    constraints.push({ id: `row[${row}]`, lhs: [t(`${row}.T`)], op: '=', rhs: [t(`${row}.c1`), t(`${row}.c2`)] });
  }
  for (const column of columns) {
    constraints.push({ id: `col[${column}]`, lhs: [t(`T.${column}`)], op: '=', rhs: [t(`r1.${column}`), t(`r2.${column}`)] });
  }
  const map = new Map<string, number>();
  const written = new Map<string, string>();
  const domains = new Map<string, 'count'>();
  for (const row of rows) {
    values[row].forEach((value, i) => {
      const id = `${row}.${columns[i]}`;
      map.set(id, value);
      written.set(id, String(value));
      domains.set(id, 'count');
    });
  }
  const order = rows.flatMap((row) => columns.map((column) => `${row}.${column}`));
  return { constraints, values: map, written, domains, order };
}

describe('localizeErrors', () => {
  it('lets a statement from outside the tables single out one of several equally small fixes', () => {
    // A single total row: T = a + b + c, with T 5 and parts 1, 1, 1: changing T or any part fixes it.
    const base: LocalizationInput = {
      constraints: [{ id: 'sum', lhs: [t('T')], op: '=', rhs: [t('a'), t('b'), t('c')] }],
      values: new Map([['T', 5], ['a', 1], ['b', 1], ['c', 1]]),
      domains: new Map([['T', 'count'], ['a', 'count'], ['b', 'count'], ['c', 'count']]),
    };
    const [alone] = localizeErrors(base);
    expect(alone.status).toBe('ambiguous');
    // The text says the total is 3: only changing T agrees with it.
    const [withText] = localizeErrors({ ...base, evidence: [{ id: 'text', terms: [{ cell: 'T', coef: 1, value: 5 }], value: 3 }] });
    expect(withText.status).toBe('unique');
    expect(withText.alternatives).toEqual([[{ cell: 'T', from: 5, to: 3, toText: '3' }]]);
    expect(withText.corroborated).toEqual(['text']);
    // A statement no fix makes true changes nothing.
    const [unrelated] = localizeErrors({ ...base, evidence: [{ id: 'text', terms: [{ cell: 'a', coef: 1, value: 1 }], value: 9 }] });
    expect(unrelated.status).toBe('ambiguous');
    expect(unrelated.corroborated).toBeUndefined();
  });

  it('finds nothing to do when every constraint holds', () => {
    expect(localizeErrors(grid({ r1: [1, 2, 3], r2: [4, 5, 9], T: [5, 7, 12] }))).toEqual([]);
  });

  it('blames one wrong detail cell (its row and its column fail)', () => {
    const [result] = localizeErrors(grid({ r1: [6, 2, 3], r2: [4, 5, 9], T: [5, 7, 12] }));
    expect(result.status).toBe('unique');
    expect(result.violated.sort()).toEqual(['col[c1]', 'row[r1]']);
    expect(result.alternatives[0].map((c) => [c.cell, c.toText])).toEqual([['r1.c1', '1']]);
  });

  it('blames one wrong total', () => {
    const [result] = localizeErrors(grid({ r1: [1, 2, 4], r2: [4, 5, 9], T: [5, 7, 12] }));
    expect(result.status).toBe('unique');
    expect(result.alternatives[0].map((c) => [c.cell, c.toText])).toEqual([['r1.T', '3']]);
  });

  it('separates two independent errors in different columns', () => {
    const [result] = localizeErrors(grid({ r1: [6, 2, 3], r2: [4, 0, 9], T: [5, 7, 12] }));
    expect(result.status).toBe('unique');
    expect(result.alternatives[0].map((c) => [c.cell, c.toText])).toEqual([
      ['r1.c1', '1'],
      ['r2.c2', '5'],
    ]);
  });

  it('recognises a digit swap', () => {
    const [result] = localizeErrors(grid({ r1: [1085, 20, 1078], r2: [4, 5, 9], T: [1062, 25, 1087] }));
    expect(result.status).toBe('unique');
    const [change] = result.alternatives[0];
    expect(change.cell).toBe('r1.c1');
    expect(change.toText).toBe('1058');
    expect(change.slip).toEqual({ kind: 'swap', written: '1085', intended: '1058' });
  });

  it('lists every equally small fix of an ambiguous case, the total first', () => {
    const input: LocalizationInput = {
      constraints: [{ id: 'sum', lhs: [t('total')], op: '=', rhs: [t('a'), t('b'), t('c')] }],
      values: new Map([
        ['a', 1],
        ['b', 1],
        ['c', 1],
        ['total', 5],
      ]),
      domains: new Map([
        ['a', 'count'],
        ['b', 'count'],
        ['c', 'count'],
        ['total', 'count'],
      ]),
      order: ['a', 'b', 'c', 'total'],
    };
    const [result] = localizeErrors(input);
    expect(result.status).toBe('ambiguous');
    expect(result.alternatives.map((alt) => alt.map((c) => `${c.cell}=${c.toText}`))).toEqual([
      ['total=3'],
      ['a=3'],
      ['b=3'],
      ['c=3'],
    ]);
  });

  it('prefers a fix explained by a typing slip among equal-cost fixes', () => {
    const input: LocalizationInput = {
      constraints: [{ id: 'sum', lhs: [t('total')], op: '=', rhs: [t('a'), t('b')] }],
      values: new Map([
        ['a', 91],
        ['b', 5],
        ['total', 24],
      ]),
      written: new Map([
        ['a', '91'],
        ['b', '5'],
        ['total', '24'],
      ]),
      domains: new Map([
        ['a', 'count'],
        ['b', 'count'],
        ['total', 'count'],
      ]),
    };
    const [result] = localizeErrors(input);
    expect(result.status).toBe('ambiguous');
    expect(result.alternatives[0][0]).toMatchObject({ cell: 'a', toText: '19', slip: { kind: 'swap' } });
    expect(result.alternatives[1][0]).toMatchObject({ cell: 'total', toText: '96' });
    expect(result.alternatives[1][0].slip).toBeUndefined();
  });

  it('fixes the total row of a table-3-like block with two edits (seed 003 shape)', () => {
    // R1: 一 + 二 = 七 + 四; R2: 七 = res1 + res2; R3: total = natural + other — for two columns and each row.
    const rows = ['new', 'carried', 'res1', 'res2', 'sum', 'next'];
    const columns = ['natural', 'other', 'total'];
    const data: Record<string, number[]> = {
      new: [2, 0, 2],
      carried: [0, 0, 0],
      res1: [1, 0, 1],
      res2: [1, 0, 1],
      sum: [0, 0, 0],
      next: [0, 0, 0],
    };
    const constraints: LocalizationConstraint[] = [];
    for (const c of columns) {
      constraints.push({ id: `R1[${c}]`, lhs: [t(`new.${c}`), t(`carried.${c}`)], op: '=', rhs: [t(`sum.${c}`), t(`next.${c}`)] });
      constraints.push({ id: `R2[${c}]`, lhs: [t(`sum.${c}`)], op: '=', rhs: [t(`res1.${c}`), t(`res2.${c}`)] });
    }
    for (const r of rows) {
      constraints.push({ id: `R3[${r}]`, lhs: [t(`${r}.total`)], op: '=', rhs: [t(`${r}.natural`), t(`${r}.other`)] });
    }
    const values = new Map<string, number>();
    const domains = new Map<string, 'count'>();
    for (const r of rows) {
      columns.forEach((c, i) => {
        values.set(`${r}.${c}`, data[r][i]);
        domains.set(`${r}.${c}`, 'count');
      });
    }
    const [result] = localizeErrors({ constraints, values, domains });
    expect(result.violated.sort()).toEqual(['R1[natural]', 'R1[total]', 'R2[natural]', 'R2[total]']);
    expect(result.status).toBe('unique');
    expect(result.alternatives[0].map((c) => `${c.cell}=${c.toText}`)).toEqual(['sum.natural=2', 'sum.total=2']);
  });

  it('handles inequalities (bounds) and lists the alternatives', () => {
    // part ≤ a + b in two columns, and each row's total = natural.
    const constraints: LocalizationConstraint[] = [];
    for (const c of ['n', 'T']) {
      constraints.push({ id: `R5[${c}]`, lhs: [t(`part.${c}`)], op: '<=', rhs: [t(`a.${c}`), t(`b.${c}`)] });
    }
    for (const r of ['a', 'b', 'part']) {
      constraints.push({ id: `R3[${r}]`, lhs: [t(`${r}.T`)], op: '=', rhs: [t(`${r}.n`), t(`${r}.o`)] });
    }
    const values = new Map<string, number>();
    const domains = new Map<string, 'count'>();
    for (const r of ['a', 'b', 'part']) {
      for (const c of ['n', 'o', 'T']) {
        values.set(`${r}.${c}`, r === 'part' && c !== 'o' ? 1 : 0);
        domains.set(`${r}.${c}`, 'count');
      }
    }
    const [result] = localizeErrors({ constraints, values, domains, order: [...values.keys()] });
    expect(result.status).toBe('ambiguous');
    expect(result.alternatives.map((alt) => alt.map((c) => `${c.cell}=${c.toText}`)).sort()).toEqual([
      ['a.n=1', 'a.T=1'],
      ['b.n=1', 'b.T=1'],
      ['part.n=0', 'part.T=0'],
    ]);
  });

  it('says so when no small fix exists', () => {
    // Four independent single-cell equations cannot be fixed with three cells.
    const constraints: LocalizationConstraint[] = ['a', 'b', 'c', 'd'].map((x) => ({
      id: x,
      lhs: [t(`${x}1`)],
      op: '=',
      rhs: [t(`${x}2`)],
    }));
    // Tie them together so they form one group.
    constraints.push({ id: 'link', lhs: [t('a1'), t('b1'), t('c1'), t('d1')], op: '=', rhs: [t('a1'), t('b1'), t('c1'), t('d1')] });
    const values = new Map<string, number>();
    for (const x of ['a', 'b', 'c', 'd']) {
      values.set(`${x}1`, 1);
      values.set(`${x}2`, 2);
    }
    const [result] = localizeErrors({ constraints, values });
    expect(result.status).toBe('none');
    expect(result.alternatives).toEqual([]);
  });

  it('stops at its budget and says the localisation is not unique', () => {
    const [result] = localizeErrors({ ...grid({ r1: [6, 2, 3], r2: [4, 0, 9], T: [5, 7, 12] }), limits: { maxSets: 1 } });
    expect(result.status).toBe('capped');
  });

  it('is exact with decimals and keeps groups apart', () => {
    const results = localizeErrors({
      constraints: [
        { id: 'money', lhs: [t('m.total')], op: '=', rhs: [t('m.a'), t('m.b')] },
        { id: 'other', lhs: [t('x')], op: '=', rhs: [t('y')] },
      ],
      values: new Map([
        ['m.total', 0.3],
        ['m.a', 0.1],
        ['m.b', 0.25],
        ['x', 1],
        ['y', 1],
      ]),
      order: ['m.a', 'm.b', 'm.total', 'x', 'y'],
    });
    expect(results).toHaveLength(1);
    expect(results[0].alternatives[0]).toMatchObject([{ cell: 'm.total', toText: '0.35' }]);
  });

  it('sums the coefficients of a cell read more than once, in short and long constraints alike, in integers or not', () => {
    // d·2 − d = d: each constraint reads d twice. The long one has nine terms (a cell found by a map there).
    const many = Array.from({ length: 6 }, (_, i) => t(`e${i}`));
    const input = (scale: number): LocalizationInput => ({
      constraints: [
        { id: 'short', lhs: [t('s'), t('d', 2)], op: '=', rhs: [t('a'), t('d')] },
        { id: 'long', lhs: [t('l'), t('d', 2)], op: '=', rhs: [...many, t('d'), t('a')] },
      ],
      values: new Map([
        ['s', 5 * scale],
        ['d', 4 * scale],
        ['a', 6 * scale],
        ['l', 12 * scale],
        ...many.map(({ cell }, i): [string, number] => [cell, (i + 1) * scale]),
      ]),
      order: ['a', 'd', 's', 'l', ...many.map(({ cell }) => cell)],
    });
    // That is s + d = a and l + d = e0 + … + e5 + a: s is 3 too large, l 11 too small (a or d shared: no one-cell fix).
    for (const [scale, s, l] of [
      [1, '2', '23'],
      [0.1, '0.2', '2.3'],
    ] as const) {
      const results = localizeErrors(input(scale));
      expect(results).toHaveLength(1);
      expect(results[0].violated).toEqual(['short', 'long']);
      expect(results[0].alternatives[0].map((change) => `${change.cell}=${change.toText}`)).toEqual([`s=${s}`, `l=${l}`]);
    }
  });

  it('is deterministic', () => {
    const input = grid({ r1: [6, 2, 3], r2: [4, 0, 9], T: [5, 7, 12] });
    expect(JSON.stringify(localizeErrors(input))).toBe(JSON.stringify(localizeErrors(input)));
  });

  it('gives the same localisations when constraints and order are the objects of an earlier call', () => {
    const tables = [
      { r1: [6, 2, 3], r2: [4, 5, 9], T: [5, 7, 12] },
      { r1: [1, 2, 3], r2: [4, 5, 9], T: [5, 7, 12] },
      { r1: [1, 2, 3], r2: [4, 5, 9], T: [5, 7, 13] },
      { r1: [1, 2, 4], r2: [4, 5, 8], T: [5, 7, 12] },
    ];
    const shared = grid(tables[0]);
    for (const table of tables) {
      const fresh = grid(table);
      expect(localizeErrors({ ...fresh, constraints: shared.constraints, order: shared.order })).toEqual(localizeErrors(fresh));
    }
    // Cells missing from a shared order rank after it, in each call by its own constraints only.
    const order = ['b'];
    const values = new Map([['a', 3], ['b', 2], ['c', 1], ['d', 1], ['e', 1]]);
    const inputs: LocalizationInput[] = [
      { constraints: [{ id: 'x', lhs: [t('a'), t('c')], op: '=', rhs: [t('b'), t('e')] }], values, order },
      { constraints: [{ id: 'y', lhs: [t('d'), t('e')], op: '=', rhs: [t('c'), t('b')] }], values, order },
    ];
    for (const input of inputs) {
      const result = localizeErrors(input);
      expect(result[0].alternatives.length).toBeGreaterThan(1);
      expect(result).toEqual(localizeErrors({ ...input, order: [...order] }));
    }
  });
});

