import type { TextView } from '../text-view.js';
import type { HtmlElement, HtmlNode } from './html-tree.js';
import { readHtmlTree } from './read-html-tree.js';
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
  // The tree with only the attributes the rendering reads (see `readHtmlTree`): it renders as the whole tree would.
  const view = renderHtmlTree(readHtmlTree(html, RENDERED_ATTRIBUTES), html);
  renderedFrom.set(view, html);
  return view;
}

/**
 * Renders a tree of HTML as {@link renderHtml} does, as a view of `source`, the text its offsets point
 * into (the HTML it was parsed from, or the text of a tree built without HTML: see `HtmlTreeBuilder`).
 * `htmlLength`, the length of the HTML, bounds the cells its tables may expand to.
 */
export function renderHtmlTree(root: HtmlElement, source: string, htmlLength = source.length): TextView {
  const writer = new RenditionWriter(source);
  const renderer = new TreeRenderer(writer, { gridCells: Math.max(MIN_GRID_CELLS, GRID_CELLS_PER_CHARACTER * htmlLength) });
  renderer.render(root);
  return writer.finish();
}

/** The attributes {@link renderHtmlTree} reads: a cell's spans. */
const RENDERED_ATTRIBUTES: ReadonlySet<string> = new Set(['colspan', 'rowspan']);

/** The HTML each view made by {@link renderHtml} renders. */
const renderedFrom = new WeakMap<TextView, string>();

/** True when `view` was made by {@link renderHtml} from exactly `html` (views are immutable). */
export function isRenderingOf(view: TextView, html: string): boolean {
  return renderedFrom.get(view) === html;
}

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'ul', 'caption', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'table', 'option', 'select', 'textarea',
]);

const ROW_GROUPS = new Set(['thead', 'tbody', 'tfoot']);

/**
 * Grid cells (rows × columns, spans expanded) a document may produce: at least this many, else this
 * many per source character. Beyond it, tables are rendered without padding their rows to the full
 * width (a page of huge spans would otherwise make rows × widest row cells out of a few bytes).
 */
const MIN_GRID_CELLS = 1_000_000;
const GRID_CELLS_PER_CHARACTER = 4;

/**
 * A step of the rendering: a node to render, a line break at a source offset (the end of a block), the
 * next step of a table row (see {@link RowSteps}), or an action to run once what was pushed before it ran.
 */
type Task = HtmlNode | number | RowSteps | (() => void);

/**
 * Renders the tree with an explicit stack instead of recursion: any nesting depth renders without
 * exhausting the call stack, in time linear in the tree.
 */
class TreeRenderer {
  private readonly tasks: Task[] = [];

  constructor(
    private readonly writer: RenditionWriter,
    private readonly budget: { gridCells: number },
  ) {}

  render(root: HtmlElement): void {
    this.pushChildren(root);
    const { tasks } = this;
    while (tasks.length > 0) {
      const task = tasks.pop()!;
      if (typeof task === 'number') this.writer.lineBreak(task);
      else if (task instanceof RowSteps) task.step();
      else if (typeof task === 'function') task();
      else this.renderNode(task);
    }
  }

  /** Schedules `steps` to run in the order given, before anything scheduled earlier. */
  private schedule(steps: readonly Task[]): void {
    for (let i = steps.length - 1; i >= 0; i--) this.tasks.push(steps[i]);
  }

  private pushChildren(element: HtmlElement): void {
    const { children } = element;
    for (let i = children.length - 1; i >= 0; i--) this.tasks.push(children[i]);
  }

  private renderNode(node: HtmlNode): void {
    const { writer } = this;
    if (node.kind === 'text') {
      writer.text(node.start, node.end, node.text, node.raw);
      return;
    }
    if (node.name === 'br') {
      writer.lineBreak(node.start);
      return;
    }
    if (node.name === 'table' && !writer.inCell) {
      // The rows are collected once, for the layout test and the grid.
      const rows = collectRows(node);
      if (!isLayoutTable(rows)) {
        this.renderTable(node, rows);
        return;
      }
    }
    const block = BLOCKS.has(node.name);
    if (block) {
      writer.lineBreak(node.start);
      this.tasks.push(node.end);
    }
    this.pushChildren(node);
  }

