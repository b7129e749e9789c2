import type { Diagnostic, RelatedLocation, Suggestion, TextEdit } from '../diagnostics/diagnostic.js';
import type { ArithmeticRuleIR, ComparisonIR, EquationIR, TemplateIR, Term } from '../ir/template-ir.js';
import {
  integerComparisonHolds,
  localizeErrors,
  Rational,
  type CellChange,
  type CellDomain,
  type CellLookup,
  type Localization,
  type LocalizationConstraint,
  type LocalizationEvidence,
} from '../localize/index.js';
import type { Locale, MessageParams } from '../messages/index.js';
import { addendsText } from './addends-text.js';
import type { OffsetRange, ReportCell } from '../model/report.js';
import { cellEdit } from './cell-edit.js';
import { proseStatements } from './prose-statements.js';
import { templateIndex } from './template-index.js';
import type { ValidationContext } from './validation-context.js';

/**
 * An equation whose every operand could be read, with its two sides evaluated. A class, not an object
 * literal: its objects get a map of their own, which no literal of other fields in the same order shares
 * (a diagnostic draft `{ rule: 'R1', … }` storing a string where these hold a rule generalised the field
 * and made V8 drop the code of every function reading them), and its fields start as `undefined`, so that
 * a side first a small integer and later a rational changes no field's representation in optimised code.
 */
class DecidedEquation {
  constructor(
    readonly rule: ArithmeticRuleIR,
    readonly equation: EquationIR,
    /**
     * The values of the two sides: rationals, or safe integers where the equation was decided in plain
     * numbers (made rationals, see {@link rational}, only for a finding that shows them: most hold).
     */
    readonly lhs: Rational | number,
    readonly rhs: Rational | number,
    readonly holds: boolean,
  ) {}
}

/** A side's value of a {@link DecidedEquation} as a rational. */
function rational(value: Rational | number): Rational {
  return typeof value === 'number' ? Rational.fromNumber(value) : value;
}

/** Values of the operands of an equation, or null when one is unreadable (no cascades). */
function operandValues(ctx: ValidationContext, rule: ArithmeticRuleIR, terms: Term[]): Map<string, Rational> | null {
  const values = new Map<string, Rational>();
  for (const term of terms) {
    const cell = ctx.reportCell(term.cell);
    if (cell.state === 'number' && cell.value !== null && Number.isFinite(cell.value)) {
      values.set(term.cell, Rational.fromNumber(cell.value));
    } else if (cell.state === 'blank' && rule.blank === 'zero') {
      values.set(term.cell, Rational.ZERO);
    } else {
      return null;
    }
  }
  return values;
}

/** Σ coef × value of `terms`, plus a side's constant. */
function sum(terms: Term[], values: Map<string, Rational>, constant = 0): Rational {
  const start = constant === 0 ? Rational.ZERO : Rational.fromNumber(constant);
  return terms.reduce((total, term) => total.add(Rational.fromNumber(term.coef).mul(values.get(term.cell)!)), start);
}

/** Every cell an equation reads: its two sides and its condition's. */
function equationTerms(equation: EquationIR): Term[] {
  return equation.when ? [...equation.lhs, ...equation.rhs, ...equation.when.lhs, ...equation.when.rhs] : [...equation.lhs, ...equation.rhs];
}

/** Whether a comparison holds on these operand values. */
function comparisonHolds(comparison: ComparisonIR, values: Map<string, Rational>, tolerance: number): boolean {
  return holds(comparison.op, sum(comparison.lhs, values, comparison.lhsConstant), sum(comparison.rhs, values, comparison.rhsConstant), tolerance);
}

/** Whether `lhs op rhs` holds within an absolute tolerance (exact, in rationals). */
export function holds(op: EquationIR['op'], lhs: Rational, rhs: Rational, tolerance: number): boolean {
  const difference = lhs.sub(rhs);
  const tol = Rational.fromNumber(tolerance);
  switch (op) {
    case '=':
      return difference.abs().compare(tol) <= 0;
    case '<=':
      return difference.compare(tol) <= 0;
    case '>=':
      return difference.compare(tol.neg()) >= 0;
    case '<':
      return difference.sign() < 0;
    case '>':
      return difference.sign() > 0;
  }
}

function domainOf(ctx: ValidationContext, cellId: string): CellDomain {
  const kind = ctx.cell(cellId)?.type.kind;
  return kind === 'count' ? 'count' : kind === 'integer' ? 'integer' : 'real';
}

/** Which label part every operand shares (and so can be left out of operand labels). */
function sharedAxis(ctx: ValidationContext, equation: EquationIR): 'row' | 'column' | undefined {
  const cells = [...equation.lhs, ...equation.rhs].map((t) => ctx.cell(t.cell)).filter((c) => c !== undefined);
  if (cells.length < 2) return undefined;
  if (cells.every((c) => c.table === cells[0].table && c.column === cells[0].column)) return 'column';
  if (cells.every((c) => c.table === cells[0].table && c.row === cells[0].row)) return 'row';
  return undefined;
}

/** The `{addends}` of an equation: the terms of its longer side, named as the table groups them. */
function equationAddends(ctx: ValidationContext, equation: EquationIR, omit: 'row' | 'column' | undefined, tableId: string): string {
  const table = ctx.template.tables.find((t) => t.id === tableId);
  const side = equation.rhs.length >= equation.lhs.length ? equation.rhs : equation.lhs;
  const cells = side.map((t) => ctx.cell(t.cell)).filter((c) => c !== undefined);
  if (!table || omit === undefined || cells.length !== side.length) return expressionText(ctx, side, omit);
  const axis = omit === 'column' ? 'row' : 'column';
  const ids = cells.map((c) => (axis === 'row' ? c.row : c.column));
  return addendsText(table, axis, ids, (node) => ctx.nodeLabel(node), {
    range: (first, last) => ctx.msg('list/range', { first, last }),
    separator: ctx.msg('list/separator'),
  });
}

