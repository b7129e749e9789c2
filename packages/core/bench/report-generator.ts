import type { AxisNode, CellType, TableIR, TemplateIR } from '@nianbao/core';

/**
 * Generates realistic annual reports from a template IR: title, six sections with prose, and every
 * table of the template with random numbers that satisfy the template's own arithmetic (each `=`
 * equation solved for one of its cells), rendered in one of the layouts real reports arrive in.
 * Used by the parse benchmark and by the parser's layout tests. Deterministic for a given seed.
 *
 * Plain TypeScript without runtime imports, so Node can run it with type stripping.
 */

/** How the tables are laid out. */
export type GeneratedLayout = 'cell-per-line' | 'tab' | 'pipe' | 'space' | 'html';

/** Options of {@link generateReport}. */
export interface GenerateOptions {
  layout: GeneratedLayout;
  seed: number;
  /** Agency name in the title (default 示例市示例局). */
  agency?: string;
  /** Report year (default: the template's first year). */
  year?: number;
  /** Approximate size of the prose, in characters (default 6000). */
  proseChars?: number;
}

/** A generated report and the value of every cell. */
export interface GeneratedReport {
  /** The document: plain text, or HTML for the `html` layout. */
  text: string;
  /** File name with the right extension. */
  fileName: string;
  /** Value of every template cell, by cell id. */
  values: Map<string, number>;
}

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random values for every cell of `template` that satisfy its `=` equations (non-negative counts). */
export function consistentValues(template: TemplateIR, seed: number): Map<string, number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const rnd = random(seed * 7919 + attempt);
    const values = new Map<string, number>();
    for (const cell of template.cells) values.set(cell.id, randomValue(cell.type, rnd));
    orderPairs(template, values);
    // Solve each equation for one of its cells (not already solved for by an earlier equation).
    const solved = new Map<string, { coef: number; others: { cell: string; coef: number }[] }>();
    for (const rule of template.rules) {
      if (rule.kind !== 'arithmetic') continue;
      for (const e of rule.equations) {
        if (e.op !== '=') continue;
        const terms = [...e.lhs, ...e.rhs.map((t) => ({ cell: t.cell, coef: -t.coef }))];
        const target = terms.find((t) => !solved.has(t.cell) && Math.abs(t.coef) === 1);
        if (!target) continue;
        solved.set(target.cell, { coef: target.coef, others: terms.filter((t) => t !== target) });
      }
    }
    for (let sweep = 0; sweep < 20; sweep++) {
      let changed = false;
      for (const [cell, { coef, others }] of solved) {
        const v = -others.reduce((s, t) => s + t.coef * (values.get(t.cell) ?? 0), 0) / coef;
        const rounded = Math.round(v * 100) / 100 || 0;
        if (values.get(cell) !== rounded) {
          values.set(cell, rounded);
          changed = true;
        }
      }
      if (!changed) break;
    }
    const typeOf = new Map(template.cells.map((c) => [c.id, c.type]));
    const ok =
      [...values].every(([id, v]) => typeOf.get(id)?.kind !== 'count' || v >= 0) &&
      template.rules.every(
        (r) =>
          r.kind !== 'arithmetic' ||
          r.equations.every((e) => {
            const side = (ts: { cell: string; coef: number }[]): number =>
              ts.reduce((s, t) => s + t.coef * (values.get(t.cell) ?? 0), 0);
            const l = side(e.lhs);
            const rr = side(e.rhs);
            return e.op === '=' ? Math.abs(l - rr) < 1e-6 : e.op === '<=' ? l <= rr : e.op === '>=' ? l >= rr : true;
          }),
      );
    if (ok) return values;
  }
  throw new Error('could not generate consistent values');
}

/**
 * Inequalities between two cells (`[a] <= [b]`: this year within the cumulative figure, a part within its
 * whole) start out true: the larger side gets the smaller added. Sums of such cells keep the order, so the
 * equations solved afterwards keep them true. Repeated until stable (each pass only raises values).
 */
