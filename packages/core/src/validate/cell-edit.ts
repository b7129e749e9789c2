import type { TextEdit } from '../diagnostics/diagnostic.js';
import { Rational } from '../localize/index.js';
import type { ValidationContext } from './validation-context.js';

/** The number inside a cell's text: sign, digits (ASCII or full width), separators, decimals. */
const NUMBER = /[-−－+＋]?[0-9０-９](?:[0-9０-９,，]*[0-9０-９])?(?:[.．][0-9０-９]+)?/u;

/**
 * The edit that writes `value` (in the cell's unit) into a cell: only the number is replaced, so a unit
 * written beside it stays; a value converted from another unit is written back in that unit. Null when
 * the cell has no place in the text.
 */
export function cellEdit(ctx: ValidationContext, cellId: string, value: Rational): TextEdit | null {
  const cell = ctx.reportCell(cellId);
  if (!cell.range) return null;
  const type = ctx.cell(cellId)?.type;
  let written = value;
  if (type?.kind === 'money' && cell.unit && cell.unit !== type.unit) {
    const factor = type.accepted.find((u) => u.unit === cell.unit)?.factor;
    if (factor) written = value.div(Rational.fromNumber(factor));
  }
  const newText = written.toDecimalString();
  const slice = ctx.text.slice(cell.range.start, cell.range.end);
  const match = cell.state === 'blank' ? null : NUMBER.exec(slice);
  if (!match) return { range: cell.range, newText };
  const start = cell.range.start + match.index;
  return { range: { start, end: start + match[0].length }, newText };
}