function expressionText(ctx: ValidationContext, terms: Term[], omit: 'row' | 'column' | undefined, constant = 0): string {
  const parts = terms.map((term, i) => {
    const magnitude = Math.abs(term.coef);
    const label = (magnitude === 1 ? '' : `${magnitude}×`) + ctx.cellLabel(term.cell, omit);
    if (i === 0) return term.coef < 0 ? `−${label}` : label;
    return `${term.coef < 0 ? ' − ' : ' + '}${label}`;
  });
  // A side's constant (`[a] >= 1`), or 0 for a side without terms.
  if (constant !== 0 || parts.length === 0) {
    const number = Rational.fromNumber(Math.abs(constant)).toDecimalString();
    parts.push(parts.length === 0 ? (constant < 0 ? `−${number}` : number) : `${constant < 0 ? ' − ' : ' + '}${number}`);
  }
  if (parts.length <= 4) return parts.join('');
  return ctx.msg('expr/more', {
    first: parts.slice(0, 2).join(''),
    last: parts[parts.length - 1].replace(/^ [+−] /u, ''),
    count: parts.length,
  });
}

function describeChanges(ctx: ValidationContext, changes: CellChange[]): string {
  return changes
    .map((change) => {
      let text = ctx.msg('localize/change', {
        cell: ctx.cellLabel(change.cell),
        from: ctx.reportCell(change.cell).state === 'blank' ? '—' : Rational.fromNumber(change.from).toDecimalString(),
        to: change.toText,
      });
      if (change.slip) {
        text += ctx.msg(`localize/slip-${change.slip.kind}`, {
          written: change.slip.written,
          intended: change.slip.intended,
        });
      }
      return text;
    })
    .join(ctx.msg('list/separator'));
}

/** The fix of a unique localisation (null when a changed cell has no place in the text). */
function fixOf(ctx: ValidationContext, changes: CellChange[]): Suggestion | null {
  const edits: TextEdit[] = [];
  for (const change of changes) {
    const edit = cellEdit(ctx, change.cell, Rational.parse(change.toText));
    if (!edit) return null;
    edits.push(edit);
  }
  return { message: ctx.msg('fix/cells', { changes: describeChanges(ctx, changes) }), edits };
}

function localizationSentence(
  ctx: ValidationContext,
  localization: Localization,
  maxCells: number,
  statementText: ReadonlyMap<string, string>,
): string {
  switch (localization.status) {
    case 'unique': {
      const changes = describeChanges(ctx, localization.alternatives[0]);
      const texts = [...new Set((localization.corroborated ?? []).map((id) => statementText.get(id)).filter((t) => t !== undefined))];
      if (texts.length === 0) return ctx.msg('localize/unique', { changes });
      return ctx.msg('localize/unique-corroborated', { changes, text: texts.join(ctx.msg('list/separator')) });
    }
    case 'ambiguous':
      return ctx.msg('localize/ambiguous', {
        count: localization.truncated ? `${localization.alternatives.length}+` : localization.alternatives.length,
        alternatives: localization.alternatives
          .slice(0, 3)
          .map((changes) => describeChanges(ctx, changes))
          .join(ctx.msg('localize/or')),
      });
    case 'none':
      return ctx.msg('localize/none', { max: maxCells });
    case 'capped':
      return ctx.msg('localize/capped');
  }
}

/**
 * The figures the prose restates about the tables, as evidence for the localiser (statements whose cells
 * cannot all be read are left out; blank cells count 0, as in the prose check), with their text by id.
 */
function proseEvidence(ctx: ValidationContext): { evidence: LocalizationEvidence[]; statementText: Map<string, string> } {
  const evidence: LocalizationEvidence[] = [];
  const statementText = new Map<string, string>();
  for (const statement of proseStatements(ctx)) {
    const terms: LocalizationEvidence['terms'][number][] = [];
    let readable = true;
    for (const term of statement.rule.expression) {
      const cell = ctx.reportCell(term.cell);
      if (cell.state === 'blank') terms.push({ cell: term.cell, coef: term.coef, value: 0 });
      else if (cell.state === 'number' && cell.value !== null && Number.isFinite(cell.value)) terms.push({ cell: term.cell, coef: term.coef, value: cell.value });
      else readable = false;
    }
    if (!readable) continue;
    const id = `${statement.rule.id}@${statement.viewStart}`;
    evidence.push({ id, terms, value: statement.value });
    statementText.set(id, statement.text);
  }
  return { evidence, statementText };
}

/** The most useful range of a failed equation: the blamed cell, else its first locatable operand. */
function equationRange(ctx: ValidationContext, equation: EquationIR, blamed: CellChange[] | undefined): OffsetRange {
  const operands = [...equation.lhs, ...equation.rhs].map((t) => t.cell);
  const blamedHere = blamed?.map((c) => c.cell).find((cell) => operands.includes(cell));
  for (const cell of blamedHere ? [blamedHere, ...operands] : operands) {
    const range = ctx.reportCell(cell).range;
    if (range) return range;
  }
  const cell = ctx.cell(operands[0]);
  const table = cell ? ctx.reportTable(cell.table) : undefined;
  return table?.range ?? { start: 0, end: 0 };
}

const MAX_CELLS = 3;

/**
 * Whether every decidable equation holds, decided in plain numbers where every operand and coefficient
 * is a safe integer (the common case: counts), which is exact there; an equation with other numbers is
 * decided as {@link checkArithmetic} does, in rationals. Most reports are consistent, and this spares
 * them the rational arithmetic.
 */