function orderPairs(template: TemplateIR, values: Map<string, number>): void {
  const pairs: Array<{ small: string; large: string; strict: boolean }> = [];
  for (const rule of template.rules) {
    if (rule.kind !== 'arithmetic') continue;
    for (const e of rule.equations) {
      if (e.when || e.lhsConstant || e.rhsConstant || e.lhs.length !== 1 || e.rhs.length !== 1) continue;
      if (e.lhs[0].coef !== 1 || e.rhs[0].coef !== 1) continue;
      if (e.op === '<=' || e.op === '<') pairs.push({ small: e.lhs[0].cell, large: e.rhs[0].cell, strict: e.op === '<' });
      if (e.op === '>=' || e.op === '>') pairs.push({ small: e.rhs[0].cell, large: e.lhs[0].cell, strict: e.op === '>' });
    }
  }
  for (let pass = 0; pass < 10; pass++) {
    let changed = false;
    for (const { small, large, strict } of pairs) {
      const a = values.get(small) ?? 0;
      const b = values.get(large) ?? 0;
      if (strict ? a < b : a <= b) continue;
      values.set(large, b + a + (strict ? 1 : 0));
      changed = true;
    }
    if (!changed) break;
  }
}

function randomValue(type: CellType, rnd: () => number): number {
  switch (type.kind) {
    case 'count':
      return rnd() < 0.55 ? 0 : 1 + Math.floor(rnd() * (rnd() < 0.2 ? 5000 : 30));
    case 'integer':
      return Math.floor(rnd() * 200) - 60;
    case 'decimal':
      return Math.round(rnd() * 100000) / 100;
    case 'money':
      return Math.round(rnd() * 500000) / 100;
    case 'text':
    case 'ignored':
      return 0;
  }
}

const PHRASES = [
  '本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外',
  '围绕中心工作，及时准确发布政策文件、工作动态和办事指南',
  '进一步完善依申请公开受理、审查、答复等工作流程，规范办理程序',
  '加强政府信息公开平台建设，优化门户网站栏目设置，提升信息发布的时效性',
  '严格落实信息发布保密审查制度，坚持先审查后公开、一事一审',
  '持续做好政策解读和回应关切工作，通过新闻发布会、在线访谈等形式解读重要政策',
  '加强对工作人员的业务培训，提高政府信息公开工作的规范化水平',
  '将政府信息公开工作纳入年度绩效考核，强化监督检查和责任追究',
];

function prose(rnd: () => number, chars: number): string {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < chars) {
    const n = 3 + Math.floor(rnd() * 4);
    const sentences: string[] = [];
    for (let i = 0; i < n; i++) sentences.push(PHRASES[Math.floor(rnd() * PHRASES.length)]);
    const p = `${sentences.join('，')}，全年共发布各类信息${Math.floor(rnd() * 900) + 10}条。`;
    paragraphs.push(p);
    size += p.length;
  }
  return paragraphs.join('\n');
}

/** One rendered row: its label cells (group labels then the leaf label) and its value texts. */
interface RowText {
  labels: string[];
  values: string[];
}

function leafColumnNodes(table: TableIR): AxisNode[] {
  const out: AxisNode[] = [];
  const walk = (nodes: AxisNode[]): void => {
    for (const n of nodes) if (n.children.length === 0) out.push(n);
    else walk(n.children);
  };
  walk(table.columns);
  const byId = new Map(out.map((n) => [n.id, n]));
  return table.leafColumns.map((id) => byId.get(id)).filter((n): n is AxisNode => n !== undefined);
}

function tableRows(table: TableIR, values: Map<string, number>, types: Map<string, CellType>): RowText[] {
  const rows: RowText[] = [];
  const row = (n: AxisNode, labels: string[]): RowText => ({
    labels,
    values: table.leafColumns.map((c) => {
      const id = `${table.id}.${n.id}.${c}`;
      return formatValue(values.get(id) ?? 0, types.get(id));
    }),
  });
  const walk = (nodes: AxisNode[], groups: string[]): void => {
    for (const n of nodes) {
      if (n.children.length > 0 && n.ownFigure) {
        // A parent row with a figure of its own: its line, then its children's.
        rows.push(row(n, [...groups, n.label]));
        walk(n.children, groups.map(() => ''));
      } else if (n.children.length > 0) {
        walk(n.children, [...groups, n.label]);
        continue;
      } else {
        rows.push(row(n, [...groups, n.label]));
      }
      groups = groups.map(() => '');
    }
  };
  walk(table.rows, []);
  return rows;
}

