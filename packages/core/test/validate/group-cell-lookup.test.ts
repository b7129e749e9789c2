import { describe, expect, it } from 'vitest';
import type { CellIR } from '../../src/ir/template-ir.js';
import { groupCellLookup } from '../../src/validate/validation-context.js';

describe('groupCellLookup', () => {
  const cell = (id: string): CellIR => ({ id }) as unknown as CellIR;
  const cellsById = new Map([['t.a.x', cell('t.a.x')], ['t.b.x', cell('t.b.x')]]);

  it('adds the cell of each group under its id: that of its first leaf row', () => {
    const lookup = groupCellLookup(cellsById, new Map([['t.g.x', { leafCells: ['t.b.x', 't.a.x'] }]]));
    expect(lookup.get('t.g.x')).toBe(cellsById.get('t.b.x'));
    expect(lookup.get('t.a.x')).toBe(cellsById.get('t.a.x'));
    expect(lookup.size).toBe(3);
    // The template's map is left as it was.
    expect(cellsById.has('t.g.x')).toBe(false);
  });

  it('answers a group over no template cell, or a group id that is a cell id, as the group', () => {
    const lookup = groupCellLookup(cellsById, new Map([['t.h.x', { leafCells: ['t.none.x'] }], ['t.a.x', { leafCells: ['t.b.x'] }], ['t.e.x', { leafCells: [] }]]));
    expect(lookup.get('t.h.x')).toBeUndefined();
    expect(lookup.get('t.a.x')).toBe(cellsById.get('t.b.x'));
    expect(lookup.get('t.e.x')).toBeUndefined();
  });
});