function everyEquationHolds(ctx: ValidationContext, table: OperandTable | null): boolean {
  const template = table && compiledTemplate(ctx.template);
  const compiled = template?.rules;
  // Index loops: for…of over an array allocates a result per element in V8's mid tier (the CLI's).
  const rules = ctx.template.rules;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    if (rule.kind !== 'arithmetic') continue;
    const sides = compiled?.get(rule);
    const equations = equationsOf(ctx, rule);
    const program = inlineProgram(table, template, rule);
    for (let e = 0; e < equations.length; e++) {
      const equation = equations[e];
      if (program !== undefined && program.plain[e] === 1) {
        const difference = plainDifference(table!, program, e, rule.blank === 'zero');
        if (difference === undefined || integerComparisonHolds(equation.op, difference, rule.tolerance)) continue;
        return false;
      }
      if (equation.when) {
        // Conditional: decided in rationals, and only where the condition holds.
        const operands = operandValues(ctx, rule, equationTerms(equation));
        if (!operands || !comparisonHolds(equation.when, operands, rule.tolerance)) continue;
        if (!comparisonHolds(equation, operands, rule.tolerance)) return false;
        continue;
      }
      const lhs = sides ? tableSum(table!, rule, sides[e].lhs, equation.lhsConstant) : integerSum(ctx, rule, equation.lhs, equation.lhsConstant);
      const rhs = lhs === null ? null : sides ? tableSum(table!, rule, sides[e].rhs, equation.rhsConstant) : integerSum(ctx, rule, equation.rhs, equation.rhsConstant);
      if (lhs === UNDECIDABLE || rhs === UNDECIDABLE) continue;
      if (lhs !== null && rhs !== null && Number.isFinite(rule.tolerance)) {
        const difference = lhs - rhs;
        // An integer compared with a tolerance: the double comparison is the exact one (the tolerance's
        // decimal value and its double agree on which side of an integer they lie).
        if (Number.isSafeInteger(difference) && integerComparisonHolds(equation.op, difference, rule.tolerance)) continue;
        if (Number.isSafeInteger(difference)) return false;
      }
      const operands = operandValues(ctx, rule, [...equation.lhs, ...equation.rhs]);
      if (!operands) continue;
      if (!comparisonHolds(equation, operands, rule.tolerance)) return false;
    }
  }
  return true;
}

/**
 * The program of `rule` when its plain equations may be summed inline from `table` (see
 * {@link plainDifference}): the table's operands are integers and no partial sum of theirs can leave the
 * safe integers (the bound of `tableSum`, taken over them all), so the sums and verdicts are `tableSum`'s.
 * Undefined otherwise.
 */
function inlineProgram(table: OperandTable | null, template: CompiledTemplate | null, rule: ArithmeticRuleIR): RuleProgram | undefined {
  const program = template?.programs.get(rule);
  if (table === null || program === undefined || !table.integers || !Number.isFinite(rule.tolerance)) return undefined;
  return program.weight * table.largest + program.constant < 2 ** 52 ? program : undefined;
}

/** The equations of a rule as they apply to the report (groups printed as one row stand for their rows). */
function equationsOf(ctx: ValidationContext, rule: ArithmeticRuleIR): readonly EquationIR[] {
  // Most reports print no group as one row: the equations apply as written.
  if (!ctx.hasGroupRows) return rule.equations;
  const collapse = <C extends ComparisonIR>(comparison: C): C => {
    const lhs = ctx.collapseGroups(comparison.lhs);
    const rhs = ctx.collapseGroups(comparison.rhs);
    return lhs.length === comparison.lhs.length && rhs.length === comparison.rhs.length ? comparison : { ...comparison, lhs, rhs };
  };
  return rule.equations.map((equation) => {
    if (isPlainEquation(equation)) {
      // An equation of the usual fields, made again as a literal of them in their order (see below).
      const lhs = ctx.collapseGroups(equation.lhs);
      const rhs = ctx.collapseGroups(equation.rhs);
      if (lhs.length === equation.lhs.length && rhs.length === equation.rhs.length) return equation;
      return { id: equation.id, lhs, op: equation.op, rhs, bindings: equation.bindings };
    }
    const collapsed = collapse(equation);
    const when = equation.when ? collapse(equation.when) : undefined;
    return when === equation.when ? collapsed : { ...collapsed, when };
  });
}

/**
 * Whether `equation` has the fields of every equation of the built-in templates and no others set (no
 * constant, no condition): its collapsed copy is then made as a literal `{ id, lhs, op, rhs, bindings }`,
 * which V8 gives the templates' map, rather than as a copy with `lhs` and `rhs` stored again (which made
 * them mutable on that map and V8 drop the optimised code of the functions reading equations).
 */
function isPlainEquation(equation: EquationIR): boolean {
  return equation.when === undefined && equation.lhsConstant === undefined && equation.rhsConstant === undefined;
}

/** The table an equation is about. */
function tableOf(ctx: ValidationContext, rule: ArithmeticRuleIR, equation: EquationIR): string {
  return ctx.cell(equation.lhs[0]?.cell ?? equation.rhs[0]?.cell)?.table ?? rule.table;
}

/** At least this many failed equations that no fix of at most MAX_CELLS cells explains make a table doubtful. */
const DOUBTFUL_FAILURES = 3;

/**
 * The tables whose failed equations say more about the reading than about the report, with those
 * equations: a failed equation with an operand not read with certainty (a row placed by a guess among
 * close alternatives: drifting separators, glued digits; see `RowConfidence`),
 * or a table where at least {@link DOUBTFUL_FAILURES} equations fail and no change of at most
 * {@link MAX_CELLS} cells explains them (columns shifted in some rows break every equation at once).
 */
function doubtfulTables(
  ctx: ValidationContext,
  decided: DecidedEquation[],
  byEquation: ReadonlyMap<string, Localization>,
): Map<string, DecidedEquation[]> {
  const failed = new Map<string, DecidedEquation[]>();
  for (const d of decided) {
    if (d.holds) continue;
    const table = tableOf(ctx, d.rule, d.equation);
    // Appended in place: a table whose every equation fails is not copied once per equation.
    const equations = failed.get(table);
    if (equations === undefined) failed.set(table, [d]);
    else equations.push(d);
  }
  const doubtful = new Map<string, DecidedEquation[]>();
  for (const [table, equations] of failed) {
    const guessed = equations.some((d) => [...d.equation.lhs, ...d.equation.rhs].some((t) => !ctx.isCertain(t.cell)));
    const unexplained = equations.filter((d) => {
      const status = byEquation.get(d.equation.id)?.status;
      return status === 'none' || status === 'capped';
    });
    if (guessed || unexplained.length >= DOUBTFUL_FAILURES) doubtful.set(table, equations);
  }
  return doubtful;
}

