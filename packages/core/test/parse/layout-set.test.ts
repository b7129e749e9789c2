import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LineLayout } from '../../src/parse/cell-stream.js';
import { hasLayout, layoutBit, NO_LAYOUTS } from '../../src/parse/layout-set.js';

const LAYOUTS: LineLayout[] = ['single', 'tab', 'pipe', 'space'];

describe('layout sets', () => {
  it('hold the layouts added, as a Set of them does, whatever the order and repeats', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LAYOUTS), { maxLength: 12 }), (added) => {
        let bits = NO_LAYOUTS;
        for (const layout of added) bits |= layoutBit(layout);
        const set = new Set(added);
        for (const layout of LAYOUTS) expect(hasLayout(bits, layout)).toBe(set.has(layout));
        expect(bits === NO_LAYOUTS).toBe(set.size === 0);
      }),
    );
  });

  it('gives each layout a bit of its own', () => {
    const bits = LAYOUTS.map(layoutBit);
    expect(new Set(bits).size).toBe(LAYOUTS.length);
    for (const bit of bits) expect(bit & (bit - 1)).toBe(0);
  });
});
