import type { AxisNode, CellType, Table } from '../generated/ast.js';

/** A unit a money cell accepts, with the factor that converts it to the cell's unit. */
export interface ResolvedAcceptedUnit {
  unit: string;
  factor: number;
}

/** What a cell may hold, resolved from the DSL (the same shape as the IR's cell type). */
export type ResolvedCellType =
  | { kind: 'count' }
  | { kind: 'integer' }
  | { kind: 'decimal' }
  | { kind: 'text' }
  | { kind: 'ignored' }
  | { kind: 'money'; unit: string; accepted: ResolvedAcceptedUnit[]; unitRequired: boolean };

/** The cell type of a table when it declares none. */
export const defaultCellType: ResolvedCellType = { kind: 'count' };

/** Convert a declared cell type to its resolved form. */
export function resolveCellType(type: CellType): ResolvedCellType {
  switch (type.kind) {
    case 'money':
      return {
        kind: 'money',
        unit: type.unit ?? '',
        accepted: (type.accepted ?? []).map((accepted) => ({ unit: accepted.unit ?? '', factor: accepted.factor ?? 0 })),
        unitRequired: type.unitRequired ?? false,
      };
    case 'integer':
      return { kind: 'integer' };
    case 'decimal':
      return { kind: 'decimal' };
    case 'text':
      return { kind: 'text' };
    case 'ignored':
      return { kind: 'ignored' };
    default:
      return { kind: 'count' };
  }
}

/** The default cell type of a table. */
export function tableCellType(table: Table): ResolvedCellType {
  return table.cellType ? resolveCellType(table.cellType) : defaultCellType;
}

/** True for the types of cells that hold words, not figures (`text`, `ignored`). */
export function isWordsType(type: ResolvedCellType): boolean {
  return type.kind === 'text' || type.kind === 'ignored';
}

/** The type a leaf declares for its cells, if any. */
export function leafCellType(leaf: AxisNode): ResolvedCellType | undefined {
  return leaf.type ? resolveCellType(leaf.type) : undefined;
}

/** Short human name of a cell type, e.g. `count`, `money(万元)`. */
export function describeCellType(type: ResolvedCellType): string {
  return type.kind === 'money' ? `money(${type.unit})` : type.kind;
}

/**
 * The arithmetic class of a cell type: counts, signed integers and decimals are plain numbers and
 * may be added up; money may only be added to money of the same unit.
 */
export function arithmeticClass(type: ResolvedCellType): string {
  if (type.kind === 'text' || type.kind === 'ignored') return type.kind;
  return type.kind === 'money' ? `money(${type.unit})` : 'number';
}

/** True when two resolved cell types are identical. */
export function sameCellType(a: ResolvedCellType, b: ResolvedCellType): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