/** The one finding for a table whose failed equations are more likely a misreading than the report's errors. */
function tableDoubtful(ctx: ValidationContext, failed: DecidedEquation[]): Diagnostic {
  const first = failed[0];
  const tableId = tableOf(ctx, first.rule, first.equation);
  const table = ctx.reportTable(tableId);
  const cells = [...new Set(failed.flatMap((d) => [...d.equation.lhs, ...d.equation.rhs].map((t) => t.cell)))];
  const range = table?.range ? { start: table.range.start, end: Math.min(table.range.end, table.range.start + 1) } : equationRange(ctx, first.equation, undefined);
  if (ctx.bare(cells)) return ctx.diagnostic('arithmetic/table-doubtful', { message: '', range, cells });
  const guessed = cells.filter((cell) => !ctx.isCertain(cell)).length;
  const rules = [...new Set(failed.map((d) => d.rule.id))];
  const rows = table ? table.rows.filter((row) => row.cells.some((c) => c.state === 'number' || c.state === 'blank')).length : 0;
  const reason = guessed > 0 ? ctx.msg('arithmetic/table-doubtful-guessed', { count: guessed }) : ctx.msg('arithmetic/table-doubtful-unexplained', { max: MAX_CELLS });
  return ctx.diagnostic('arithmetic/table-doubtful', {
    message: ctx.msg('arithmetic/table-doubtful', {
      table: ctx.tableLabel(tableId),
      count: failed.length,
      rules: rules.join(ctx.msg('list/separator')),
      rows,
      layout: table?.layout ?? '—',
      reason,
    }),
    range,
    cells,
    related: failed.slice(0, 5).flatMap((d) => {
      const range = equationRange(ctx, d.equation, undefined);
      return [{ message: `${d.rule.id}: ${rational(d.lhs).toDecimalString()} ≠ ${rational(d.rhs).toDecimalString()}`, range }];
    }),
  });
}

/** An operand is unreadable: the equation is not decidable. */
const UNDECIDABLE = 'undecidable';

/**
 * The sum of `terms` when every value and coefficient is a safe integer and so is every partial result;
 * null when some is not (decide in rationals); {@link UNDECIDABLE} when an operand is unreadable.
 */
function integerSum(ctx: ValidationContext, rule: ArithmeticRuleIR, terms: Term[], constant = 0): number | null | typeof UNDECIDABLE {
  let total = constant;
  let exact = Number.isSafeInteger(constant);
  for (const term of terms) {
    const cell = ctx.reportCell(term.cell);
    let value: number;
    if (cell.state === 'number' && cell.value !== null && Number.isFinite(cell.value)) value = cell.value;
    else if (cell.state === 'blank' && rule.blank === 'zero') value = 0;
    else return UNDECIDABLE;
    if (!exact) continue;
    const product = term.coef * value;
    total += product;
    exact = Number.isSafeInteger(term.coef) && Number.isSafeInteger(value) && Number.isSafeInteger(product) && Number.isSafeInteger(total);
  }
  return exact ? total : null;
}

/** The operands of one side of an equation: indexes into an {@link OperandTable}, with their coefficients. */
interface CompiledSide {
  cells: Int32Array;
  coefs: Float64Array;
  /** Whether every coefficient is a safe integer, and the sum of their magnitudes (see {@link tableSum}). */
  integers: boolean;
  weight: number;
}

/** An equation's two sides as indexes (its condition, if any, is read cell by cell). */
interface CompiledEquation {
  lhs: CompiledSide;
  rhs: CompiledSide;
}

/** The equations of a template's arithmetic rules as indexes, and the index of every cell they read. */
interface CompiledTemplate {
  cells: Map<string, number>;
  /** The keys of `cells` by their index. */
  ids: string[];
  /** The template cell slot of each of `ids` (see `TemplateIndex.cellSlots`), −1 for an id the template has no cell of. */
  slots: Int32Array;
  rules: Map<ArithmeticRuleIR, CompiledEquation[]>;
  programs: Map<ArithmeticRuleIR, RuleProgram>;
}

/**
 * The equations of an arithmetic rule as written, laid out flat for {@link everyEquationHolds}: the
 * operands of every side in one array of indexes into an {@link OperandTable}, and what decides whether an
 * equation can be summed there in plain numbers without a check per addition (see {@link tableSum}).
 */
interface RuleProgram {
  cells: Int32Array;
  coefs: Float64Array;
  /** Where the sides' operands start: equation e's left side at 2e, its right side at 2e + 1 (and the end at 2E). */
  starts: Int32Array;
  /** The sides' constants, at the same places (0 for none). */
  constants: Float64Array;
  /** 1 for an equation summed here: no condition, every coefficient and both constants safe integers. */
  plain: Uint8Array;
  /** The largest Σ|coef| of a side of a plain equation, and the largest |constant| of one. */
  weight: number;
  constant: number;
}

function ruleProgram(rule: ArithmeticRuleIR, compiled: readonly CompiledEquation[]): RuleProgram {
  const count = compiled.reduce((n, sides) => n + sides.lhs.cells.length + sides.rhs.cells.length, 0);
  const cells = new Int32Array(count);
  const coefs = new Float64Array(count);
  const starts = new Int32Array(2 * compiled.length + 1);
  const constants = new Float64Array(2 * compiled.length);
  const plain = new Uint8Array(compiled.length);
  let weight = 0;
  let constant = 0;
  let at = 0;
  compiled.forEach((sides, e) => {
    const equation = rule.equations[e];
    [sides.lhs, sides.rhs].forEach((side, s) => {
      starts[2 * e + s] = at;
      cells.set(side.cells, at);
      coefs.set(side.coefs, at);
      at += side.cells.length;
    });
    const lhsConstant = equation.lhsConstant ?? 0;
    const rhsConstant = equation.rhsConstant ?? 0;
    constants[2 * e] = lhsConstant;
    constants[2 * e + 1] = rhsConstant;
    if (equation.when || !sides.lhs.integers || !sides.rhs.integers || !Number.isSafeInteger(lhsConstant) || !Number.isSafeInteger(rhsConstant)) return;
    plain[e] = 1;
    weight = Math.max(weight, sides.lhs.weight, sides.rhs.weight);
    constant = Math.max(constant, Math.abs(lhsConstant), Math.abs(rhsConstant));
  });
  starts[2 * compiled.length] = at;
  return { cells, coefs, starts, constants, plain, weight, constant };
}

const compiledTemplates = new WeakMap<TemplateIR, CompiledTemplate>();

