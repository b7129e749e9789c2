import type { CellType } from '../ir/template-ir.js';
import { isPlainNumberIn } from './plain-number.js';

/**
 * The value `readCellValue` reads from `raw` when that is a plain count ({@link isPlainNumberIn}) in a
 * numeric cell, read as it is (a money cell's count is so only when its header states no unit); undefined
 * for any other text or type. Most cells hold a plain count: a reader that wants their number (the row
 * equations, a cell of the result) takes it here, without a `CellValue` object per cell.
 */
export function plainCellNumber(raw: string, type: CellType, headerUnit?: string): number | undefined {
  if (type.kind === 'text' || type.kind === 'ignored' || (type.kind === 'money' && headerUnit !== undefined)) return undefined;
  return isPlainNumberIn(raw, 0, raw.length) ? Number(raw) : undefined;
}