/** The word a text column (计量单位) holds in a generated report. */
export const generatedUnitWord = '件';

function formatValue(value: number, type: CellType | undefined): string {
  if (type?.kind === 'text' || type?.kind === 'ignored') return generatedUnitWord;
  if (type?.kind === 'money') return `${value.toFixed(2)}${type.unit}`;
  return String(value);
}

function renderTable(table: TableIR, rows: RowText[], layout: GeneratedLayout): string {
  const columns = leafColumnNodes(table).map((c) => c.label);
  const lines: string[] = [];
  const label = (r: RowText): string => r.labels.filter((l) => l !== '').join(' ');
  if (table.caption && layout !== 'html') lines.push(layout === 'cell-per-line' ? `\t${table.caption}\n` : table.caption);
  const header = [table.corner ?? '', ...columns];
  switch (layout) {
    case 'tab':
      lines.push(header.join('\t'));
      for (const r of rows) lines.push([...r.labels, ...r.values].join('\t'));
      break;
    case 'pipe':
      lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
      for (const r of rows) lines.push(`| ${[label(r), ...r.values].join(' | ')} |`);
      break;
    case 'space':
      lines.push(header.filter((h) => h !== '').join(' '));
      for (const r of rows) lines.push([label(r), ...r.values].join(' '));
      break;
    case 'cell-per-line':
      lines.push(...header.map((h) => `\t${h}`), '');
      for (const r of rows) {
        for (const l of r.labels) if (l !== '') lines.push(`\t${l}`);
        lines.push(...r.values.map((v) => `\t${v}`), '');
      }
      break;
    case 'html':
      lines.push('<table border="1">');
      if (table.caption) lines.push(`<tr><td colspan="${columns.length + 1}">${table.caption}</td></tr>`);
      lines.push(`<tr>${header.map((h) => `<td>${h}</td>`).join('')}</tr>`);
      for (const r of rows) lines.push(`<tr><td>${label(r)}</td>${r.values.map((v) => `<td>${v}</td>`).join('')}</tr>`);
      lines.push('</table>');
      break;
  }
  return lines.join('\n');
}

/** Generates one report of `template`. */
export function generateReport(template: TemplateIR, options: GenerateOptions): GeneratedReport {
  const rnd = random(options.seed);
  const values = consistentValues(template, options.seed);
  const types = new Map(template.cells.map((c) => [c.id, c.type]));
  const year = options.year ?? template.years.from;
  const agency = options.agency ?? '示例市示例局';
  const html = options.layout === 'html';
  const proseChars = options.proseChars ?? 6000;
  const blocks: string[] = [];
  const para = (text: string): string => (html ? text.split('\n').map((p) => `<p>${p}</p>`).join('\n') : text);
  blocks.push(html ? `<h1>${agency}${year}年政府信息公开工作年度报告</h1>` : `${agency}${year}年政府信息公开工作年度报告`);
  blocks.push(para(`本报告所列数据的统计期限为${year}年1月1日至${year}年12月31日。`));
  for (const section of template.sections) {
    const heading = `${section.numeral}、${section.heading}`;
    blocks.push(html ? `<h2>${heading}</h2>` : heading);
    if (section.kind === 'prose' || section.tables.length === 0) {
      const share = section.numeral === '一' ? 0.5 : 0.25;
      let body = prose(rnd, Math.round(proseChars * share));
      if (section.numeral === '六') body += '\n本年度未收取信息处理费。';
      blocks.push(para(body));
      continue;
    }
    for (const id of section.tables) {
      const table = template.tables.find((t) => t.id === id);
      if (!table) continue;
      blocks.push(renderTable(table, tableRows(table, values, types), options.layout));
    }
  }
  // Appendix tables (附件：…统计表) follow the numbered sections.
  for (const table of template.tables.filter((candidate) => candidate.appendix)) {
    blocks.push(html ? `<p>附件：${table.label}</p>` : `附件：${table.label}`);
    blocks.push(renderTable(table, tableRows(table, values, types), options.layout));
  }
  const body = blocks.join('\n\n');
  const text = html
    ? `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${agency}</title></head><body>\n${body}\n</body></html>`
    : `${body}\n`;
  return { text, fileName: html ? 'report.html' : 'report.txt', values };
}