/** Made once per template: every report of it reads the same cells in the same equations. */
function compiledTemplate(template: TemplateIR): CompiledTemplate {
  let compiled = compiledTemplates.get(template);
  if (compiled !== undefined) return compiled;
  const cells = new Map<string, number>();
  const side = (terms: readonly Term[]): CompiledSide => {
    const indexes = new Int32Array(terms.length);
    const coefs = new Float64Array(terms.length);
    terms.forEach((term, i) => {
      let index = cells.get(term.cell);
      if (index === undefined) cells.set(term.cell, (index = cells.size));
      indexes[i] = index;
      coefs[i] = term.coef;
    });
    let weight = 0;
    for (let i = 0; i < coefs.length; i++) weight += Math.abs(coefs[i]);
    return { cells: indexes, coefs, integers: coefs.every((coef) => Number.isSafeInteger(coef)), weight };
  };
  const rules = new Map<ArithmeticRuleIR, CompiledEquation[]>();
  const programs = new Map<ArithmeticRuleIR, RuleProgram>();
  for (const rule of template.rules) {
    if (rule.kind !== 'arithmetic') continue;
    const equations = rule.equations.map((equation) => ({ lhs: side(equation.lhs), rhs: side(equation.rhs) }));
    rules.set(rule, equations);
    programs.set(rule, ruleProgram(rule, equations));
  }
  const ids = [...cells.keys()];
  const cellSlots = templateIndex(template).cellSlots;
  const slots = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) slots[i] = cellSlots.get(ids[i]) ?? -1;
  compiled = { cells, ids, slots, rules, programs };
  compiledTemplates.set(template, compiled);
  return compiled;
}

/** How an operand reads (see {@link integerSum}): as a finite number, or blank; 0 (the default) is not at all. */
const NUMBER = 1;
const BLANK = 2;

/**
 * The report's values of the cells its template's equations read, by the indexes of
 * {@link compiledTemplate}: each cell is looked up once per report, not once per equation reading it.
 */
interface OperandTable {
  states: Uint8Array;
  values: Float64Array;
  /** Whether every value read is a safe integer, and the largest magnitude among them (see {@link tableSum}). */
  integers: boolean;
  largest: number;
}

function operandTable(ctx: ValidationContext): OperandTable {
  const { ids, slots } = compiledTemplate(ctx.template);
  const states = new Uint8Array(ids.length);
  const values = new Float64Array(ids.length);
  let integers = true;
  let largest = 0;
  // Cells the parser did not list are absent (`na`): unreadable, as `reportCell` gives them. Each operand
  // read at its template cell's slot, by an index loop (the report's other cells, words and those no
  // equation reads, are not visited; no id is looked up).
  for (let index = 0; index < ids.length; index++) {
    const slot = slots[index];
    const cell = slot >= 0 ? ctx.listedCellAt(slot) : ctx.listedCell(ids[index]);
    if (cell === undefined) continue;
    if (cell.state === 'number' && cell.value !== null && Number.isFinite(cell.value)) {
      states[index] = NUMBER;
      values[index] = cell.value;
      if (!Number.isSafeInteger(cell.value)) integers = false;
      largest = Math.max(largest, Math.abs(cell.value));
    } else if (cell.state === 'blank') {
      states[index] = BLANK;
    }
  }
  return { states, values, integers, largest };
}

/** {@link integerSum} of one compiled side, its values read from `operands`: the same result. */
function tableSum(operands: OperandTable, rule: ArithmeticRuleIR, side: CompiledSide, constant = 0): number | null | typeof UNDECIDABLE {
  const { states, values } = operands;
  const blankZero = rule.blank === 'zero';
  // Integer coefficients and values small enough that no partial sum can leave the safe integers (bounded
  // by Σ|coef| × the largest |value| + |constant|, below 2^52 so that rounding in the bound cannot matter):
  // the same additions without the checks that would all pass.
  if (side.integers && operands.integers && Number.isSafeInteger(constant) && side.weight * operands.largest + Math.abs(constant) < 2 ** 52) {
    let sum = constant;
    for (let i = 0; i < side.cells.length; i++) {
      const index = side.cells[i];
      const state = states[index];
      if (state === NUMBER) sum += side.coefs[i] * values[index];
      else if (state === BLANK && blankZero) sum += side.coefs[i] * 0;
      else return UNDECIDABLE;
    }
    return sum;
  }
  let total = constant;
  let exact = Number.isSafeInteger(constant);
  for (let i = 0; i < side.cells.length; i++) {
    const index = side.cells[i];
    const state = states[index];
    let value: number;
    if (state === NUMBER) value = values[index];
    else if (state === BLANK && blankZero) value = 0;
    else return UNDECIDABLE;
    if (!exact) continue;
    const coef = side.coefs[i];
    const product = coef * value;
    total += product;
    exact = Number.isSafeInteger(coef) && Number.isSafeInteger(value) && Number.isSafeInteger(product) && Number.isSafeInteger(total);
  }
  return exact ? total : null;
}

/**
 * Left side minus right side of the plain equation `e` of a program (see {@link RuleProgram}), summed from
 * `operands` as {@link tableSum} sums where its bound holds; undefined when an operand is unreadable.
 */
function plainDifference(operands: OperandTable, program: RuleProgram, e: number, blankZero: boolean): number | undefined {
  const { states, values } = operands;
  const { cells, coefs, starts, constants } = program;
  let lhs = constants[2 * e];
  for (let k = starts[2 * e], end = starts[2 * e + 1]; k < end; k++) {
    const index = cells[k];
    const state = states[index];
    if (state === NUMBER) lhs += coefs[k] * values[index];
    else if (state === BLANK && blankZero) lhs += coefs[k] * 0;
    else return undefined;
  }
  let rhs = constants[2 * e + 1];
  for (let k = starts[2 * e + 1], end = starts[2 * e + 2]; k < end; k++) {
    const index = cells[k];
    const state = states[index];
    if (state === NUMBER) rhs += coefs[k] * values[index];
    else if (state === BLANK && blankZero) rhs += coefs[k] * 0;
    else return undefined;
  }
  return lhs - rhs;
}


/**
 * An equation with its two sides evaluated, or null when it is not decidable (an operand unreadable) or
 * does not apply (its condition does not hold). Decided in plain numbers where both sides are safe
 * integers (exact there, see {@link everyEquationHolds}), else in rationals: the same sides and verdict
 * either way.
 */
