import type { ExtractedReport } from './extracted-report.js';

/** Header of `nianbao extract --format csv`: one row per cell. */
export const csvHeader = [
  'table', 'table_label', 'row', 'row_label', 'column', 'column_label', 'cell',
  'raw', 'value', 'state', 'unit', 'line', 'character', 'row_confidence',
] as const;

/**
 * The extracted tables as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote,
 * line break or edge spaces), preceded by a UTF-8 byte-order mark so that Excel — the tool most of its
 * readers in China open it with — shows the Chinese labels instead of mojibake. `line` and `character`
 * are 0-based like the JSON output; both are empty for a cell missing from the report. `row_confidence` says how
 * surely the cell's row was read (see `RowConfidence`), empty for a row missing from the report.
 */
export function extractedCsv(extracted: ExtractedReport): string {
  const lines: string[] = [csvHeader.join(',')];
  for (const table of extracted.tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const fields = [
          table.id, table.label, row.id, row.label, cell.column.id, cell.column.label, cell.id,
          cell.raw, cell.value === null ? '' : String(cell.value), cell.state, cell.unit ?? '',
          cell.range ? String(cell.range.start.line) : '', cell.range ? String(cell.range.start.character) : '',
          row.confidence ?? '',
        ];
        lines.push(fields.map(csvField).join(','));
      }
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One CSV field, quoted when it must be. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
