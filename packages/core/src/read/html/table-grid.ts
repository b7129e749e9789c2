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
  /**
   * False when the grid would exceed the cell limit: then each cell is placed in the next column of
   * its row (spans ignored) and rows are not padded to the column count.
   */
  readonly padded: boolean;
  /** Cells the rendition holds: rows × columns when padded, else the cells themselves. */
  readonly cellCount: number;
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
  maxCells = Number.POSITIVE_INFINITY,
): TableGrid<Cell> {
  const occupiedUntil: number[] = [];
  let columnCount = 0;
  // Work done so far (columns stepped over, span columns marked), bounded by `maxCells`: a few bytes
  // of huge spans must not cost rows × columns time or memory.
  let work = 0;
  const placed: GridPlacement<Cell>[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const row: GridPlacement<Cell>[] = [];
    let column = 0;
    // An index loop: for…of allocates a result per element in V8's mid tier, which the CLI runs.
    const cells = rows[r];
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      const free = column;
      while ((occupiedUntil[column] ?? 0) > r) column++;
      work += column - free;
      const requested = spans(cell);
      const columnSpan = clampSpan(requested.columnSpan, 1, MAX_COLUMN_SPAN);
      const remaining = rows.length - r;
      const rowSpan = requested.rowSpan === 0 ? remaining : Math.min(clampSpan(requested.rowSpan, 1, MAX_ROW_SPAN), remaining);
      for (let k = column; k < column + columnSpan; k++) occupiedUntil[k] = r + rowSpan;
      row.push({ cell, column, columnSpan, rowSpan });
      column += columnSpan;
      work += columnSpan;
      columnCount = Math.max(columnCount, column);
    }
    for (let k = column; k < occupiedUntil.length; k++) {
      if (occupiedUntil[k] > r) columnCount = Math.max(columnCount, k + 1);
    }
    work += occupiedUntil.length;
    placed.push(row);
    if (work > maxCells || (r + 1) * columnCount > maxCells) return sequentialLayout(rows);
  }
  return { rows: placed, columnCount, padded: true, cellCount: rows.length * columnCount };
}

/** Each cell in the next column of its row, spans ignored: the layout of a table too big for a grid. */
function sequentialLayout<Cell>(rows: readonly (readonly Cell[])[]): TableGrid<Cell> {
  let cellCount = 0;
  let columnCount = 0;
  const placed = rows.map((cells) => {
    cellCount += cells.length;
    columnCount = Math.max(columnCount, cells.length);
    return cells.map((cell, column) => ({ cell, column, columnSpan: 1, rowSpan: 1 }));
  });
  return { rows: placed, columnCount, padded: false, cellCount };
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