function decide(ctx: ValidationContext, rule: ArithmeticRuleIR, equation: EquationIR, table?: OperandTable, sides?: CompiledEquation): DecidedEquation | null {
  if (!equation.when && Number.isFinite(rule.tolerance)) {
    const lhs = sides ? tableSum(table!, rule, sides.lhs, equation.lhsConstant) : integerSum(ctx, rule, equation.lhs, equation.lhsConstant);
    if (lhs === UNDECIDABLE) return null;
    const rhs = sides ? tableSum(table!, rule, sides.rhs, equation.rhsConstant) : integerSum(ctx, rule, equation.rhs, equation.rhsConstant);
    if (rhs === UNDECIDABLE) return null;
    if (lhs !== null && rhs !== null && Number.isSafeInteger(lhs - rhs)) {
      const ok = integerComparisonHolds(equation.op, lhs - rhs, rule.tolerance);
      return new DecidedEquation(rule, equation, lhs, rhs, ok);
    }
  }
  const operands = operandValues(ctx, rule, equationTerms(equation));
  if (!operands) return null;
  // A conditional equation applies only where its condition holds.
  if (equation.when && !comparisonHolds(equation.when, operands, rule.tolerance)) return null;
  const lhs = sum(equation.lhs, operands, equation.lhsConstant);
  const rhs = sum(equation.rhs, operands, equation.rhsConstant);
  return new DecidedEquation(rule, equation, lhs, rhs, holds(equation.op, lhs, rhs, rule.tolerance));
}

/**
 * The value the localiser gets for an operand of a decided equation (blank: 0): its number as a
 * rational would give it back (`Rational.fromNumber(value).toNumber()`; a safe integer is itself, −0 is 0).
 */
function operandNumber(cell: ReportCell): number {
  if (cell.state !== 'number' || cell.value === null) return 0;
  return Number.isSafeInteger(cell.value) ? cell.value + 0 : Rational.fromNumber(cell.value).toNumber();
}

/**
 * The values {@link localizedFailures} gives the localiser for the report of `ctx` when it reads them from
 * the operand table; null where a group is printed as one row (they are gathered then). For tests.
 */
export function operandTableLookup(ctx: ValidationContext): CellLookup<number> | null {
  return ctx.hasGroupRows ? null : operandTableValues(ctx.template, operandTable(ctx));
}

/**
 * The localiser's value of each operand of a decided equation, read from the operand table when asked:
 * {@link operandNumber} of its cell (a cell read as a number, or blank: 0; every operand of a decided
 * equation is one or the other where the table is made). Undefined for a cell the table does not hold or
 * cannot read, which no decided equation has.
 */
function operandTableValues(template: TemplateIR, table: OperandTable): CellLookup<number> {
  const { cells } = compiledTemplate(template);
  const { states, values } = table;
  let decimals: Map<number, number> | undefined;
  return {
    get: (cellId: string): number | undefined => {
      const index = cells.get(cellId);
      if (index === undefined) return undefined;
      const state = states[index];
      if (state === BLANK) return 0;
      if (state !== NUMBER) return undefined;
      const value = values[index];
      if (Number.isSafeInteger(value)) return value + 0;
      // As a rational would give it back (see `operandNumber`), worked out once per cell.
      let number = (decimals ??= new Map()).get(index);
      if (number === undefined) decimals.set(index, (number = Rational.fromNumber(value).toNumber()));
      return number;
    },
  };
}

/**
 * The localiser's constraint of each equation, made once per equation object: the localiser keeps what it
 * works out from a constraint's terms for the next report given the same object (see `localizeErrors`).
 */
const equationConstraints = new WeakMap<EquationIR, LocalizationConstraint>();

function constraintOf(rule: ArithmeticRuleIR, equation: EquationIR): LocalizationConstraint {
  let constraint = equationConstraints.get(equation);
  if (constraint === undefined || constraint.tolerance !== rule.tolerance) {
    constraint = {
      id: equation.id,
      lhs: equation.lhs,
      op: equation.op,
      rhs: equation.rhs,
      constant: (equation.rhsConstant ?? 0) - (equation.lhsConstant ?? 0),
      tolerance: rule.tolerance,
    };
    equationConstraints.set(equation, constraint);
  }
  return constraint;
}

/** The domain of each of a template's cells (as {@link domainOf} gives it without groups printed as one row), one map per template. */
const cellDomainMaps = new WeakMap<TemplateIR, ReadonlyMap<string, CellDomain>>();

function cellDomains(template: TemplateIR): ReadonlyMap<string, CellDomain> {
  let domains = cellDomainMaps.get(template);
  if (domains === undefined) {
    const map = new Map<string, CellDomain>();
    // The last cell of an id, as the template's index keeps it (see `ValidationContext.cell`).
    for (const cell of template.cells) map.set(cell.id, cell.type.kind === 'count' ? 'count' : cell.type.kind === 'integer' ? 'integer' : 'real');
    cellDomainMaps.set(template, (domains = map));
  }
  return domains;
}

/** The template's cells in reading order (the localiser's tie-break), one array per template. */
const cellOrders = new WeakMap<TemplateIR, readonly string[]>();

function cellOrder(template: TemplateIR): readonly string[] {
  let order = cellOrders.get(template);
  if (order === undefined) cellOrders.set(template, (order = template.cells.map((c) => c.id)));
  return order;
}

/**
 * Checks every equation of every arithmetic rule. Equations with an unreadable operand (absent, invalid,
 * approximate; blank when the rule says blank is unknown) are not decidable and stay silent. Each failed
 * equation gives one diagnostic; the failed and holding equations together localise the likely wrong
 * cells, whose fix is attached to every diagnostic it resolves.
 */
export function checkArithmetic(ctx: ValidationContext): Diagnostic[] {
  // Groups printed as one row change the equations' operands: those are read cell by cell.
  const table = ctx.hasGroupRows ? null : operandTable(ctx);
  if (everyEquationHolds(ctx, table)) return [];
  return failedEquationFindings(ctx, table);
}

// The rest of the check runs only for a report with a failed equation, in functions of its own: V8 then
// optimises the common path above apart from them, and a path first taken in a finding (which makes V8
// drop the optimised code) makes it compile again only the function that holds it.

