import { integerComparisonHolds } from './integer-comparison.js';
import { constraintStructure } from './constraint-structure.js';
import { solveLinearSystem } from './linear-system.js';
import { Rational } from './rational.js';
import { detectTypingSlip, type TypingSlip } from './typing-slip.js';

/** What values a cell may take: a non-negative integer, any integer, or any number. */
export type CellDomain = 'count' | 'integer' | 'real';

/** A linear (in)equation over cells: Σ coef·lhs  op  Σ coef·rhs + constant. */
export interface LocalizationConstraint {
  id: string;
  lhs: ReadonlyArray<{ cell: string; coef: number }>;
  op: '=' | '<=' | '>=' | '<' | '>';
  rhs: ReadonlyArray<{ cell: string; coef: number }>;
  /** A constant added to the right side (default 0). */
  constant?: number;
  /** Absolute tolerance when checking the current values (default 0). */
  tolerance?: number;
}

/**
 * The input of {@link localizeErrors}: decidable constraints and the current value of every cell they use.
 * The constraints and the order are read as immutable: what is worked out from one of them alone is kept
 * for the next localisation given the same object.
 */
export interface LocalizationInput {
  constraints: readonly LocalizationConstraint[];
  /**
   * Current value of each cell (blank cells already counted as the rules say; looked up only for the
   * constraints' cells: it may hold others).
   */
  values: CellLookup<number>;
  /** Domain of each cell; `real` when absent (looked up only for the constraints' cells: it may hold others). */
  domains?: CellLookup<CellDomain>;
  /** The cell text as written, to recognise typing slips (looked up only for the cells of a fix). */
  written?: CellLookup<string>;
  /** Cells in reading order, for deterministic tie-breaking (otherwise: order of first use). */
  order?: readonly string[];
  /** Search bounds. */
  limits?: LocalizationLimits;
  /**
   * Figures stated elsewhere (the report's prose) about sums of cells. They decide nothing on their own,
   * but among equally small fixes the ones that agree with more statements rank first, and when exactly
   * one agrees best it is the fix.
   */
  evidence?: readonly LocalizationEvidence[];
  /**
   * Whether each constraint holds at the values, by its index, where the caller has decided it already
   * (undefined: decided here). A verdict given must be the one the constraint's sides, constant and
   * tolerance give at the values: it stands for working that out again.
   */
  holds?: ReadonlyArray<boolean | undefined>;
  /**
   * Σ lhs − Σ rhs − constant of each constraint at the values, by its index, where the caller has worked
   * it out already as a safe integer (undefined: worked out here). A residual given must be the exact one:
   * it stands for summing the constraint's terms again.
   */
  residuals?: ReadonlyArray<number | undefined>;
}

/** What the localiser looks up by cell (a map, or a look-up that needs no map filled beforehand). */
export interface CellLookup<T> {
  get(cell: string): T | undefined;
}

/** A statement Σ coef·cell = value from outside the tables, with the current value of each cell. */
export interface LocalizationEvidence {
  id: string;
  terms: ReadonlyArray<{ cell: string; coef: number; value: number }>;
  value: number;
}

/** Bounds that keep the search small whatever the table. */
export interface LocalizationLimits {
  /** Largest number of cells a fix may change (default 3). */
  maxCells?: number;
  /** Largest number of candidate cell sets solved before giving up (default 20000). */
  maxSets?: number;
  /** Largest number of equal-cost alternatives kept (default 12). */
  maxAlternatives?: number;
}

/** One cell a fix changes. */
export interface CellChange {
  cell: string;
  from: number;
  to: number;
  /** `to` as a decimal numeral (exact when it terminates, else to 6 decimals). */
  toText: string;
  /** Set when the written value looks like a typing slip of `to`. */
  slip?: TypingSlip;
}

/** The outcome of localisation for one group of connected constraints. */
export interface Localization {
  /**
   * `unique`: one smallest set of cells fixes every violated constraint; `ambiguous`: several equally
   * small ones (ranked); `none`: no set of at most `maxCells` cells does; `capped`: the search budget
   * ran out first.
   */
  status: 'unique' | 'ambiguous' | 'none' | 'capped';
  /** Ids of the violated constraints of the group. */
  violated: string[];
  /** Ids of every constraint of the group (violated and holding). */
  constraints: string[];
  /** Equal-cost fixes, most likely first (empty for `none`/`capped`). */
  alternatives: CellChange[][];
  /** True when more equal-cost alternatives existed than were kept. */
  truncated: boolean;
  /**
   * Ids of the evidence statements that the first fix turns from false to true (the prose contradicts
   * the table as written and agrees with it fixed). Absent when none.
   */
  corroborated?: string[];
}

