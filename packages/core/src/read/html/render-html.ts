import type { TextView } from '../text-view.js';
import { parseHtmlTree, type HtmlElement, type HtmlNode } from './html-tree.js';
import { RenditionWriter } from './rendition-writer.js';
import { layoutTable, parseSpan, type GridPlacement } from './table-grid.js';

/**
 * Renders HTML as the linear text the parser reads, as a view whose offsets map into the HTML source:
 * - block elements (p, div, h1–h6, li, tr, table…) start and end lines; `<br>` ends a line;
 * - whitespace (including NBSP and U+3000) collapses to one space, trimmed at line and cell edges;
 * - character references are decoded; each maps to the start of the reference in the source;
 * - a table becomes one line per row, cells separated by TAB, row and column spans expanded into empty
 *   cells so every row has the table's full column count; each cell's text maps to the cell's text in
 *   the source; a cell holding only `&nbsp;` is blank; a table nested in a cell is flattened into it;
 * - scripts, styles, the head, comments and hidden elements are left out.
 */
export function renderHtml(html: string): TextView {
  const writer = new RenditionWriter(html);
  renderChildren(parseHtmlTree(html), writer);
  return writer.finish();
}

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'ul', 'caption', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'table', 'option', 'select', 'textarea',
]);

const ROW_GROUPS = new Set(['thead', 'tbody', 'tfoot']);

function renderChildren(element: HtmlElement, writer: RenditionWriter): void {
  for (const child of element.children) renderNode(child, writer);
}

function renderNode(node: HtmlNode, writer: RenditionWriter): void {
  if (node.kind === 'text') {
    writer.text(node.start, node.end, node.text, node.raw);
    return;
  }
  if (node.name === 'br') {
    writer.lineBreak(node.start);
    return;
  }
  if (node.name === 'table' && !writer.inCell) {
    renderTable(node, writer);
    return;
  }
  const block = BLOCKS.has(node.name);
  if (block) writer.lineBreak(node.start);
  renderChildren(node, writer);
  if (block) writer.lineBreak(node.end);
}

/** A table as a grid: one line per row, TAB between cells, spans expanded. */
function renderTable(table: HtmlElement, writer: RenditionWriter): void {
  writer.lineBreak(table.start);
  const rows: HtmlElement[] = [];
  collectRows(table, rows);
  const cells = rows.map((row) => row.children.filter(isCell));
  const grid = layoutTable(cells, (cell) => ({
    columnSpan: parseSpan(cell.attributes.colspan),
    rowSpan: parseSpan(cell.attributes.rowspan),
  }));
  let rowIndex = 0;
  for (const child of table.children) {
    rowIndex = renderTablePart(child, writer, rows, grid.rows, grid.columnCount, rowIndex);
  }
  writer.lineBreak(table.end);
}

/** Renders a child of a table (row, row group, caption or stray content); returns the next row index. */
function renderTablePart(
  node: HtmlNode,
  writer: RenditionWriter,
  rows: HtmlElement[],
  placements: GridPlacement<HtmlElement>[][],
  columnCount: number,
  rowIndex: number,
): number {
  if (node.kind === 'element' && ROW_GROUPS.has(node.name)) {
    let index = rowIndex;
    for (const child of node.children) index = renderTablePart(child, writer, rows, placements, columnCount, index);
    return index;
  }
  if (node.kind === 'element' && node.name === 'tr') {
    renderRow(node, placements[rowIndex], columnCount, writer);
    return rowIndex + 1;
  }
  if (node.kind === 'element' && (node.name === 'colgroup' || node.name === 'col')) return rowIndex;
  if (node.kind === 'text' && node.text.trim() === '') return rowIndex;
  // Caption or content misplaced in the table: its own line(s), in document order.
  writer.lineBreak(node.start);
  renderNode(node, writer);
  writer.lineBreak(node.end);
  return rowIndex;
}

function renderRow(
  row: HtmlElement,
  placements: GridPlacement<HtmlElement>[],
  columnCount: number,
  writer: RenditionWriter,
): void {
  writer.lineBreak(row.start);
  let column = 0;
  let position = row.start;
  for (const placement of placements) {
    for (; column < placement.column; column++) emptyCell(writer, position, column);
    writer.startCell(placement.cell.start, column === 0);
    renderChildren(placement.cell, writer);
    writer.endCell();
    position = placement.cell.end;
    column++;
  }
  for (; column < columnCount; column++) emptyCell(writer, position, column);
  writer.forcedLineBreak(row.end);
}

function emptyCell(writer: RenditionWriter, position: number, column: number): void {
  writer.startCell(position, column === 0);
  writer.endCell();
}

function collectRows(element: HtmlElement, rows: HtmlElement[]): void {
  for (const child of element.children) {
    if (child.kind !== 'element') continue;
    if (child.name === 'tr') rows.push(child);
    else if (ROW_GROUPS.has(child.name)) collectRows(child, rows);
  }
}

function isCell(node: HtmlNode): node is HtmlElement {
  return node.kind === 'element' && (node.name === 'td' || node.name === 'th');
}