/** The findings of a report where an equation fails (see {@link checkArithmetic}). */
function failedEquationFindings(ctx: ValidationContext, table: OperandTable | null): Diagnostic[] {
  const decided = decidedEquations(ctx, table);
  if (decided.every((d) => d.holds)) return [];
  const { byEquation, statementText } = localizationJudged(ctx, decided) ? localizedFailures(ctx, decided, table) : NOT_LOCALIZED;
  const fixes = new Map<Localization, Suggestion | null>();
  const sentences = new Map<Localization, string>();
  const doubtful = doubtfulTables(ctx, decided, byEquation);
  for (const table of doubtful.keys()) ctx.doubtfulTables.add(table);
  const diagnostics: Diagnostic[] = [...doubtful.values()].map((failed) => tableDoubtful(ctx, failed));
  for (const d of decided) {
    if (d.holds || doubtful.has(tableOf(ctx, d.rule, d.equation))) continue;
    diagnostics.push(equationFinding(ctx, d, byEquation.get(d.equation.id), fixes, sentences, statementText));
  }
  return diagnostics;
}

/** No localisation: every failed equation's finding made without one. */
const NOT_LOCALIZED: { byEquation: Map<string, Localization>; statementText: Map<string, string> } = { byEquation: new Map(), statementText: new Map() };

/**
 * Whether the localisation of the failed equations can change what is judged of the findings. Always,
 * unless only that is built (see `ValidationContext.findingsOnly`): then a failed equation's finding is
 * judged by its code, rule and cells when it has operands (its fix and the sentence and range taken from
 * the localisation are not), and a table is doubtful by the localisation only with at least
 * {@link DOUBTFUL_FAILURES} failed equations (see {@link doubtfulTables}).
 */
function localizationJudged(ctx: ValidationContext, decided: readonly DecidedEquation[]): boolean {
  if (!ctx.findingsOnly) return true;
  const failures = new Map<string, number>();
  for (let d = 0; d < decided.length; d++) {
    const { rule, equation, holds } = decided[d];
    if (holds) continue;
    if (equation.lhs.length + equation.rhs.length === 0) return true;
    const table = tableOf(ctx, rule, equation);
    const count = (failures.get(table) ?? 0) + 1;
    if (count >= DOUBTFUL_FAILURES) return true;
    failures.set(table, count);
  }
  return false;
}

/** Every equation of the template's arithmetic rules whose operands could all be read, decided. */
function decidedEquations(ctx: ValidationContext, table: OperandTable | null): DecidedEquation[] {
  const template = table && compiledTemplate(ctx.template);
  const compiled = template?.rules;
  const decided: DecidedEquation[] = [];
  const rules = ctx.template.rules;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    if (rule.kind !== 'arithmetic') continue;
    const sides = compiled?.get(rule);
    const equations = equationsOf(ctx, rule);
    const program = inlineProgram(table, template, rule);
    for (let e = 0; e < equations.length; e++) {
      const d =
        program !== undefined && program.plain[e] === 1
          ? plainDecided(table!, program, rule, equations[e], e)
          : sides
            ? decide(ctx, rule, equations[e], table!, sides[e])
            : decide(ctx, rule, equations[e]);
      if (d) decided.push(d);
    }
  }
  return decided;
}

/**
 * {@link decide} of the plain equation `e` of a rule's program (see {@link RuleProgram}), its sides summed
 * from `operands` as {@link tableSum} sums them where the program's bound holds: the same sides and
 * verdict (the sides within the safe integers, and so their difference).
 */
function plainDecided(operands: OperandTable, program: RuleProgram, rule: ArithmeticRuleIR, equation: EquationIR, e: number): DecidedEquation | null {
  const blankZero = rule.blank === 'zero';
  const lhs = plainSide(operands, program, 2 * e, blankZero);
  if (Number.isNaN(lhs)) return null;
  const rhs = plainSide(operands, program, 2 * e + 1, blankZero);
  if (Number.isNaN(rhs)) return null;
  return new DecidedEquation(rule, equation, lhs, rhs, integerComparisonHolds(equation.op, lhs - rhs, rule.tolerance));
}

/** The sum of side `side` of a program (its constant included), as {@link plainDifference} sums it; NaN when an operand is unreadable. */
function plainSide(operands: OperandTable, program: RuleProgram, side: number, blankZero: boolean): number {
  const { states, values } = operands;
  const { cells, coefs, starts } = program;
  let sum = program.constants[side];
  for (let k = starts[side], end = starts[side + 1]; k < end; k++) {
    const index = cells[k];
    const state = states[index];
    if (state === NUMBER) sum += coefs[k] * values[index];
    else if (state === BLANK && blankZero) sum += coefs[k] * 0;
    else return Number.NaN;
  }
  return sum;
}

/** The localiser's answer for the failed equations (by equation id), and the prose statements' texts it may cite. */
function localizedFailures(
  ctx: ValidationContext,
  decided: readonly DecidedEquation[],
  table: OperandTable | null,
): { byEquation: Map<string, Localization>; statementText: Map<string, string> } {
  const constraints: LocalizationConstraint[] = [];
  // The verdicts of the equations decided in plain numbers (every operand, coefficient, constant and partial
  // sum a safe integer, as the localiser's values are then too): the localiser's own, not worked out again.
  const holds: (boolean | undefined)[] = [];
  // Their residuals too (left side minus right side, the constants included: the localiser's residual).
  const residuals: (number | undefined)[] = [];
  // The operands' values read from the operand table when there is one, else gathered here.
  const gathered = table === null ? new Map<string, number>() : undefined;
  const values = gathered ?? operandTableValues(ctx.template, table!);
  // The localiser asks for the text of the cells of a fix only, and for the domains of the constraints'
  // cells: read when asked, and from the template's cells where no group printed as one row stands for some.
  const written = { get: (cellId: string) => ctx.reportCell(cellId).raw };
  const domains = ctx.hasGroupRows ? new Map<string, CellDomain>() : cellDomains(ctx.template);
  for (let d = 0; d < decided.length; d++) {
    const { rule, equation } = decided[d];
    constraints.push(constraintOf(rule, equation));
    const { lhs, rhs } = decided[d];
    const plain = typeof lhs === 'number' && typeof rhs === 'number';
    holds.push(plain ? decided[d].holds : undefined);
    // Given only when exact: two safe integers' difference can pass 2^53.
    const residual = plain ? lhs - rhs : undefined;
    residuals.push(residual !== undefined && Number.isSafeInteger(residual) ? residual : undefined);
    if (gathered === undefined) continue;
    // Side by side, index by index (no array of the sides or of all the terms made per equation).
    const sideCount = equation.when ? 4 : 2;
    for (let side = 0; side < sideCount; side++) {
      const terms = side === 0 ? equation.lhs : side === 1 ? equation.rhs : side === 2 ? equation.when!.lhs : equation.when!.rhs;
      for (let i = 0; i < terms.length; i++) {
        const cellId = terms[i].cell;
        // A cell has one value in every equation that reads it (and its text and domain are its own).
        if (gathered.has(cellId)) continue;
        const cell = ctx.reportCell(cellId);
        gathered.set(cellId, operandNumber(cell));
        if (ctx.hasGroupRows) (domains as Map<string, CellDomain>).set(cellId, domainOf(ctx, cellId));
      }
    }
  }
  const { evidence, statementText } = proseEvidence(ctx);
  const localizations = localizeErrors({
    constraints,
    values,
    written,
    domains,
    order: cellOrder(ctx.template),
    limits: { maxCells: MAX_CELLS },
    evidence,
    holds,
    residuals,
  });
  const byEquation = new Map<string, Localization>();
  for (const localization of localizations) for (const id of localization.violated) byEquation.set(id, localization);
  return { byEquation, statementText };
}

