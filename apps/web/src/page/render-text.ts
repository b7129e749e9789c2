import type { CheckedPage, PageFinding } from '../worker/protocol.js';
import { el } from './dom.js';

const rank = { error: 3, warning: 2, info: 1 } as const;

/**
 * The report's text with every finding marked: the text is cut at every mark boundary and each piece
 * covered by findings becomes a `<mark>` of the worst severity, linked to the findings; an empty range (a
 * missing section) becomes a pin. Linear in the text plus the marks.
 */
export function renderText(pre: HTMLElement, page: CheckedPage, select: (finding: number) => void): void {
  const text = page.text;
  const starts = new Map<number, PageFinding[]>();
  const ends = new Map<number, PageFinding[]>();
  const pins = new Map<number, PageFinding[]>();
  const push = (map: Map<number, PageFinding[]>, at: number, finding: PageFinding) => map.set(at, [...(map.get(at) ?? []), finding]);
  for (const finding of page.findings) {
    const { start, end } = finding.mark;
    if (end > start) {
      push(starts, start, finding);
      push(ends, end, finding);
    } else {
      push(pins, start, finding);
    }
  }
  const cuts = [...new Set([0, text.length, ...starts.keys(), ...ends.keys(), ...pins.keys()])]
    .filter((at) => at >= 0 && at <= text.length)
    .sort((a, b) => a - b);
  const open = new Set<PageFinding>();
  const nodes: Node[] = [];
  const firstMark = new Set<number>();
  for (let i = 0; i < cuts.length; i++) {
    const at = cuts[i];
    for (const finding of ends.get(at) ?? []) open.delete(finding);
    for (const finding of starts.get(at) ?? []) open.add(finding);
    for (const finding of pins.get(at) ?? []) nodes.push(markElement([finding], '\u200b', firstMark, select, 'pin'));
    const next = cuts[i + 1];
    if (next === undefined || next <= at) continue;
    const piece = text.slice(at, next);
    nodes.push(open.size === 0 ? document.createTextNode(piece) : markElement([...open], piece, firstMark, select));
  }
  pre.replaceChildren(...nodes);
}

function markElement(findings: PageFinding[], piece: string, firstMark: Set<number>, select: (finding: number) => void, extra = ''): HTMLElement {
  const worst = findings.reduce((a, b) => (rank[b.severity] > rank[a.severity] ? b : a));
  const indexes = findings.map((f) => f.index);
  const mark = el('mark', { class: `${worst.severity} ${extra}`.trim(), 'data-findings': indexes.join(' '), title: findings.map((f) => f.message).join('\n') }, piece);
  for (const index of indexes) {
    if (firstMark.has(index)) continue;
    firstMark.add(index);
    // The first piece of each finding's mark is its anchor (a mark holds several findings' anchors as children).
    mark.prepend(el('span', { id: `mark-${index}`, class: 'anchor' }));
  }
  mark.addEventListener('click', () => select(worst.index));
  return mark;
}
