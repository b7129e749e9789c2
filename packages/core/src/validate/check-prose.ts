import type { Diagnostic, RelatedLocation } from '../diagnostics/diagnostic.js';
import type { ProseCheckIR } from '../ir/template-ir.js';
import { Rational } from '../localize/index.js';
import { parseProseNumber } from './prose-number.js';
import { compileRulePattern, sectionTexts } from './section-search.js';
import { originalRangeOf } from './text-ranges.js';
import type { ValidationContext } from './validation-context.js';

/** The value of a prose check's expression, or null when an operand is unreadable (blank counts 0). */
function expressionValue(ctx: ValidationContext, rule: ProseCheckIR): Rational | null {
  let total = Rational.ZERO;
  for (const term of rule.expression) {
    const cell = ctx.reportCell(term.cell);
    if (cell.state === 'blank') continue;
    if (cell.state !== 'number' || cell.value === null || !Number.isFinite(cell.value)) return null;
    total = total.add(Rational.fromNumber(term.coef).mul(Rational.fromNumber(cell.value)));
  }
  return total;
}

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
 * Prose vs table: each prose rule's pattern is matched on the normalised text of its sections; the number
 * of its group `n` must equal the rule's cell expression. Skipped when an operand cannot be read.
 */
export function checkProse(ctx: ValidationContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of ctx.template.rules) {
    if (rule.kind !== 'prose') continue;
    const pattern = compileRulePattern(rule.pattern);
    if (!pattern) continue;
    const value = expressionValue(ctx, rule);
    if (value === null) continue;
    const operands = [...new Set(rule.expression.map((t) => t.cell))];
    // Built on the first mismatch only: most reports have none.
    let related: RelatedLocation[] | undefined;
    for (const segment of sectionTexts(ctx, rule.sections)) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(segment.text); m; m = pattern.exec(segment.text)) {
        if (m[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        const written = m.groups?.n;
        const n = written === undefined ? null : parseProseNumber(written);
        if (n === null || Rational.fromNumber(n).equals(value)) continue;
        const start = segment.viewStart + m.index;
        const params = {
          title: ctx.localized(rule.title),
          n: written!.trim(),
          actual: written!.trim(),
          expected: value.toDecimalString(),
          text: m[0],
        };
        diagnostics.push(
          ctx.diagnostic('text/prose-mismatch', {
            rule: rule.id,
            severity: rule.severity,
            message: ctx.localized(rule.message, params).trim() || ctx.msg('text/prose-mismatch', params),
            range: originalRangeOf(ctx.view, { start, end: start + m[0].length }),
            related: (related ??= operandLocations(ctx, operands)),
            expected: value.toNumber(),
            actual: n,
            cells: operands,
          }),
        );
      }
    }
  }
  return diagnostics;
}