/** The texts of a failed equation's finding that its values do not change: labels and expressions. */
interface EquationTexts {
  template: TemplateIR;
  rule: ArithmeticRuleIR;
  locale: Locale;
  bindingLabels: Record<string, string>;
  addends: string;
  title: string;
  lhsText: string;
  rhsText: string;
  binding: string;
}

/**
 * The {@link EquationTexts} of each equation as written, for the last template, rule and language it was
 * made for: they depend on nothing else where no group is printed as one row (the equation is then the
 * template's, and its cells the template's).
 */
const equationTextsOf = new WeakMap<EquationIR, EquationTexts>();

function equationTexts(ctx: ValidationContext, rule: ArithmeticRuleIR, equation: EquationIR): EquationTexts {
  if (ctx.hasGroupRows) return makeEquationTexts(ctx, rule, equation);
  let texts = equationTextsOf.get(equation);
  if (texts === undefined || texts.template !== ctx.template || texts.rule !== rule || texts.locale !== ctx.locale) {
    equationTextsOf.set(equation, (texts = makeEquationTexts(ctx, rule, equation)));
  }
  return texts;
}

function makeEquationTexts(ctx: ValidationContext, rule: ArithmeticRuleIR, equation: EquationIR): EquationTexts {
  const omit = sharedAxis(ctx, equation);
  const tableId = ctx.cell(equation.lhs[0]?.cell ?? equation.rhs[0]?.cell)?.table ?? rule.table;
  const bindingLabels = Object.fromEntries(
    Object.entries(equation.bindings).map(([name, value]) => [name, ctx.bindingLabel(tableId, value)]),
  );
  return {
    template: ctx.template,
    rule,
    locale: ctx.locale,
    bindingLabels,
    addends: equationAddends(ctx, equation, omit, tableId),
    title: ctx.localized(rule.title),
    lhsText: expressionText(ctx, equation.lhs, omit, equation.lhsConstant),
    rhsText: expressionText(ctx, equation.rhs, omit, equation.rhsConstant),
    binding: Object.values(bindingLabels).join(ctx.msg('list/separator')) || ctx.msg('binding/none'),
  };
}

/**
 * The finding of a failed equation, with the fix of its localisation when that is unique (made once per
 * localisation in `fixes`) and the sentence saying it, joined (made once per localisation in `sentences`:
 * the failed equations of a group share one).
 */
function equationFinding(
  ctx: ValidationContext,
  { rule, equation, lhs: lhsValue, rhs: rhsValue }: DecidedEquation,
  localization: Localization | undefined,
  fixes: Map<Localization, Suggestion | null>,
  sentences: Map<Localization, string>,
  statementText: Map<string, string>,
): Diagnostic {
  const lhs = rational(lhsValue);
  const rhs = rational(rhsValue);
  const unique = localization?.status === 'unique' ? localization.alternatives[0] : undefined;
  const operands = [...new Set([...equation.lhs, ...equation.rhs].map((t) => t.cell))];
  // A bare finding has no suggestions: its fix is not made.
  if (ctx.bare(operands)) {
    return ctx.diagnostic('arithmetic/equation', { rule: rule.id, severity: rule.severity, message: '', range: equationRange(ctx, equation, unique), cells: operands });
  }
  if (localization && unique && !fixes.has(localization)) fixes.set(localization, fixOf(ctx, unique));
  const fix = localization ? fixes.get(localization) : null;
  const { bindingLabels, addends, title, lhsText, rhsText, binding } = equationTexts(ctx, rule, equation);
  const params: MessageParams = {
    ...bindingLabels,
    addends,
    title,
    rule: rule.id,
    lhs: lhs.toDecimalString(),
    rhs: rhs.toDecimalString(),
    lhsText,
    rhsText,
    expected: rhs.toDecimalString(),
    actual: lhs.toDecimalString(),
    binding,
  };
  const ruleText = ctx.localized(rule.message, params).trim();
  let text = ruleText || ctx.msg('arithmetic/equation', params);
  if (localization) {
    let sentence = sentences.get(localization);
    if (sentence === undefined) sentences.set(localization, (sentence = ctx.msg('sentence/join') + localizationSentence(ctx, localization, MAX_CELLS, statementText)));
    text += sentence;
  }
  const related: RelatedLocation[] = [];
  for (const cellId of operands) {
    const cell = ctx.reportCell(cellId);
    if (!cell.range) continue;
    related.push({
      message:
        cell.state === 'blank'
          ? ctx.msg('related/operand-blank', { cell: ctx.cellLabel(cellId) })
          : ctx.msg('related/operand', { cell: ctx.cellLabel(cellId), value: cell.raw || String(cell.value) }),
      range: cell.range,
    });
  }
  return ctx.diagnostic('arithmetic/equation', {
    rule: rule.id,
    severity: rule.severity,
    message: text,
    range: equationRange(ctx, equation, unique),
    related,
    expected: rhs.toNumber(),
    actual: lhs.toNumber(),
    cells: operands,
    suggestions: fix ? [fix] : [],
  });
}