  /** A table as a grid (its `rows`, see {@link collectRows}): one line per row, TAB between cells, spans expanded. */
  private renderTable(table: HtmlElement, rows: readonly HtmlElement[]): void {
    const { writer } = this;
    writer.lineBreak(table.start);
    const cells = rows.map((row) => row.children.filter(isCell));
    const grid = layoutTable(
      cells,
      (cell) => ({ columnSpan: parseSpan(cell.attributes.colspan), rowSpan: parseSpan(cell.attributes.rowspan) }),
      this.budget.gridCells,
    );
    this.budget.gridCells -= grid.cellCount;
    const steps: Task[] = [];
    let rowIndex = 0;
    // Rows in document order, whatever row groups hold them; other content on its own lines.
    const parts: HtmlNode[] = [...table.children].reverse();
    while (parts.length > 0) {
      const node = parts.pop()!;
      if (node.kind === 'element' && ROW_GROUPS.has(node.name)) {
        for (let i = node.children.length - 1; i >= 0; i--) parts.push(node.children[i]);
      } else if (node.kind === 'element' && node.name === 'tr') {
        const placements = grid.rows[rowIndex++];
        steps.push(() => this.renderRow(node, placements, grid.padded ? grid.columnCount : 0));
      } else if (node.kind === 'element' && (node.name === 'colgroup' || node.name === 'col')) {
        continue;
      } else if (node.kind === 'text' && node.text.trim() === '') {
        continue;
      } else {
        // Caption or content misplaced in the table: its own line(s), in document order.
        steps.push(node.start, node, node.end);
      }
    }
    steps.push(table.end);
    this.schedule(steps);
  }

  /** Renders a row: its cells in grid columns (empty cells for spans), then the line break. */
  private renderRow(row: HtmlElement, placements: GridPlacement<HtmlElement>[], columnCount: number): void {
    this.writer.lineBreak(row.start);
    const rowSteps = new RowSteps(this.writer, row, placements, columnCount);
    // The row's steps between its cells' contents: before and after each cell, and at the row's end.
    const steps: Task[] = [];
    for (let p = 0; p < placements.length; p++) {
      steps.push(rowSteps);
      const children = placements[p].cell.children;
      for (let c = 0; c < children.length; c++) steps.push(children[c]);
      steps.push(rowSteps);
    }
    steps.push(rowSteps);
    this.schedule(steps);
  }
}

/**
 * What a table row writes around its cells' contents, one step at a time, in order: a cell's start (the
 * empty cells of the columns before it first), its end, …, and after the last cell the empty cells up to
 * the column count and the line break.
 */
class RowSteps {
  /** The grid column of the next cell written. */
  private column = 0;
  /** Where the last cell ended in the source (the row's start before the first). */
  private position: number;
  /**
   * After a cell that rendered empty, where its content starts (else -1): the next separator goes inside
   * it, so that the empty field (a blank cell such as <td>&nbsp;</td>) maps into its own cell.
   */
  private emptyAt = -1;
  /** The step to run next: 2p starts cell p, 2p + 1 ends it, 2 × the cell count ends the row. */
  private next = 0;
  /** The rendition's length when the current cell started. */
  private before = 0;

  constructor(
    private readonly writer: RenditionWriter,
    private readonly row: HtmlElement,
    private readonly placements: readonly GridPlacement<HtmlElement>[],
    private readonly columnCount: number,
  ) {
    this.position = row.start;
  }

  step(): void {
    const { writer } = this;
    const p = this.next >> 1;
    if (p === this.placements.length) {
      this.fillTo(this.columnCount);
      writer.forcedLineBreak(this.emptyAt >= 0 ? this.emptyAt : this.row.end);
      return;
    }
    const placement = this.placements[p];
    if ((this.next & 1) === 0) {
      this.fillTo(placement.column);
      writer.startCell(this.emptyAt >= 0 ? this.emptyAt : placement.cell.start, this.column === 0);
      this.before = writer.writtenLength;
    } else {
      writer.endCell();
      this.emptyAt = writer.writtenLength === this.before ? contentStart(placement.cell) : -1;
      this.position = placement.cell.end;
      this.column++;
    }
    this.next++;
  }

  /** Empty cells up to grid column `column`. */
  private fillTo(column: number): void {
    for (; this.column < column; this.column++) {
      emptyCell(this.writer, this.emptyAt >= 0 ? this.emptyAt : this.position, this.column);
      this.emptyAt = -1;
    }
  }
}

/** Where a cell's content starts in the source: its first text run, else the end of its start tag. */
function contentStart(cell: HtmlElement): number {
  const stack: HtmlNode[] = [...cell.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'text') return node.start;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return cell.start;
}

function emptyCell(writer: RenditionWriter, position: number, column: number): void {
  writer.startCell(position, column === 0);
  writer.endCell();
}

