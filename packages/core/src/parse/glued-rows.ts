import type { CellType } from '../ir/template-ir.js';
import { readCellValue } from './cell-value.js';
import { plainCellNumber } from './plain-cell-number.js';
import { gluedSplit, type AlignedCell, type RowAlignment } from './row-alignment.js';
import type { TablePlan } from './table-plan.js';

/**
 * Deciding glued rows by the whole table. A row of digits without separators ("1420010017") may split
 * several ways that all satisfy the row's own equation (14+2+0+0+1+0 = 17, 1+4+2+0+0+10 = 17). The
 * table's equations across rows (一 + 二 = （七） + 四 in every column, （七） = Σ results…) usually tell
 * them apart: every combination of the candidate splits of the ambiguous rows is scored by how many of
 * the table's equations hold (those whose cells are all known), and a combination that scores strictly
 * best is taken, its cells marked as guesses. Otherwise the rows stay ambiguous.
 */

/** Combinations of candidate splits tried at most. */
const MAX_COMBINATIONS = 4096;

/** A row as the resolver sees it: its leaf index and alignment. */
export interface GluedRowEntry {
  leafIndex: number;
  alignment: RowAlignment;
}

/**
 * The split alignments the table's equations single out for ambiguous glued rows, by leaf index (empty
 * when none is decided).
 */
export function resolveGluedRows(plan: TablePlan, rows: readonly GluedRowEntry[]): Map<number, RowAlignment> {
  const decided = new Map<number, RowAlignment>();
  const open = rows
    .map((row) => ({ row, options: alternativesOf(row.alignment) }))
    .filter((r) => r.row.alignment.glued === 'ambiguous' && r.options.length > 0);
  if (open.length === 0 || plan.tableEquations.length === 0) return decided;
  const k = plan.table.leafColumns.length;
  const grid: (number | undefined)[][] = plan.leaves.map(() => new Array<number | undefined>(k).fill(undefined));
  for (const row of rows) {
    if (row.alignment.glued === 'ambiguous') continue;
    row.alignment.cells.forEach((cell, c) => (grid[row.leafIndex][c] = cellNumber(cell)));
  }
  const combinations = open.reduce((n, r) => n * r.options.length, 1);
  if (combinations > MAX_COMBINATIONS) return decided;
  const numbers = open.map((r) => r.options.map((option) => option.cells.map(cellNumber)));
  const equations = plan.tableEquations.filter((e) => e.terms.some((t) => open.some((r) => r.row.leafIndex === t.row)));
  let best = -1;
  let bestCount = 0;
  let bestChoice: number[] = [];
  const choice = new Array<number>(open.length).fill(0);
  for (let n = 0; n < combinations; n++) {
    let rest = n;
    open.forEach((r, i) => {
      choice[i] = rest % r.options.length;
      rest = Math.floor(rest / r.options.length);
      numbers[i][choice[i]].forEach((value, c) => (grid[r.row.leafIndex][c] = value));
    });
    const score = equations.filter((e) => holds(e.terms, grid)).length;
    if (score > best) {
      best = score;
      bestCount = 1;
      bestChoice = choice.slice();
    } else if (score === best) bestCount++;
  }
  if (best <= 0 || bestCount !== 1) return decided;
  open.forEach((r, i) => decided.set(r.row.leafIndex, r.options[bestChoice[i]]));
  return decided;
}

/** The split alignments an ambiguous glued row may take (those that fit its own equations). */
function alternativesOf(alignment: RowAlignment): RowAlignment[] {
  if (alignment.alternatives) return alignment.alternatives;
  const candidates = alignment.candidates;
  return candidates ? candidates.splits.map((split) => gluedSplit(candidates.slot, split)) : [];
}

/** Whether Σ coef × cell = 0 holds; false when a cell is unknown. */
function holds(terms: { row: number; column: number; coef: number }[], grid: (number | undefined)[][]): boolean {
  let sum = 0;
  for (const t of terms) {
    const value = grid[t.row]?.[t.column];
    if (value === undefined) return false;
    sum += t.coef * value;
  }
  return Math.abs(sum) < 1e-9;
}

const DECIMAL: CellType = { kind: 'decimal' };

/** A read cell as a number: its value; a blank or empty cell counts 0; unreadable text is unknown. */
function cellNumber(cell: AlignedCell): number | undefined {
  const piece = cell.part ?? (cell.slot && cell.slot.kind !== 'empty' ? cell.slot : undefined);
  if (!piece) return 0;
  if ('kind' in piece && piece.kind === 'blank') return 0;
  return plainCellNumber(piece.text, DECIMAL) ?? readCellValue(piece.text, DECIMAL).value ?? undefined;
}
