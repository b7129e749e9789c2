/** Where one cell of a table row sits in the expanded grid. */
export interface GridPlacement<Cell> {
  readonly cell: Cell;
  /** First grid column the cell occupies. */
  readonly column: number;
  readonly columnSpan: number;
  readonly rowSpan: number;
}

/** A table laid out on a grid: per row, its cells' placements in document order, and the column count. */
export interface TableGrid<Cell> {
  readonly rows: GridPlacement<Cell>[][];
  readonly columnCount: number;
}

/** Largest span honoured (as browsers do, larger values are clamped). */
const MAX_COLUMN_SPAN = 1000;
const MAX_ROW_SPAN = 65534;

/**
 * Lays out table rows on a grid the way the HTML table model does: each cell takes the first column not
 * covered by a row span from above, and covers `colspan` columns and `rowspan` rows (rowspan 0: to the
 * last row). Spans are clipped to the table. The column count is the widest row, spans included.
 */
export function layoutTable<Cell>(
  rows: readonly (readonly Cell[])[],
  spans: (cell: Cell) => { columnSpan: number; rowSpan: number },
): TableGrid<Cell> {
  const occupiedUntil: number[] = [];
  let columnCount = 0;
  const placed: GridPlacement<Cell>[][] = [];
  rows.forEach((cells, r) => {
    const row: GridPlacement<Cell>[] = [];
    let column = 0;
    for (const cell of cells) {
      while ((occupiedUntil[column] ?? 0) > r) column++;
      const requested = spans(cell);
      const columnSpan = clampSpan(requested.columnSpan, 1, MAX_COLUMN_SPAN);
      const remaining = rows.length - r;
      const rowSpan = requested.rowSpan === 0 ? remaining : Math.min(clampSpan(requested.rowSpan, 1, MAX_ROW_SPAN), remaining);
      for (let k = column; k < column + columnSpan; k++) occupiedUntil[k] = r + rowSpan;
      row.push({ cell, column, columnSpan, rowSpan });
      column += columnSpan;
      columnCount = Math.max(columnCount, column);
    }
    for (let k = column; k < occupiedUntil.length; k++) {
      if (occupiedUntil[k] > r) columnCount = Math.max(columnCount, k + 1);
    }
    placed.push(row);
  });
  return { rows: placed, columnCount };
}

/** Parses a span attribute (`colspan`, `rowspan`) the forgiving way: leading digits, else 1. */
export function parseSpan(value: string | undefined): number {
  if (value === undefined) return 1;
  const m = /^\s*(\d+)/.exec(value);
  return m ? Number(m[1]) : 1;
}

function clampSpan(value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min) return min;
  return value > max ? max : Math.floor(value);
}
