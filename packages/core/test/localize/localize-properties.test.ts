import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localizeErrors, Rational, type LocalizationConstraint } from '../../src/localize/index.js';

/** The cells the drawn constraints of the property tests read. */
const cells = ['a', 'b', 'c', 'd', 'e', 'f'];

/** A constraint over {@link cells} drawn by fast-check, its terms' coefficients among `coefficients`. */
function drawnConstraint(coefficients: number[]) {
  const term = fc.record({ cell: fc.constantFrom(...cells), coef: fc.constantFrom(...coefficients) });
  return fc.record({
    lhs: fc.array(term, { minLength: 1, maxLength: 3 }),
    op: fc.constantFrom('=', '=', '<=', '>=', '<', '>'),
    rhs: fc.array(term, { maxLength: 4 }),
    constant: fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
    tolerance: fc.option(fc.constantFrom(0, 1, 0.5), { nil: undefined }),
  });
}

/** A table with detail rows/columns, a total row and a total column, its row and column sums. */
function sumTable(rows: number, columns: number) {
  const id = (r: number, c: number) => `r${r}c${c}`;
  const constraints: LocalizationConstraint[] = [];
  for (let r = 0; r <= rows; r++) {
    constraints.push({
      id: `row${r}`,
      lhs: [{ cell: id(r, columns), coef: 1 }],
      op: '=',
      rhs: Array.from({ length: columns }, (_, c) => ({ cell: id(r, c), coef: 1 })),
    });
  }
  for (let c = 0; c <= columns; c++) {
    constraints.push({
      id: `col${c}`,
      lhs: [{ cell: id(rows, c), coef: 1 }],
      op: '=',
      rhs: Array.from({ length: rows }, (_, r) => ({ cell: id(r, c), coef: 1 })),
    });
  }
  return { id, constraints };
}

function holdsAll(constraints: LocalizationConstraint[], values: Map<string, number>): boolean {
  const side = (terms: LocalizationConstraint['lhs']) =>
    terms.reduce((sum, t) => sum.add(Rational.fromNumber(t.coef * values.get(t.cell)!)), Rational.ZERO);
  return constraints.every((c) => side(c.lhs).equals(side(c.rhs)));
}

