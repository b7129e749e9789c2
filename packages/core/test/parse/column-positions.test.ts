import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCellStream, type LinePosition } from '../../src/parse/cell-stream.js';
import { alignByColumnPositions, type PositionedRow } from '../../src/parse/column-positions.js';
import { newAlignedCell, newRowAlignment, type RowSlot } from '../../src/parse/row-alignment.js';

/** Offsets on lines 100 units apart: offset `100 × line + x` stands `x` characters (and width) into its line. */
function counting(): { position: (offset: number) => LinePosition; asked: () => number } {
  let asked = 0;
  return {
    position: (offset) => {
      asked++;
      return { chars: offset % 100, width: offset % 100 };
    },
    asked: () => asked,
  };
}

function slot(line: number, x: number): RowSlot {
  return { kind: 'value', start: 100 * line + x, end: 100 * line + x + 1, text: '1' };
}

/** A row of the numbers at `xs` on `line`, one per column of `k` (the last ones guessed missing when fewer). */
function row(line: number, xs: number[], k: number, spaced = true, glued = false): PositionedRow {
  const cells = Array.from({ length: k }, (_, c) =>
    c < xs.length ? newAlignedCell(slot(line, xs[c]), undefined, 100 * line + xs[c], false) : newAlignedCell(undefined, undefined, 100 * line, true),
  );
  return { alignment: newRowAlignment(cells, false, false, glued ? 'split' : undefined), spaced };
}

describe('alignByColumnPositions', () => {
  it('places the number of a short row in the column it stands under', () => {
    const { position } = counting();
    const stream = buildCellStream('', 0, 0, { linePosition: position });
    const placed = alignByColumnPositions(stream, [row(0, [10, 20, 30], 3), row(1, [10, 20, 30], 3), row(2, [30], 3)], 3);
    expect([...placed.keys()]).toEqual([2]);
    expect(placed.get(2)!.cells.map((c) => c.slot?.start)).toEqual([undefined, undefined, 230]);
  });

  it('places short rows only, and asks no position when there is none', () => {
    const rows = fc.array(
      fc.record({ xs: fc.subarray([10, 20, 30, 40]), spaced: fc.boolean(), glued: fc.boolean() }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(rows, (spec) => {
        const { position, asked } = counting();
        const stream = buildCellStream('', 0, 0, { linePosition: position });
        const list = spec.map((r, line) => row(line, r.xs, 4, r.spaced, r.glued));
        const short = list.map((r) => r.spaced && !r.alignment.glued && r.alignment.cells.some((c) => c.guessed));
        const placed = alignByColumnPositions(stream, list, 4);
        for (const index of placed.keys()) expect(short[index]).toBe(true);
        if (!short.includes(true)) expect(asked()).toBe(0);
      }),
      { seed: 20261205, numRuns: 500 },
    );
  });
});
