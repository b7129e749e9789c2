import type { Diagnostic, RelatedLocation } from '../diagnostics/diagnostic.js';
import type { ProseCheckIR } from '../ir/template-ir.js';
import { Rational } from '../localize/index.js';
import { proseExpressionValue, proseStatements } from './prose-statements.js';
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
 * expression. Skipped when an operand cannot be read.
 */
export function checkProse(ctx: ValidationContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const values = new Map<ProseCheckIR, Rational | null>();
  // Built on the first mismatch of a rule only: most reports have none.
  const related = new Map<ProseCheckIR, RelatedLocation[]>();
  for (const statement of proseStatements(ctx)) {
    const { rule } = statement;
    if (!values.has(rule)) values.set(rule, proseExpressionValue(ctx, rule));
    const value = values.get(rule)!;
    if (value === null || Rational.fromNumber(statement.value).equals(value)) continue;
    const operands = [...new Set(rule.expression.map((t) => t.cell))];
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
        range: originalRangeOf(ctx.view, { start: statement.viewStart, end: statement.viewEnd }),
        related: related.get(rule)!,
        expected: value.toNumber(),
        actual: statement.value,
        cells: operands,
      }),
    );
  }
  return diagnostics;
}
