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
 * - a layout table (one holding a table of several rows, or a cell of long text in several blocks: a
 *   page laid out with tables, the report in one of its cells) is not a grid: its cells are blocks, and
 *   the data tables inside them are rendered as grids;
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
  if (node.name === 'table' && !writer.inCell && !isLayoutTable(node)) {
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
  // After a cell that renders empty, the next separator goes inside it, so that the empty field (a
  // blank cell such as <td>&nbsp;</td>) maps into its own cell.
  let emptyAt = -1;
  for (const placement of placements) {
    for (; column < placement.column; column++) {
      emptyCell(writer, emptyAt >= 0 ? emptyAt : position, column);
      emptyAt = -1;
    }
    writer.startCell(emptyAt >= 0 ? emptyAt : placement.cell.start, column === 0);
    const before = writer.writtenLength;
    renderChildren(placement.cell, writer);
    writer.endCell();
    emptyAt = writer.writtenLength === before ? contentStart(placement.cell) : -1;
    position = placement.cell.end;
    column++;
  }
  for (; column < columnCount; column++) {
    emptyCell(writer, emptyAt >= 0 ? emptyAt : position, column);
    emptyAt = -1;
  }
  writer.forcedLineBreak(emptyAt >= 0 ? emptyAt : row.end);
}

/** Where a cell's content starts in the source: its first text run, else the end of its start tag. */
function contentStart(cell: HtmlElement): number {
  const first = (node: HtmlElement): number => {
    for (const child of node.children) {
      if (child.kind === 'text') return child.start;
      const inner = first(child);
      if (inner >= 0) return inner;
    }
    return -1;
  };
  const at = first(cell);
  return at >= 0 ? at : cell.start;
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

/** A cell whose text is longer than this, in several blocks, holds page content, not a table value. */
const LAYOUT_CELL_TEXT = 300;

/**
 * Whether a table lays out a page rather than holding data: a cell holds a table of several rows, or
 * long text in several blocks (paragraphs, divisions, headings, line breaks).
 */
function isLayoutTable(table: HtmlElement): boolean {
  let layout = false;
  const visitCell = (cell: HtmlElement): void => {
    let text = 0;
    let blocks = 0;
    const walk = (node: HtmlNode): void => {
      if (layout) return;
      if (node.kind === 'text') {
        text += node.text.trim().length;
        return;
      }
      if (node.name === 'table') {
        const nested: HtmlElement[] = [];
        collectRows(node, nested);
        // A table of several rows cannot live on one line of its cell: the outer table lays out a page.
        if (nested.length >= 2) layout = true;
        else for (const child of node.children) walk(child);
        return;
      }
      if (node.name === 'br' || (BLOCKS.has(node.name) && !CELL_PARTS.has(node.name))) blocks++;
      for (const child of node.children) walk(child);
    };
    for (const child of cell.children) walk(child);
    if (text > LAYOUT_CELL_TEXT && blocks >= 2) layout = true;
  };
  const rows: HtmlElement[] = [];
  collectRows(table, rows);
  for (const row of rows) {
    for (const cell of row.children) {
      if (isCell(cell)) visitCell(cell);
      if (layout) return true;
    }
  }
  return false;
}

const CELL_PARTS = new Set(['tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'caption']);