/** A set of cells and the change of each that makes every constraint hold. */
interface Fix {
  cells: string[];
  deltas: Rational[];
}

interface Prepared {
  id: string;
  /** Net coefficient per cell (lhs − rhs). */
  coefficients: ReadonlyMap<string, Rational>;
  /** The keys of `coefficients`, in their order (read in loops without a map iterator). */
  cells: readonly string[];
  op: LocalizationConstraint['op'];
  /** Σ lhs − Σ rhs − constant at the current values. */
  residual: Rational;
  tolerance: Rational;
}

function holdsPrepared(c: Prepared): boolean {
  return holds(c.op, c.residual, c.tolerance);
}

function holds(op: Prepared['op'], value: Rational, tolerance: Rational): boolean {
  switch (op) {
    case '=':
      return value.abs().compare(tolerance) <= 0;
    case '<=':
      return value.compare(tolerance) <= 0;
    case '>=':
      return value.compare(tolerance.neg()) >= 0;
    case '<':
      return value.sign() < 0;
    case '>':
      return value.sign() > 0;
  }
}

function prepare(constraint: LocalizationConstraint, values: CellLookup<number>, residual: number | undefined): Prepared {
  return prepareIntegers(constraint, values, residual) ?? prepareRationals(constraint, values);
}

/**
 * What a constraint's terms amount to whatever the values, in plain numbers: its cells in order of first
 * use with their summed coefficients, as numbers and as rationals. Null where a coefficient, a partial sum
 * of one or the constant is not a safe integer (the rationals then decide).
 */
interface IntegerShape {
  cells: readonly string[];
  sums: readonly number[];
  coefficients: ReadonlyMap<string, Rational>;
  constant: number;
  tolerance: Rational;
}

/**
 * The shapes of the constraints met, by constraint object: a caller that passes the same constraints
 * again (the validator passes each equation of a template as one object for every report) has them
 * worked out once. Constraints are read as immutable.
 */
const shapes = new WeakMap<LocalizationConstraint, IntegerShape | null>();

function integerShape(constraint: LocalizationConstraint): IntegerShape | null {
  let shape = shapes.get(constraint);
  if (shape === undefined) shapes.set(constraint, (shape = makeIntegerShape(constraint)));
  return shape;
}

function makeIntegerShape(constraint: LocalizationConstraint): IntegerShape | null {
  // The cells in order of first use with their summed coefficients, in arrays (no map iterator).
  const cells: string[] = [];
  const sums: number[] = [];
  const { lhs, rhs } = constraint;
  const count = lhs.length + rhs.length;
  // A cell read twice is found by a scan of the few cells before it, or by a map in a long constraint.
  const at = count > 8 ? new Map<string, number>() : undefined;
  for (let i = 0; i < count; i++) {
    const term = i < lhs.length ? lhs[i] : rhs[i - lhs.length];
    const coef = i < lhs.length ? term.coef : -term.coef;
    if (!Number.isSafeInteger(coef)) return null;
    let index = at ? (at.get(term.cell) ?? -1) : cells.indexOf(term.cell);
    if (index < 0) {
      index = cells.length;
      cells.push(term.cell);
      sums.push(0);
      at?.set(term.cell, index);
    }
    const sum = sums[index] + coef;
    if (!Number.isSafeInteger(sum)) return null;
    sums[index] = sum;
  }
  const constant = constraint.constant ?? 0;
  if (!Number.isSafeInteger(constant)) return null;
  const coefficients = new Map<string, Rational>();
  for (let i = 0; i < cells.length; i++) coefficients.set(cells[i], integerRational(sums[i]));
  const tolerance = constraint.tolerance ?? 0;
  return { cells, sums, coefficients, constant, tolerance: Number.isSafeInteger(tolerance) ? integerRational(tolerance) : Rational.fromNumber(tolerance) };
}

/**
 * {@link prepare} in plain numbers, where every coefficient, value, the constant and every partial result
 * is a safe integer (counts: the common case), which is exact there: the same coefficients (by cell, in
 * order of first use) and residual as in rationals. Null otherwise (a value missing too: the rationals
 * say so). The coefficients are the constraint's {@link IntegerShape}'s, shared by every localisation
 * given that constraint (nothing changes them).
 */
