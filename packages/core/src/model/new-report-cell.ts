import type { CellState, ReportCell } from './report.js';

/**
 * A cell with nothing read yet (`raw` empty, `value` null), every field of {@link ReportCell} present,
 * the optional ones undefined (left out of JSON as when absent). The parser and the validator make their
 * cells here, so that all cells share one shape: the code that reads cells (every check, the fix
 * re-check) then meets one object layout, which V8 optimises once instead of again for each combination
 * of optional fields a report first shows.
 */
export function newReportCell(id: string, row: string, column: string, state: CellState): ReportCell {
  return { id, row, column, raw: '', value: null, state, unit: undefined, range: undefined, guessed: undefined };
}
