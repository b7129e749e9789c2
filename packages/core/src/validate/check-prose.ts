import type { Diagnostic, RelatedLocation } from '../diagnostics/diagnostic.js';
import type { ProseCheckIR } from '../ir/template-ir.js';
import type { OffsetRange } from '../model/report.js';
import { Rational } from '../localize/index.js';
import { proseExpressionValue, proseStatements, type ProseStatement } from './prose-statements.js';
import { firstInText, omittedFinding } from './listing-limit.js';
import { originalRangeOf } from './text-ranges.js';
import type { ValidationContext } from './validation-context.js';

/** Where the operands of a prose rule are in the table, with their values. */
function operandLocations(ctx: ValidationContext, operands: readonly string[]): RelatedLocation[] {
  return operands.flatMap((cellId) => {
    const cell = ctx.reportCell(cellId);
    if (!cell.range) return [];
    const message =
      cell.state === 'blank'
        ? ctx.msg('related/operand-blank', { cell: ctx.cellLabel(cellId) })
        : ctx.msg('related/operand', { cell: ctx.cellLabel(cellId), value: cell.raw });
    return [{ message, range: cell.range }];
  });
}

/**
 * Prose vs table: each figure the prose restates (see `proseStatements`) must equal its rule's cell
 * expression. Skipped when an operand cannot be read. A mismatch is the report's only when the table was
 * read with certainty: on a table whose failed equations were put down to a misreading
 * (`arithmetic/table-doubtful`, which says the doubt already) it is not reported; on cells of rows placed
 * by a guess, the mismatches of a table are said once (`text/prose-doubtful`), not as the report's. At most
 * `MAX_LISTED` mismatches are listed, the first in the text (see `firstInText`).
 */
export function checkProse(ctx: ValidationContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const values = new Map<ProseCheckIR, Rational | null>();
  // Built on the first mismatch of a rule only: most reports have none.
  const related = new Map<ProseCheckIR, RelatedLocation[]>();
  const doubtful = new Map<string, { statements: number; cells: Set<string>; range: OffsetRange }>();
  const mismatches: Array<{ statement: ProseStatement; value: Rational; operands: string[]; range: OffsetRange }> = [];
  for (const statement of proseStatements(ctx)) {
    const { rule } = statement;
    if (!values.has(rule)) values.set(rule, proseExpressionValue(ctx, rule));
    const value = values.get(rule)!;
    if (value === null || Rational.fromNumber(statement.value).equals(value)) continue;
    const operands = [...new Set(rule.expression.map((t) => t.cell))];
    const tables = [...new Set(operands.map((cell) => ctx.cell(cell)?.table).filter((t): t is string => t !== undefined))];
    if (tables.some((table) => ctx.doubtfulTables.has(table))) continue;
    const uncertain = operands.filter((cell) => !ctx.isCertain(cell));
    if (uncertain.length > 0) {
      const table = ctx.cell(uncertain[0])!.table;
      const entry = doubtful.get(table) ?? {
        statements: 0,
        cells: new Set<string>(),
        range: originalRangeOf(ctx.view, { start: statement.viewStart, end: statement.viewEnd }),
      };
      entry.statements++;
      for (const cell of uncertain) entry.cells.add(cell);
      doubtful.set(table, entry);
      continue;
    }
    mismatches.push({ statement, value, operands, range: originalRangeOf(ctx.view, { start: statement.viewStart, end: statement.viewEnd }) });
  }
  // Rule by rule, the statements are found in another order than the text's: the first in the text are listed.
  const { listed, omitted, firstOmitted } = firstInText(mismatches, (mismatch) => mismatch.range);
  for (const { statement, value, operands, range } of listed) {
    const { rule } = statement;
    if (ctx.bare(operands)) {
      diagnostics.push(ctx.diagnostic('text/prose-mismatch', { rule: rule.id, severity: rule.severity, message: '', range, cells: operands }));
      continue;
    }
    if (!related.has(rule)) related.set(rule, operandLocations(ctx, operands));
    const params = {
      title: ctx.localized(rule.title),
      n: statement.written,
      actual: statement.written,
      expected: value.toDecimalString(),
      text: statement.text,
    };
    diagnostics.push(
      ctx.diagnostic('text/prose-mismatch', {
        rule: rule.id,
        severity: rule.severity,
        message: ctx.localized(rule.message, params).trim() || ctx.msg('text/prose-mismatch', params),
        range,
        related: related.get(rule)!,
        expected: value.toNumber(),
        actual: statement.value,
        cells: operands,
      }),
    );
  }
  if (firstOmitted) diagnostics.push(omittedFinding(ctx, 'text/prose-mismatch', omitted, firstOmitted));
  for (const [table, { statements, cells, range }] of doubtful) {
    const guessed = [...cells];
    if (ctx.bare(guessed)) {
      diagnostics.push(ctx.diagnostic('text/prose-doubtful', { message: '', range, cells: guessed }));
      continue;
    }
    diagnostics.push(
      ctx.diagnostic('text/prose-doubtful', {
        message: ctx.msg('text/prose-doubtful', {
          table: ctx.tableLabel(table),
          count: statements,
          cells: ctx.list(guessed.map((cell) => ctx.cellLabel(cell))),
        }),
        range,
        related: operandLocations(ctx, guessed),
        cells: guessed,
      }),
    );
  }
  return diagnostics;
}
