import type { AxisNode, CellType, MentionRuleIR, SectionIR, TableIR, TemplateIR } from '../ir/template-ir.js';

/** What to put into a skeleton report. */
export interface SkeletonOptions {
  /** Report year (default: the last year the template applies to, or last year when it is still in force). */
  year?: number;
  /** Name of the reporting body (default: a placeholder). */
  agency?: string;
  /** Today, for the default year (injectable for tests). */
  now?: Date;
  /**
   * The text of a cell (by cell id); cells it returns undefined for get a zero. Lets callers fill a
   * skeleton with data (generated reports, a report rebuilt from extracted values).
   */
  cellText?: (cellId: string) => string | undefined;
}

/** The agency placeholder of a skeleton without `agency`. */
export const agencyPlaceholder = '（机关名称）';

/**
 * Renders a Markdown skeleton of a report in a template's format: the title (`#`), every section under
 * its template heading (`##`), every table as pipe tables with the template's header rows, row labels and a 0 in
 * every cell, and a sentence for each required mention. It is driven by the template alone, so it is
 * correct for any template, and it validates against that template with no error.
 * Pure; no I/O.
 */
export function renderSkeleton(template: TemplateIR, options: SkeletonOptions = {}): string {
  const year = options.year ?? defaultYear(template, options.now ?? new Date());
  const agency = options.agency?.trim() || agencyPlaceholder;
  const blocks: string[] = [
    `# ${agency}${year}年政府信息公开工作年度报告`,
    `本报告依据《中华人民共和国政府信息公开条例》和${template.notice}的要求编制，` +
      `统计期限为${year}年1月1日至${year}年12月31日。`,
  ];
  const types = new Map(template.cells.map((cell) => [cell.id, cell.type]));
  const given = options.cellText ?? (() => undefined);
  const cellText: CellText = (id) => given(id) ?? zero(types.get(id));
  for (const section of template.sections) blocks.push(...renderSection(template, section, cellText));
  // Appendix tables (附件：…统计表) follow the numbered sections.
  for (const table of template.tables.filter((candidate) => candidate.appendix)) {
    blocks.push(`附件：${table.label}`, ...renderTable(table, cellText));
  }
  return `${blocks.join('\n\n')}\n`;
}

/** The report year a skeleton gets by default. */
export function defaultYear(template: TemplateIR, now: Date): number {
  const lastYear = now.getFullYear() - 1;
  const { from, to } = template.years;
  return Math.max(from, to === undefined ? lastYear : Math.min(to, lastYear));
}

function renderSection(template: TemplateIR, section: SectionIR, cellText: CellText): string[] {
  const blocks = [`## ${section.numeral}、${section.heading}`];
  const tables = section.tables
    .map((id) => template.tables.find((table) => table.id === id))
    .filter((table): table is TableIR => table !== undefined);
  for (const table of tables) blocks.push(...renderTable(table, cellText));
  if (section.kind === 'prose' || tables.length === 0) {
    blocks.push(`（请在此填写“${section.heading}”的内容。）`);
  }
  const mentions = template.rules.filter(
    (rule): rule is MentionRuleIR => rule.kind === 'mention' && rule.section === section.id && rule.anyOf.length > 0,
  );
  for (const mention of mentions) blocks.push(`本年度${mention.all ? mention.anyOf.join('、') : mention.anyOf[0]}情况：无。`);
  return blocks;
}

/**
 * One table: its caption line (if any), then a pipe table laid out as the official Word table renders:
 * one header row per level of the column tree (each group label over its first leaf, the corner label
 * in the first header row), then one row per leaf row, its label preceded by the labels of the groups
 * it opens ("三、本年度办理结果 （一）予以公开", as texts of the Word table read), so that every row has
 * one cell per column.
 */
function renderTable(table: TableIR, cellText: CellText): string[] {
  const leafColumns = leaves(table.columns);
  const depth = treeDepth(table.columns);
  const width = 1 + leafColumns.length;
  const lines: string[] = [];
  for (let level = 0; level < depth; level++) {
    const cells: string[] = [level === 0 ? (table.corner ?? '') : ''];
    for (const node of nodesAtLevel(table.columns, level)) {
      cells[1 + leafColumns.indexOf(leaves([node])[0])] = node.label;
    }
    lines.push(pipeRow(cells, width));
    if (level === 0) lines.push(pipeRow(Array.from({ length: width }, () => '---'), width));
  }
  for (const { path, leaf } of leafRowPaths(table.rows)) {
    const label = [...path, leaf].map((node) => node.label).filter((text) => text !== '').join(' ');
    const values = leafColumns.map((column) => cellText(`${table.id}.${leaf.id}.${column.id}`));
    lines.push(pipeRow([label, ...values], width));
  }
  return table.caption ? [table.caption, lines.join('\n')] : [lines.join('\n')];
}

type CellText = (cellId: string) => string;

/** A zero as a cell of this type is written (a money cell that needs a unit gets it). */
function zero(type: CellType | undefined): string {
  if (type?.kind === 'text' || type?.kind === 'ignored') return '';
  return type?.kind === 'money' && type.unitRequired ? `0${type.unit}` : '0';
}

function pipeRow(cells: string[], width: number): string {
  const padded = Array.from({ length: Math.max(width, cells.length) }, (_, i) => cells[i] ?? '');
  return `| ${padded.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
}

function leaves(nodes: readonly AxisNode[]): AxisNode[] {
  return nodes.flatMap((node) => (node.children.length === 0 ? [node] : leaves(node.children)));
}

function treeDepth(nodes: readonly AxisNode[]): number {
  return nodes.length === 0 ? 0 : 1 + Math.max(...nodes.map((node) => treeDepth(node.children)));
}

function nodesAtLevel(nodes: readonly AxisNode[], level: number): AxisNode[] {
  return level === 0 ? [...nodes] : nodes.flatMap((node) => nodesAtLevel(node.children, level - 1));
}

/** Leaf rows with the group rows they open: a group's label goes in front of its first leaf only. */
function leafRowPaths(nodes: readonly AxisNode[]): Array<{ path: AxisNode[]; leaf: AxisNode }> {
  const out: Array<{ path: AxisNode[]; leaf: AxisNode }> = [];
  const walk = (list: readonly AxisNode[], opened: AxisNode[]) => {
    for (const node of list) {
      if (node.children.length === 0) {
        out.push({ path: opened, leaf: node });
        opened = [];
      } else if (node.ownFigure) {
        // A parent row with a figure of its own: its line, then its children's lines.
        out.push({ path: opened, leaf: node });
        walk(node.children, []);
        opened = [];
      } else {
        walk(node.children, [...opened, node]);
        opened = [];
      }
    }
  };
  walk(nodes, []);
  return out;
}
