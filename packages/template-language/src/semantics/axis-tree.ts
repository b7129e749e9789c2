import type { AxisNode, Table } from '../generated/ast.js';
import { isAxisNode, isTable } from '../generated/ast.js';

/** The two axes of a table. */
export type Axis = 'row' | 'column';

/**
 * The id of a row or column: the dotted path of the local names of its groups and itself
 * (`results.refused.stateSecret`). Unique within its axis of its table.
 */
export function axisNodeId(node: AxisNode): string {
  const names: string[] = [];
  let current: AxisNode | undefined = node;
  while (current) {
    names.unshift(current.name ?? '');
    current = isAxisNode(current.$container) ? current.$container : undefined;
  }
  return names.join('.');
}

/** The table an axis node belongs to (undefined only for a broken tree). */
export function tableOfAxisNode(node: AxisNode): Table | undefined {
  let current: unknown = node.$container;
  while (isAxisNode(current)) {
    current = current.$container;
  }
  return isTable(current) ? current : undefined;
}

/** The axis an axis node belongs to: the tree it is declared in (`rows { … }` or `columns { … }`). */
export function axisOfAxisNode(node: AxisNode): Axis {
  let current: AxisNode = node;
  while (isAxisNode(current.$container)) {
    current = current.$container;
  }
  return current.$containerProperty === 'rows' ? 'row' : 'column';
}

/** True when the node is a group (a header without data of its own). */
export function isGroupNode(node: AxisNode): boolean {
  return node.kind === 'group';
}

/** True for a row with children that carries a figure of its own (收到申请数 above its 当面…信函申请数). */
export function hasOwnFigure(node: AxisNode): boolean {
  return node.kind === 'row' && (node.children ?? []).length > 0;
}

/** The data-carrying nodes under a node, without the node itself (what `leaves(x)` selects). */
export function leavesUnder(node: AxisNode): AxisNode[] {
  return hasOwnFigure(node) ? (node.children ?? []).flatMap(leavesOf) : leavesOf(node);
}

/** The parent group of a node, if any. */
export function parentOfAxisNode(node: AxisNode): AxisNode | undefined {
  return isAxisNode(node.$container) ? node.$container : undefined;
}

/** The top-level nodes of one axis of a table. */
export function axisRoots(table: Table, axis: Axis): AxisNode[] {
  return (axis === 'row' ? table.rows : table.columns) ?? [];
}

/** Every node of the subtree, depth first, in reading order (the node itself first). */
export function subtreeNodes(node: AxisNode): AxisNode[] {
  return [node, ...(node.children ?? []).flatMap(subtreeNodes)];
}

/** Every node of one axis of a table, depth first, in reading order. */
export function allAxisNodes(table: Table, axis: Axis): AxisNode[] {
  return axisRoots(table, axis).flatMap(subtreeNodes);
}

/** The data-carrying leaves under a node in reading order (the node itself when it is a leaf). */
export function leavesOf(node: AxisNode): AxisNode[] {
  if (hasOwnFigure(node)) {
    return [node, ...(node.children ?? []).flatMap(leavesOf)];
  }
  if (!isGroupNode(node)) {
    return [node];
  }
  return (node.children ?? []).flatMap(leavesOf);
}

/** Every leaf of one axis of a table, in reading order. */
export function axisLeaves(table: Table, axis: Axis): AxisNode[] {
  return axisRoots(table, axis).flatMap(leavesOf);
}

/** True when `node` is `ancestor` or lies under it. */
export function isWithin(node: AxisNode, ancestor: AxisNode): boolean {
  let current: AxisNode | undefined = node;
  while (current) {
    if (current === ancestor) {
      return true;
    }
    current = parentOfAxisNode(current);
  }
  return false;
}