function prepareIntegers(constraint: LocalizationConstraint, values: CellLookup<number>, given: number | undefined): Prepared | null {
  const shape = integerShape(constraint);
  if (shape === null) return null;
  // A residual the caller gives is the exact one, which the rationals would work out too.
  const residual = given ?? integerResidual(shape, values);
  if (residual === null) return null;
  return {
    id: constraint.id,
    coefficients: shape.coefficients,
    cells: shape.cells,
    op: constraint.op,
    residual: integerRational(residual),
    tolerance: shape.tolerance,
  };
}

/**
 * Σ lhs − Σ rhs − constant of a constraint of integer `shape` at `values`, in plain numbers; null where a
 * value is missing or a value, a product or a partial sum is not a safe integer (the rationals decide).
 */
function integerResidual(shape: IntegerShape, values: CellLookup<number>): number | null {
  const { cells, sums } = shape;
  let residual = -shape.constant;
  for (let i = 0; i < cells.length; i++) {
    const value = values.get(cells[i]);
    if (value === undefined || !Number.isSafeInteger(value)) return null;
    const product = sums[i] * value;
    residual += product;
    if (!Number.isSafeInteger(product) || !Number.isSafeInteger(residual)) return null;
  }
  return residual;
}

/**
 * Whether `constraint` holds at `values`, decided in plain numbers where its shape, its tolerance and its
 * residual are safe integers (exact there: what {@link holds} says of its {@link Prepared}); undefined
 * otherwise (the rationals decide). Most constraints of a report hold and are only asked this: the search
 * prepares those of the groups with a violated constraint.
 */
function integerHolds(constraint: LocalizationConstraint, values: CellLookup<number>): boolean | undefined {
  const shape = integerShape(constraint);
  const tolerance = constraint.tolerance ?? 0;
  if (shape === null || !Number.isSafeInteger(tolerance)) return undefined;
  const residual = integerResidual(shape, values);
  if (residual === null) return undefined;
  return integerComparisonHolds(constraint.op, residual, tolerance);
}

const MINUS_ONE = Rational.ONE.neg();

/** A safe integer as a rational; 0 and the coefficients ±1 of most equations shared (rationals are immutable). */
function integerRational(value: number): Rational {
  return value === 0 ? Rational.ZERO : value === 1 ? Rational.ONE : value === -1 ? MINUS_ONE : Rational.fromNumber(value);
}

function prepareRationals(constraint: LocalizationConstraint, values: CellLookup<number>): Prepared {
  const coefficients = new Map<string, Rational>();
  // Index loops and forEach here and below: for…of allocates a result per element (and an entry per
  // Map entry) in V8's mid tier, which the CLI runs.
  const addTerms = (terms: LocalizationConstraint['lhs'], sign: 1 | -1): void => {
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i];
      const coef = Rational.fromNumber(term.coef * sign);
      coefficients.set(term.cell, (coefficients.get(term.cell) ?? Rational.ZERO).add(coef));
    }
  };
  addTerms(constraint.lhs, 1);
  addTerms(constraint.rhs, -1);
  let residual = constraint.constant ? Rational.fromNumber(-constraint.constant) : Rational.ZERO;
  coefficients.forEach((coef, cell) => {
    const value = values.get(cell);
    if (value === undefined) throw new Error(`No value for cell ${cell} of constraint ${constraint.id}`);
    residual = residual.add(coef.mul(Rational.fromNumber(value)));
  });
  return {
    id: constraint.id,
    coefficients,
    cells: [...coefficients.keys()],
    op: constraint.op,
    residual,
    tolerance: Rational.fromNumber(constraint.tolerance ?? 0),
  };
}

/**
 * The constraints of a group that use each cell, as indexes into the constraints, in the group's order,
 * each once per cell. Made from the constraints' terms alone, once per group array (see
 * `constraintStructure`, which gives the same array for the same constraint objects only).
 */
const cellConstraintsOfGroups = new WeakMap<readonly number[], ReadonlyMap<string, readonly number[]>>();

