import type { LocalizationConstraint } from './localize-errors.js';

/** What the localiser works out from the constraints and the reading order alone, whatever the values. */
export interface ConstraintStructure {
  /** The rank of every cell for tie-breaking: its place in the order, then the other cells in order of first use. */
  ranks: ReadonlyMap<string, number>;
  /** Cells that are a total: alone on one side of an equation whose other side has several terms. */
  totals: ReadonlySet<string>;
  /**
   * The constraints connected by shared cells, as indexes into the constraints, in order of their first
   * constraint and each in the constraints' order.
   */
  groups: readonly (readonly number[])[];
}

/** The structure last worked out for constraints starting with a constraint object, with its constraints and order. */
interface KnownStructure {
  constraints: readonly LocalizationConstraint[];
  order: readonly string[];
  structure: ConstraintStructure;
}

const known = new WeakMap<LocalizationConstraint, KnownStructure>();

/**
 * The {@link ConstraintStructure} of `constraints` with `order`. Kept for the next call given the same
 * constraint objects in the same order and the same order array (the validator gives every report of a
 * template whose equations can all be decided the same ones): constraints and orders are read as immutable.
 */
export function constraintStructure(constraints: readonly LocalizationConstraint[], order: readonly string[]): ConstraintStructure {
  const first = constraints[0];
  if (first === undefined) return { ranks: orderRanks(order), totals: new Set(), groups: [] };
  const last = known.get(first);
  if (last !== undefined && last.order === order && sameObjects(last.constraints, constraints)) return last.structure;
  const structure = { ranks: cellRanks(constraints, order), totals: totalCells(constraints), groups: connectedGroups(constraints) };
  known.set(first, { constraints: [...constraints], order, structure });
  return structure;
}

function sameObjects<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The rank of each cell of an order, by order array. */
const ranksOfOrders = new WeakMap<readonly string[], ReadonlyMap<string, number>>();

function orderRanks(order: readonly string[]): ReadonlyMap<string, number> {
  let ranks = ranksOfOrders.get(order);
  if (ranks === undefined) {
    const ofOrder = new Map<string, number>();
    for (let i = 0; i < order.length; i++) if (!ofOrder.has(order[i])) ofOrder.set(order[i], ofOrder.size);
    ranksOfOrders.set(order, (ranks = ofOrder));
  }
  return ranks;
}

/** {@link ConstraintStructure.ranks}: the order's ranks, copied only to add the cells missing there. */
function cellRanks(constraints: readonly LocalizationConstraint[], order: readonly string[]): ReadonlyMap<string, number> {
  const ranks = orderRanks(order);
  let added: Map<string, number> | undefined;
  const add = (cell: string): void => {
    if ((added ?? ranks).has(cell)) return;
    added ??= new Map(ranks);
    added.set(cell, added.size);
  };
  for (let c = 0; c < constraints.length; c++) {
    const { lhs, rhs } = constraints[c];
    for (let i = 0; i < lhs.length; i++) add(lhs[i].cell);
    for (let i = 0; i < rhs.length; i++) add(rhs[i].cell);
  }
  return added ?? ranks;
}

function totalCells(constraints: readonly LocalizationConstraint[]): Set<string> {
  const totals = new Set<string>();
  for (const constraint of constraints) {
    if (constraint.op !== '=') continue;
    if (constraint.lhs.length === 1 && constraint.rhs.length > 1) totals.add(constraint.lhs[0].cell);
    if (constraint.rhs.length === 1 && constraint.lhs.length > 1) totals.add(constraint.rhs[0].cell);
  }
  return totals;
}

/** {@link ConstraintStructure.groups}, by union–find over the cells of the constraints' terms. */
function connectedGroups(constraints: readonly LocalizationConstraint[]): number[][] {
  const parent = constraints.map((_, i) => i);
  // Iterative, with path halving: no recursion as deep as a template has equations.
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const owner = new Map<string, number>();
  const join = (i: number, cell: string): void => {
    const j = owner.get(cell);
    if (j === undefined) owner.set(cell, i);
    else parent[find(i)] = find(j);
  };
  for (let i = 0; i < constraints.length; i++) {
    const { lhs, rhs } = constraints[i];
    for (let t = 0; t < lhs.length; t++) join(i, lhs[t].cell);
    for (let t = 0; t < rhs.length; t++) join(i, rhs[t].cell);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < constraints.length; i++) {
    const root = find(i);
    const members = groups.get(root);
    if (members) members.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()];
}