/** The rows of a table in document order, inside row groups (nested to any depth) or not; the first `limit` of them. */
function collectRows(table: HtmlElement, limit = Number.POSITIVE_INFINITY): HtmlElement[] {
  const rows: HtmlElement[] = [];
  const stack: HtmlNode[] = [...table.children].reverse();
  while (stack.length > 0 && rows.length < limit) {
    const node = stack.pop()!;
    if (node.kind !== 'element') continue;
    if (node.name === 'tr') rows.push(node);
    else if (ROW_GROUPS.has(node.name)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return rows;
}

function isCell(node: HtmlNode): node is HtmlElement {
  return node.kind === 'element' && (node.name === 'td' || node.name === 'th');
}

/** A cell whose text is longer than this, in several blocks, holds page content, not a table value. */
const LAYOUT_CELL_TEXT = 300;

/**
 * Whether a table, of rows `rows` (see {@link collectRows}), lays out a page rather than holding data: a
 * cell holds a table of several rows, or long text in several blocks (paragraphs, divisions, headings,
 * line breaks).
 */
function isLayoutTable(rows: readonly HtmlElement[]): boolean {
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r].children;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (isCell(cell) && isPageCell(cell)) return true;
    }
  }
  return false;
}

/**
 * Whether a cell holds a table of several rows, or long text in several blocks. Both counts only grow as
 * the cell is walked: the answer is known, and given, as soon as one of them says yes; the order the
 * nodes are walked in does not matter.
 */
function isPageCell(cell: HtmlElement): boolean {
  // Text alone (no block, no table: the usual cell) never lays out a page.
  if (!hasElement(cell)) return false;
  let text = 0;
  let blocks = 0;
  const stack: HtmlNode[] = cell.children.slice();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'text') {
      text += trimmedLength(node.text);
      if (text > LAYOUT_CELL_TEXT && blocks >= 2) return true;
      continue;
    }
    if (node.name === 'table') {
      // A table of several rows cannot live on one line of its cell: the outer table lays out a page.
      if (collectRows(node, 2).length >= 2) return true;
    } else if (node.name === 'br' || (BLOCKS.has(node.name) && !CELL_PARTS.has(node.name))) {
      blocks++;
      if (text > LAYOUT_CELL_TEXT && blocks >= 2) return true;
    }
    const { children } = node;
    for (let i = 0; i < children.length; i++) stack.push(children[i]);
  }
  return false;
}

/** Whether an element has an element among its children. */
function hasElement(element: HtmlElement): boolean {
  const { children } = element;
  for (let i = 0; i < children.length; i++) if (children[i].kind === 'element') return true;
  return false;
}

/**
 * `text.trim().length`, without making the trimmed string when neither end of `text` is a character
 * `trim` could remove (the usual run of text).
 */
function trimmedLength(text: string): number {
  const n = text.length;
  if (n === 0) return 0;
  return keptByTrim(text.charCodeAt(0)) && keptByTrim(text.charCodeAt(n - 1)) ? n : text.trim().length;
}

/**
 * Code units `String.prototype.trim` never removes: printable ASCII, and U+3001 to U+FEFE (CJK text; the
 * ideographic space U+3000 and U+FEFF are whitespace to it, nothing between them is). Others may or may
 * not be: false.
 */
function keptByTrim(c: number): boolean {
  return (c > 0x20 && c < 0x7f) || (c > 0x3000 && c < 0xfeff);
}

const CELL_PARTS = new Set(['tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'caption']);

/**
 * Whether edits of an HTML source, which rewrite runs of its text, leave its rendition (see
 * {@link renderHtml}) the same but for those runs, offsets and map unchanged, when the runs are text the
 * rendition copies (which `rewriteCopiedText` checks): true when each edit (sorted, not overlapping)
 * rewrites a run of ASCII digits as another of the same length, after a character that cannot end the
 * start of a character reference (no ASCII letter or digit, `#` or `&`). Such a run is text of an element
 * the page renders (no tag, attribute, comment or reference): the tokenizer steps over its digits in any
 * state it can be read in (text, or the raw text of `textarea`, `xmp`…), and no digit can join the text
 * before it into a reference; the tree is the same but for the run's text, of the same length (and the
 * page's), which is all the rendering looks at of it (a cell's text length for a layout table, the grid's
 * cell budget): the rendering writes the same, the new digits in place of the old.
 */
export function digitEditsRenderAlike(html: string, edits: readonly { start: number; end: number; text: string }[]): boolean {
  let from = 0;
  for (const edit of edits) {
    const { start, end, text } = edit;
    if (start < from || end <= start || text.length !== end - start) return false;
    if (!asciiDigits(text, 0, text.length) || !asciiDigits(html, start, end)) return false;
    if (start > 0 && continuesReference(html.charCodeAt(start - 1))) return false;
    from = end;
  }
  return true;
}

function asciiDigits(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** An ASCII letter or digit, `#` or `&`: what a character reference is written with before its digits. */
function continuesReference(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c === 0x23 || c === 0x26;
}