describe('localizeErrors (properties)', () => {
  it('every proposed fix makes every constraint hold, keeps counts non-negative, and is smallest', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(50), { minLength: 16, maxLength: 16 }),
        fc.array(fc.tuple(fc.nat(4), fc.nat(4), fc.integer({ min: -9, max: 9 })), { minLength: 1, maxLength: 3 }),
        (rows, columns, seedValues, perturbations) => {
          const { id, constraints } = sumTable(rows, columns);
          const values = new Map<string, number>();
          for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) values.set(id(r, c), seedValues[r * 4 + c]);
          for (let r = 0; r < rows; r++) {
            values.set(id(r, columns), [...Array(columns).keys()].reduce((s, c) => s + values.get(id(r, c))!, 0));
          }
          for (let c = 0; c <= columns; c++) {
            values.set(id(rows, c), [...Array(rows).keys()].reduce((s, r) => s + values.get(id(r, c))!, 0));
          }
          let changed = 0;
          for (const [r, c, delta] of perturbations) {
            const cell = id(Math.min(r, rows), Math.min(c, columns));
            const next = Math.max(0, values.get(cell)! + delta);
            if (next !== values.get(cell)) changed++;
            values.set(cell, next);
          }
          const domains = new Map([...values.keys()].map((cell) => [cell, 'count' as const]));
          const results = localizeErrors({ constraints, values, domains });
          for (const result of results) {
            if (result.status === 'unique' || result.status === 'ambiguous') {
              for (const alternative of result.alternatives) {
                const fixed = new Map(values);
                for (const change of alternative) {
                  expect(change.to).toBeGreaterThanOrEqual(0);
                  expect(Number.isInteger(change.to)).toBe(true);
                  fixed.set(change.cell, change.to);
                }
                expect(holdsAll(constraints, fixed)).toBe(true);
                expect(alternative.length).toBeLessThanOrEqual(Math.max(changed, 1));
                expect(alternative.length).toBe(result.alternatives[0].length);
              }
            }
          }
          if (holdsAll(constraints, values)) expect(results).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 20261124 },
    );
  });

  it('reports as violated exactly the constraints that fail at the values, in plain numbers or not', () => {
    const ops = ['=', '<=', '>=', '<', '>'] as const;
    const term = fc.record({ cell: fc.constantFrom('a', 'b', 'c', 'd', 'e'), coef: fc.constantFrom(1, -1, 2, 3, 0.5) });
    const constraint = fc.record({
      lhs: fc.array(term, { minLength: 1, maxLength: 3 }),
      op: fc.constantFrom(...ops),
      rhs: fc.array(term, { maxLength: 3 }),
      constant: fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
      tolerance: fc.option(fc.constantFrom(0, 1, 2, 0.5), { nil: undefined }),
    });
    // Values in small plain integers (sides often equal, on the bound), halves, and one past the safe
    // integers (the rationals decide there).
    const value = fc.oneof({ arbitrary: fc.integer({ min: -3, max: 3 }), weight: 4 }, { arbitrary: fc.constantFrom(1.5, -2.5, Number.MAX_SAFE_INTEGER + 1), weight: 1 });
    fc.assert(
      fc.property(fc.array(constraint, { minLength: 1, maxLength: 6 }), fc.array(value, { minLength: 5, maxLength: 5 }), (drawn, cellValues) => {
        const constraints: LocalizationConstraint[] = drawn.map((c, i) => ({ id: `k${i}`, ...c }));
        const values = new Map(['a', 'b', 'c', 'd', 'e'].map((cell, i) => [cell, cellValues[i]]));
        const side = (terms: LocalizationConstraint['lhs']) =>
          terms.reduce((sum, t) => sum.add(Rational.fromNumber(t.coef).mul(Rational.fromNumber(values.get(t.cell)!))), Rational.ZERO);
        const failing = constraints.filter((c) => {
          const residual = side(c.lhs).sub(side(c.rhs)).sub(Rational.fromNumber(c.constant ?? 0));
          const tolerance = Rational.fromNumber(c.tolerance ?? 0);
          if (c.op === '=') return residual.abs().compare(tolerance) > 0;
          if (c.op === '<=') return residual.compare(tolerance) > 0;
          if (c.op === '>=') return residual.compare(tolerance.neg()) < 0;
          return c.op === '<' ? residual.sign() >= 0 : residual.sign() <= 0;
        });
        const results = localizeErrors({ constraints, values, limits: { maxCells: 1, maxSets: 50 } });
        // A group is searched only when one of its constraints fails: none comes back with nothing violated.
        for (const result of results) expect(result.violated.length).toBeGreaterThan(0);
        expect(results.flatMap((r) => r.violated).sort()).toEqual(failing.map((c) => c.id).sort());
      }),
      { numRuns: 3000, seed: 20261205 },
    );
  });
  it('localises alike with the constraint objects of earlier calls (what is kept of them) and with fresh ones', () => {
    const term = fc.record({ cell: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), coef: fc.constantFrom(1, -1, 2, 0.5) });
    const constraint = fc.record({
      lhs: fc.array(term, { minLength: 1, maxLength: 3 }),
      op: fc.constantFrom('=', '=', '<=', '>='),
      rhs: fc.array(term, { maxLength: 4 }),
      constant: fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
    });
    const values = fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constantFrom(1.5, 0.25)), { minLength: 7, maxLength: 7 });
    const cells = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    fc.assert(
      fc.property(fc.array(constraint, { minLength: 1, maxLength: 7 }), fc.array(values, { minLength: 1, maxLength: 4 }), (drawn, valueSets) => {
        const shared: LocalizationConstraint[] = drawn.map((c, i) => ({ id: `k${i}`, ...c }));
        const order = ['g', 'c', 'a'];
        for (const set of valueSets) {
          const input = { values: new Map(cells.map((cell, i) => [cell, set[i]])), limits: { maxCells: 2, maxSets: 200 } };
          const fresh = shared.map((c) => ({ ...c, lhs: c.lhs.map((t) => ({ ...t })), rhs: c.rhs.map((t) => ({ ...t })) }));
          expect(localizeErrors({ ...input, constraints: shared, order })).toEqual(localizeErrors({ ...input, constraints: fresh, order: [...order] }));
        }
      }),
      { numRuns: 1500, seed: 19 },
    );
  });
  it('localises alike when told the verdicts of some constraints', () => {
    const constraint = drawnConstraint([1, -1, 2, 0.5]);
    fc.assert(
      fc.property(
        fc.array(constraint, { minLength: 1, maxLength: 7 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constantFrom(1.5, 0.25)), { minLength: 6, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
        (drawn, cellValues, told) => {
          const constraints: LocalizationConstraint[] = drawn.map((c, i) => ({ id: `k${i}`, ...c }));
          const values = new Map(cells.map((cell, i) => [cell, cellValues[i]]));
          const side = (terms: LocalizationConstraint['lhs']) =>
            terms.reduce((sum, t) => sum.add(Rational.fromNumber(t.coef).mul(Rational.fromNumber(values.get(t.cell)!))), Rational.ZERO);
          // The verdicts in rationals, told for some constraints only.
          const holds = constraints.map((c, i) => {
            if (!told[i]) return undefined;
            const residual = side(c.lhs).sub(side(c.rhs)).sub(Rational.fromNumber(c.constant ?? 0));
            const tolerance = Rational.fromNumber(c.tolerance ?? 0);
            if (c.op === '=') return residual.abs().compare(tolerance) <= 0;
            if (c.op === '<=') return residual.compare(tolerance) <= 0;
            if (c.op === '>=') return residual.compare(tolerance.neg()) >= 0;
            return c.op === '<' ? residual.sign() < 0 : residual.sign() > 0;
          });
          const input = { constraints, values, limits: { maxCells: 2, maxSets: 200 } };
          expect(localizeErrors({ ...input, holds })).toEqual(localizeErrors(input));
        },
      ),
      { numRuns: 2000, seed: 1205 },
    );
  });
  it('localises alike when told the residuals of some constraints in safe integers', () => {
    const constraint = drawnConstraint([1, -1, 2, 3]);
    fc.assert(
      fc.property(
        fc.array(constraint, { minLength: 1, maxLength: 7 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
        (drawn, cellValues, told) => {
          const constraints: LocalizationConstraint[] = drawn.map((c, i) => ({ id: `k${i}`, ...c }));
          const values = new Map(cells.map((cell, i) => [cell, cellValues[i]]));
          const side = (terms: LocalizationConstraint['lhs']) => terms.reduce((sum, t) => sum + t.coef * values.get(t.cell)!, 0);
          // Σ lhs − Σ rhs − constant, told for some constraints only (what the validator tells of its equations).
          const residuals = constraints.map((c, i) => (told[i] ? side(c.lhs) - side(c.rhs) - (c.constant ?? 0) : undefined));
          const input = { constraints, values, limits: { maxCells: 2, maxSets: 200 } };
          expect(localizeErrors({ ...input, residuals })).toEqual(localizeErrors(input));
        },
      ),
      { numRuns: 2000, seed: 51205 },
    );
  });
});
