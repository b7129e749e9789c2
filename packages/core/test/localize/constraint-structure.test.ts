import { describe, expect, it } from 'vitest';
import { constraintStructure } from '../../src/localize/constraint-structure.js';
import type { LocalizationConstraint } from '../../src/localize/index.js';

const t = (cell: string, coef = 1) => ({ cell, coef });

const constraints: LocalizationConstraint[] = [
  { id: 'a', lhs: [t('T1')], op: '=', rhs: [t('x'), t('y')] },
  { id: 'b', lhs: [t('T2')], op: '=', rhs: [t('u'), t('v')] },
  { id: 'c', lhs: [t('x')], op: '<=', rhs: [t('z')] },
  { id: 'd', lhs: [t('u'), t('v')], op: '=', rhs: [t('T2')] },
];

describe('constraintStructure', () => {
  it('groups the constraints by shared cells, ranks the cells and finds the totals', () => {
    const structure = constraintStructure(constraints, ['y', 'x']);
    expect(structure.groups).toEqual([[0, 2], [1, 3]]);
    expect([...structure.ranks]).toEqual([['y', 0], ['x', 1], ['T1', 2], ['T2', 3], ['u', 4], ['v', 5], ['z', 6]]);
    expect([...structure.totals]).toEqual(['T1', 'T2']);
    expect(constraintStructure([], ['y']).groups).toEqual([]);
  });

  it('is kept for the same constraint objects and order, and worked out again for others', () => {
    const order = ['x'];
    const first = constraintStructure(constraints, order);
    expect(constraintStructure([...constraints], order)).toBe(first);
    // Another order array, a constraint left out, another constraint object: each its own structure.
    const otherOrder = constraintStructure(constraints, ['z']);
    expect(otherOrder).not.toBe(first);
    expect(otherOrder.ranks.get('z')).toBe(0);
    const fewer = constraintStructure(constraints.slice(0, 3), order);
    expect(fewer.groups).toEqual([[0, 2], [1]]);
    const copied = constraintStructure([{ ...constraints[0], rhs: [t('x'), t('v')] }, ...constraints.slice(1)], order);
    expect(copied.groups).toEqual([[0, 1, 2, 3]]);
    // The ranks of the order itself are not changed by the cells added for some constraints.
    expect(constraintStructure([constraints[2]], order).ranks.size).toBe(2);
  });
});