function cellConstraints(group: readonly number[], constraints: readonly LocalizationConstraint[]): ReadonlyMap<string, readonly number[]> {
  let byCell = cellConstraintsOfGroups.get(group);
  if (byCell !== undefined) return byCell;
  const made = new Map<string, number[]>();
  for (let g = 0; g < group.length; g++) {
    const index = group[g];
    const { lhs, rhs } = constraints[index];
    for (let t = 0; t < lhs.length + rhs.length; t++) {
      const cell = t < lhs.length ? lhs[t].cell : rhs[t - lhs.length].cell;
      const users = made.get(cell);
      // A cell read twice by a constraint is listed once for it (the constraints come in order).
      if (users === undefined) made.set(cell, [index]);
      else if (users[users.length - 1] !== index) users.push(index);
    }
  }
  cellConstraintsOfGroups.set(group, (byCell = made));
  return byCell;
}

class GroupSearch {
  /** The constraints of the group using each cell (indexes, see {@link cellConstraints}). */
  private readonly byCell: ReadonlyMap<string, readonly number[]>;
  private readonly rank: ReadonlyMap<string, number>;
  private setsLeft: number;
  private readonly maxStates: number;
  /** True once the search budget ran out. */
  capped = false;

  /**
   * @param group the indexes of the group's constraints
   * @param violated the group's violated constraints, in its order
   * @param preparedAt the prepared constraint of an index (made when first asked: the search reads those
   * a candidate set of cells touches)
   */
  constructor(
    group: readonly number[],
    private readonly violated: readonly Prepared[],
    private readonly preparedAt: (index: number) => Prepared,
    private readonly input: LocalizationInput,
    rank: ReadonlyMap<string, number>,
  ) {
    this.rank = rank;
    this.byCell = cellConstraints(group, input.constraints);
    this.setsLeft = input.limits?.maxSets ?? 20000;
    this.maxStates = this.setsLeft * 20;
  }

  /** The prepared constraints of the group that use `cell`. */
  private touching(cell: string): Prepared[] {
    return this.byCell.get(cell)!.map((index) => this.preparedAt(index));
  }

  get violatedIds(): string[] {
    return this.violated.map((c) => c.id);
  }

  private cellsOf(constraint: Prepared): string[] {
    return [...constraint.cells].sort((a, b) => this.rank.get(a)! - this.rank.get(b)!);
  }

  /** All fixes that change exactly `size` cells (empty when none exists or the budget ran out). */
  fixesOfSize(size: number): Fix[] {
    const seen = new Set<string>();
    const found: Fix[] = [];
    const visit = (cells: string[]): void => {
      if (this.capped) return;
      const key = cells.join('\u0000');
      if (seen.has(key)) return;
      seen.add(key);
      if (seen.size > this.maxStates) {
        this.capped = true;
        return;
      }
      const open = this.violated.find((c) => !cells.some((cell) => c.coefficients.has(cell)));
      let candidates: string[];
      if (open) {
        if (cells.length === size) return;
        candidates = this.cellsOf(open);
      } else if (cells.length === size) {
        if (this.setsLeft-- <= 0) {
          this.capped = true;
          return;
        }
        const deltas = this.solve(cells);
        if (deltas) found.push({ cells, deltas });
        return;
      } else {
        // Every violated constraint is hit but a smaller set failed: a holding constraint it broke needs
        // another cell, taken from the constraints the set already touches.
        candidates = [...new Set(cells.flatMap((cell) => this.touching(cell).flatMap((c) => this.cellsOf(c))))];
      }
      for (const cell of candidates) {
        if (cells.includes(cell)) continue;
        visit([...cells, cell].sort((a, b) => this.rank.get(a)! - this.rank.get(b)!));
      }
    };
    visit([]);
    return found;
  }

  private domainOf(cell: string): CellDomain {
    return this.input.domains?.get(cell) ?? 'real';
  }

  private current(cell: string): Rational {
    return Rational.fromNumber(this.input.values.get(cell)!);
  }

  /** Checks a candidate change (every cell really changes, domains, every touched constraint). */
  private acceptable(cells: string[], deltas: Rational[], touched: Prepared[]): boolean {
    for (let i = 0; i < cells.length; i++) {
      if (deltas[i].isZero()) return false;
      const next = this.current(cells[i]).add(deltas[i]);
      const domain = this.domainOf(cells[i]);
      if (domain !== 'real' && !next.isInteger()) return false;
      if (domain === 'count' && next.sign() < 0) return false;
    }
    return touched.every((constraint) => {
      let value = constraint.residual;
      cells.forEach((cell, i) => {
        const coef = constraint.coefficients.get(cell);
        if (coef) value = value.add(coef.mul(deltas[i]));
      });
      return constraint.op === '=' ? value.isZero() : holds(constraint.op, value, constraint.tolerance);
    });
  }

