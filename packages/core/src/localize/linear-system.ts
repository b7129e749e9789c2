import { Rational } from './rational.js';

/**
 * The solution set of a linear system `A·x = b` over the rationals: `particular + Σ tᵢ·basis[i]`,
 * or `null` when the system is inconsistent.
 */
export interface LinearSolution {
  /** One solution (free variables set to 0). */
  particular: Rational[];
  /** A basis of the null space of `A`; empty when the solution is unique. */
  nullBasis: Rational[][];
}

/**
 * Solves `A·x = b` exactly by Gauss–Jordan elimination. Pivots are taken column by column in order, so
 * the free variables are the last columns that have no pivot — the result is deterministic.
 * `rows[i]` are the coefficients of equation i, `rhs[i]` its right-hand side.
 */
export function solveLinearSystem(rows: Rational[][], rhs: Rational[], unknowns: number): LinearSolution | null {
  const matrix = rows.map((row, i) => [...row, rhs[i]]);
  const pivotColumns: number[] = [];
  let pivotRow = 0;
  for (let column = 0; column < unknowns && pivotRow < matrix.length; column++) {
    const found = matrix.findIndex((row, i) => i >= pivotRow && !row[column].isZero());
    if (found < 0) continue;
    [matrix[pivotRow], matrix[found]] = [matrix[found], matrix[pivotRow]];
    const pivot = matrix[pivotRow][column];
    matrix[pivotRow] = matrix[pivotRow].map((entry) => entry.div(pivot));
    for (let i = 0; i < matrix.length; i++) {
      if (i === pivotRow || matrix[i][column].isZero()) continue;
      const factor = matrix[i][column];
      matrix[i] = matrix[i].map((entry, j) => entry.sub(factor.mul(matrix[pivotRow][j])));
    }
    pivotColumns.push(column);
    pivotRow++;
  }
  for (let i = pivotRow; i < matrix.length; i++) {
    if (!matrix[i][unknowns].isZero()) return null;
  }
  const particular = Array.from({ length: unknowns }, () => Rational.ZERO);
  pivotColumns.forEach((column, i) => {
    particular[column] = matrix[i][unknowns];
  });
  const nullBasis: Rational[][] = [];
  for (let free = 0; free < unknowns; free++) {
    if (pivotColumns.includes(free)) continue;
    const vector = Array.from({ length: unknowns }, () => Rational.ZERO);
    vector[free] = Rational.ONE;
    pivotColumns.forEach((column, i) => {
      vector[column] = matrix[i][free].neg();
    });
    nullBasis.push(vector);
  }
  return { particular, nullBasis };
}
