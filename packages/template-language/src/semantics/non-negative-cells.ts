import type { ProblemCollector } from './analysis-problem.js';
import type { ResolvedCellType } from './cell-type.js';
import { differenceOf, type SourcedEquation } from './equation-relations.js';

/**
 * Equations that no report can satisfy because count cells are never negative. Reduced to
 * `Σ c·x op 0` (left side minus right side), an equation over count cells only can never hold when it
 * asks the sum to be below 0 while every coefficient is ≥ 0 (`[a] + [b] < [a]`, i.e. `b < 0`), or above
 * 0 while every coefficient is ≤ 0. Signed cells (`integer`, `decimal`) and money are left alone.
 */
export function checkNonNegativeCells(
  equations: readonly SourcedEquation[],
  cellTypes: ReadonlyMap<string, ResolvedCellType>,
  problems: ProblemCollector,
): void {
  for (const { equation, node } of equations) {
    if (equation.op !== '<' && equation.op !== '>') continue;
    const difference = differenceOf(equation);
    // Both sides the same is `unsatisfiable-equation`.
    if (difference.length === 0) continue;
    if (!difference.every(([cell]) => cellTypes.get(cell)?.kind === 'count')) continue;
    const wanted = equation.op === '<' ? -1 : 1;
    // The sum can take the wanted sign only through a coefficient of that sign.
    if (difference.some(([, coef]) => Math.sign(coef) === wanted)) continue;
    const cells = difference.map(([cell]) => cell);
    problems.report('never-holds-for-counts', node, {
      equation: equation.id,
      cells: cells.slice(0, 4).join(', ') + (cells.length > 4 ? ', …' : ''),
      relation: wanted < 0 ? '< 0' : '> 0',
    });
  }
}