  /** The change of `cells` that satisfies every constraint, closest to the written values; null if none. */
  private solve(cells: string[]): Rational[] | null {
    const touched = [...new Set(cells.flatMap((cell) => this.touching(cell)))];
    const equalities = touched.filter((c) => c.op === '=');
    const rows = equalities.map((c) => cells.map((cell) => c.coefficients.get(cell) ?? Rational.ZERO));
    const rhs = equalities.map((c) => c.residual.neg());
    const solution = solveLinearSystem(rows, rhs, cells.length);
    if (!solution) return null;
    if (solution.nullBasis.length === 0) {
      return this.acceptable(cells, solution.particular, touched) ? solution.particular : null;
    }
    if (solution.nullBasis.length > 1) return null;
    // One degree of freedom: δ = p + t·n. Try the values of t where a bound becomes tight, rounded to
    // whole numbers around them, smallest total change first.
    const { particular: p } = solution;
    const n = solution.nullBasis[0];
    const breakpoints: Rational[] = [Rational.ONE, Rational.ONE.neg()];
    const addBreakpoint = (slope: Rational, offset: Rational): void => {
      if (slope.isZero()) return;
      const t = offset.neg().div(slope);
      for (const candidate of [t, t.floor(), t.ceil(), t.floor().sub(Rational.ONE), t.ceil().add(Rational.ONE)]) {
        breakpoints.push(candidate);
      }
    };
    for (const constraint of touched) {
      if (constraint.op === '=') continue;
      let slope = Rational.ZERO;
      let offset = constraint.residual;
      cells.forEach((cell, i) => {
        const coef = constraint.coefficients.get(cell);
        if (!coef) return;
        slope = slope.add(coef.mul(n[i]));
        offset = offset.add(coef.mul(p[i]));
      });
      addBreakpoint(slope, offset);
    }
    cells.forEach((cell, i) => {
      addBreakpoint(n[i], p[i]); // δ_i = 0: where a cell would stop changing
      if (this.domainOf(cell) === 'count') addBreakpoint(n[i], this.current(cell).add(p[i]));
    });
    const candidates = breakpoints
      .map((t) => p.map((value, i) => value.add(n[i].mul(t))))
      .map((deltas) => ({ deltas, cost: deltas.reduce((sum, d) => sum.add(d.abs()), Rational.ZERO) }))
      .sort((a, b) => a.cost.compare(b.cost));
    return candidates.find((c) => this.acceptable(cells, c.deltas, touched))?.deltas ?? null;
  }
}

/** The value of an evidence statement's sum with `changes` applied. */
function evidenceSum(evidence: LocalizationEvidence, changes: readonly CellChange[]): Rational {
  let total = Rational.ZERO;
  for (const term of evidence.terms) {
    const changed = changes.find((c) => c.cell === term.cell);
    total = total.add(Rational.fromNumber(term.coef).mul(Rational.fromNumber(changed ? changed.to : term.value)));
  }
  return total;
}

/** How many evidence statements hold once `changes` are applied. */
function agreement(evidence: readonly LocalizationEvidence[] | undefined, changes: readonly CellChange[]): number {
  if (!evidence) return 0;
  return evidence.filter((e) => evidenceSum(e, changes).equals(Rational.fromNumber(e.value))).length;
}

/** Ids of the statements false as written and true once `changes` are applied. */
function newlyTrue(evidence: readonly LocalizationEvidence[] | undefined, changes: readonly CellChange[] | undefined): string[] {
  if (!evidence || !changes) return [];
  return evidence
    .filter((e) => !evidenceSum(e, []).equals(Rational.fromNumber(e.value)) && evidenceSum(e, changes).equals(Rational.fromNumber(e.value)))
    .map((e) => e.id);
}

/** The order of a localisation given none. */
const NO_ORDER: readonly string[] = [];

