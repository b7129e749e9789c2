import type { CellStream, LinePosition } from './cell-stream.js';
import { newAlignedCell, newRowAlignment, type AlignedCell, type RowAlignment, type RowSlot } from './row-alignment.js';

/**
 * Placing numbers by their horizontal position, in tables laid out with spaces (`pdftotext -layout`):
 * an empty cell prints nothing there, so a row "一、本年新收…   23                              23" has two
 * numbers for seven columns and only where they stand tells which columns they are. The rows read with
 * a number in every column give each column's position (the median of its numbers' centres); a row
 * with fewer numbers puts each one in the nearest column, when every number is clearly nearer one column
 * than the next and the order is kept. Positions are counted both in characters and in display width (CJK
 * characters 2); the count under which the full rows agree best is used, as PDF-to-text tools differ.
 */

/** A row as this pass sees it: its alignment, and whether its numbers came from lines laid out with spaces. */
export interface PositionedRow {
  alignment: RowAlignment;
  spaced: boolean;
}

type Metric = keyof LinePosition;

/** New alignments, by index into `rows`, for the short rows the column positions place. */
export function alignByColumnPositions(stream: CellStream, rows: readonly PositionedRow[], k: number): Map<number, RowAlignment> {
  const placed = new Map<number, RowAlignment>();
  const position = stream.linePosition;
  if (!position || k < 2) return placed;
  // Most tables have no short row to place: their columns' positions are not worked out (nor counted).
  if (!rows.some(isShort)) return placed;
  const full = rows.filter((r) => r.spaced && !r.alignment.glued && r.alignment.cells.length === k && r.alignment.cells.every((c) => !c.guessed && filled(c)));
  if (full.length === 0) return placed;
  const columns = bestColumns(full, position);
  if (!columns) return placed;
  const { centres, metric } = columns;
  let minGap = Infinity;
  for (let c = 1; c < k; c++) minGap = Math.min(minGap, centres[c] - centres[c - 1]);
  rows.forEach((row, index) => {
    if (!isShort(row)) return;
    const slots = distinctSlots(row.alignment.cells);
    if (slots.length === 0 || slots.length >= k) return;
    const assigned: number[] = [];
    for (const slot of slots) {
      const x = centre(slot, position, metric);
      let best = 0;
      for (let c = 1; c < k; c++) if (Math.abs(centres[c] - x) < Math.abs(centres[best] - x)) best = c;
      // Clearly in one column: within a third of the narrowest gap of its centre, after the previous one.
      if (Math.abs(centres[best] - x) > minGap / 3 || (assigned.length > 0 && best <= assigned[assigned.length - 1])) return;
      assigned.push(best);
    }
    const cells: AlignedCell[] = [];
    let last = row.alignment.cells[0]?.position ?? 0;
    for (let c = 0; c < k; c++) {
      const i = assigned.indexOf(c);
      if (i >= 0) {
        cells.push(newAlignedCell(slots[i], undefined, slots[i].start, false));
        last = slots[i].end;
      } else cells.push(newAlignedCell(undefined, undefined, last, false));
    }
    placed.set(index, newRowAlignment(cells, false));
  });
  return placed;
}

/** Whether a row is one the column positions may place: spaced, not glued, with a guessed cell (a number missing). */
function isShort(row: PositionedRow): boolean {
  return row.spaced && !row.alignment.glued && row.alignment.cells.some((c) => c.guessed);
}

function filled(cell: AlignedCell): boolean {
  return cell.slot !== undefined && cell.slot.kind !== 'empty' && cell.part === undefined;
}

function distinctSlots(cells: AlignedCell[]): RowSlot[] {
  const slots: RowSlot[] = [];
  for (const cell of cells) {
    if (!cell.slot || cell.slot.kind === 'empty' || cell.part) continue;
    if (!slots.includes(cell.slot)) slots.push(cell.slot);
  }
  return slots;
}

function centre(slot: RowSlot, position: (offset: number) => LinePosition, metric: Metric): number {
  return (position(slot.start)[metric] + position(slot.end)[metric]) / 2;
}

/** Column centres under the metric the full rows agree on best; null when no metric gives ordered columns. */
function bestColumns(full: PositionedRow[], position: (offset: number) => LinePosition): { centres: number[]; metric: Metric } | null {
  let best: { centres: number[]; metric: Metric; spread: number } | null = null;
  for (const metric of ['chars', 'width'] as const) {
    const k = full[0].alignment.cells.length;
    const centres: number[] = [];
    let spread = 0;
    for (let c = 0; c < k; c++) {
      const xs = full.map((r) => centre(r.alignment.cells[c].slot!, position, metric)).sort((a, b) => a - b);
      const median = xs[Math.floor(xs.length / 2)];
      centres.push(median);
      for (const x of xs) spread += Math.abs(x - median);
    }
    const ordered = centres.every((x, c) => c === 0 || x - centres[c - 1] >= 2);
    if (ordered && (!best || spread < best.spread)) best = { centres, metric, spread };
  }
  return best ? { centres: best.centres, metric: best.metric } : null;
}
