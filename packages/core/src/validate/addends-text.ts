import type { AxisNode, TableIR } from '../ir/template-ir.js';

/**
 * The `{addends}` of a rule's message: what the longer side of an equation adds up, in the words of
 * the table. Leaves that make up whole groups are named by their group, so the 21 result rows of table 3
 * are "（一）至（六）"; numbered siblings in sequence become a range, anything else a list
 * ("结果维持、结果纠正、其他结果、尚未审结"). Computed from the template, so it stays right when a
 * revision adds or removes a row.
 */

/** A numbering at the start of a label and its value: （六） → 6, 3. → 3, 四、 → 4, (2) → 2. */
const NUMBERING = /^\s*(?:[（(]\s*([一二三四五六七八九十]{1,3}|\d{1,3})\s*[)）]|(\d{1,3})\s*[.．、]|([一二三四五六七八九十]{1,3})\s*、)/u;
const DIGITS = '一二三四五六七八九';

function chineseValue(text: string): number {
  if (text === '十') return 10;
  if (text.startsWith('十')) return 10 + DIGITS.indexOf(text[1]) + 1;
  if (text.includes('十')) {
    const [tens, ones] = text.split('十');
    return (DIGITS.indexOf(tens) + 1) * 10 + (ones ? DIGITS.indexOf(ones) + 1 : 0);
  }
  return DIGITS.indexOf(text) + 1;
}

/** The numbering of a label: its text (e.g. "（六）") and value, or undefined. */
export function labelNumbering(label: string): { text: string; value: number } | undefined {
  const match = NUMBERING.exec(label);
  if (!match) return undefined;
  const raw = match[1] ?? match[2] ?? match[3];
  const value = /^\d+$/.test(raw) ? Number(raw) : chineseValue(raw);
  return value > 0 ? { text: match[0].trim(), value } : undefined;
}

/** The nodes of `roots` that cover exactly the leaves in `ids` (whole groups by their group). */
function coveringNodes(roots: readonly AxisNode[], ids: ReadonlySet<string>): AxisNode[] | undefined {
  const out: AxisNode[] = [];
  const leavesOf = (node: AxisNode): string[] =>
    node.children.length === 0 ? [node.id] : [...(node.ownFigure ? [node.id] : []), ...node.children.flatMap(leavesOf)];
  const walk = (nodes: readonly AxisNode[]): void => {
    for (const node of nodes) {
      const leaves = leavesOf(node);
      if (leaves.every((id) => ids.has(id)) && (node.label.trim() !== '' || node.children.length === 0)) out.push(node);
      else if (leaves.some((id) => ids.has(id))) walk(node.children);
    }
  };
  walk(roots);
  return out.length > 0 ? out : undefined;
}

/**
 * The addends of one side of an equation over one axis of `table` (leaf ids), in the language asked.
 * `labelOf` gives a node's display label (its English label in English, when it has one).
 */
export function addendsText(
  table: TableIR,
  axis: 'row' | 'column',
  ids: readonly string[],
  labelOf: (node: AxisNode) => string,
  words: { range: (first: string, last: string) => string; separator: string },
): string {
  const nodes = coveringNodes(axis === 'row' ? table.rows : table.columns, new Set(ids));
  if (!nodes) return ids.join(words.separator);
  const labels = nodes.map(labelOf);
  const numbers = labels.map(labelNumbering);
  const consecutive =
    labels.length >= 3 &&
    numbers.every((n, i) => n !== undefined && (i === 0 || n.value === numbers[i - 1]!.value + 1));
  if (consecutive) {
    // "（一）至（六）" names the groups; "1.当面申请数至4.信函申请数" needs the words after a bare "1.".
    const bracketed = /^[（(]/u.test(numbers[0]!.text);
    return words.range(bracketed ? numbers[0]!.text : labels[0], bracketed ? numbers[numbers.length - 1]!.text : labels[labels.length - 1]);
  }
  return labels.join(words.separator);
}