/**
 * Error localisation: finds the smallest sets of cells whose change makes every constraint hold.
 *
 * Constraints are grouped by shared cells; for each group with a violated constraint, sets of k = 1, 2, …
 * `maxCells` cells are enumerated as hitting sets of the violated constraints (plus cells of the
 * constraints a set touches, when a holding constraint needs compensating). For each set the touched
 * equations are solved exactly (Gauss–Jordan on rationals), inequalities and cell domains checked, and
 * the search stops at the first k with solutions. Equal-cost fixes are ranked: agreement with more
 * evidence statements (the prose) first — one fix agreeing best is the fix —, then more changes explained
 * as typing slips, then fixes that change totals rather than details, then the smallest total change,
 * then reading order. Deterministic: no clocks, no randomness.
 */
export function localizeErrors(input: LocalizationInput): Localization[] {
  const { ranks: rank, totals, groups } = constraintStructure(input.constraints, input.order ?? NO_ORDER);
  const maxCells = input.limits?.maxCells ?? 3;
  const maxAlternatives = input.limits?.maxAlternatives ?? 12;
  const { constraints, values } = input;
  // Prepared when first needed: most constraints are only asked whether they hold (see `integerHolds`).
  const prepared: (Prepared | undefined)[] = new Array<Prepared | undefined>(constraints.length).fill(undefined);
  const preparedAt = (i: number): Prepared => (prepared[i] ??= prepare(constraints[i], values, input.residuals?.[i]));
  const results: Localization[] = [];
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    // Groups whose constraints all hold (most of a table's) need no search.
    let violated: Prepared[] | undefined;
    for (let i = 0; i < group.length; i++) {
      const index = group[i];
      if (input.holds?.[index] ?? integerHolds(constraints[index], values) ?? holdsPrepared(preparedAt(index))) continue;
      (violated ??= []).push(preparedAt(index));
    }
    if (violated === undefined) continue;
    const search = new GroupSearch(group, violated, preparedAt, input, rank);
    const result: Localization = {
      status: 'none',
      violated: search.violatedIds,
      constraints: group.map((index) => constraints[index].id),
      alternatives: [],
      truncated: false,
    };
    for (let size = 1; size <= maxCells; size++) {
      const fixes = search.fixesOfSize(size);
      if (search.capped) {
        result.status = 'capped';
        break;
      }
      if (fixes.length === 0) continue;
      const ranked = fixes
        .map(({ cells, deltas }) => {
          const changes = cells.map((cell, i): CellChange => {
            const from = Rational.fromNumber(input.values.get(cell)!);
            const to = from.add(deltas[i]);
            const toText = to.toDecimalString();
            const written = input.written?.get(cell);
            const slip = written === undefined ? null : detectTypingSlip(written, toText);
            return { cell, from: from.toNumber(), to: to.toNumber(), toText, ...(slip ? { slip } : {}) };
          });
          const score = {
            agrees: agreement(input.evidence, changes),
            slips: changes.filter((c) => c.slip).length,
            totals: cells.filter((cell) => totals.has(cell)).length,
            cost: deltas.reduce((sum, d) => sum.add(d.abs()), Rational.ZERO),
            order: cells.map((cell) => rank.get(cell)!),
          };
          return { changes, score };
        })
        .sort((a, b) => {
          if (a.score.agrees !== b.score.agrees) return b.score.agrees - a.score.agrees;
          if (a.score.slips !== b.score.slips) return b.score.slips - a.score.slips;
          if (a.score.totals !== b.score.totals) return b.score.totals - a.score.totals;
          const cost = a.score.cost.compare(b.score.cost);
          if (cost !== 0) return cost;
          for (let i = 0; i < a.score.order.length; i++) {
            if (a.score.order[i] !== b.score.order[i]) return a.score.order[i] - b.score.order[i];
          }
          return 0;
        });
      result.alternatives = ranked.slice(0, maxAlternatives).map((r) => r.changes);
      result.truncated = ranked.length > maxAlternatives;
      // The statements elsewhere single out one of several equally small fixes.
      const decidedByEvidence = ranked.length > 1 && ranked[0].score.agrees > ranked[1].score.agrees;
      if (decidedByEvidence) result.alternatives = [ranked[0].changes];
      result.truncated = !decidedByEvidence && result.truncated;
      result.status = ranked.length === 1 || decidedByEvidence ? 'unique' : 'ambiguous';
      const corroborated = newlyTrue(input.evidence, result.alternatives[0]);
      if (corroborated.length > 0) result.corroborated = corroborated;
      break;
    }
    results.push(result);
  }
  return results;
}
