import type { LineLayout } from './cell-stream.js';

/**
 * A set of line layouts (those of the lines a row was read from) as bits of a number: a row is read
 * from lines of one layout or a few, and a `Set` per row read (every candidate row of every table) cost
 * an object and its table each time for at most four members.
 */
export type LayoutSet = number;

/** The set of no layout. */
export const NO_LAYOUTS: LayoutSet = 0;

/** The set of the one layout `layout`. */
export function layoutBit(layout: LineLayout): LayoutSet {
  switch (layout) {
    case 'single':
      return 1;
    case 'tab':
      return 2;
    case 'pipe':
      return 4;
    default:
      return 8;
  }
}

/** Whether `set` holds `layout`. */
export function hasLayout(set: LayoutSet, layout: LineLayout): boolean {
  return (set & layoutBit(layout)) !== 0;
}
