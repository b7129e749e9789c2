import type { CrossYearRuleIR, Term, TemplateIR } from '../ir/template-ir.js';
import { Rational } from '../localize/index.js';
import { formatLocalized, message, type Locale, type MessageParams } from '../messages/index.js';
import { cellDisplayLabel, tableLabels } from '../validate/axis-labels.js';
import { holds } from '../validate/check-arithmetic.js';
import { templateIndex } from '../validate/template-index.js';
import type { AuditFinding, AuditRelated } from './audit-finding.js';
import type { DigestCell, ReportDigest } from './report-digest.js';

/** The value of a term's cell in its year's report, or null when the cell cannot be relied on. */
function termValue(rule: CrossYearRuleIR, term: Term, later: ReportDigest, earlier: ReportDigest): Rational | null {
  const cell = (term.previous ? earlier : later).cells[term.cell];
  if (!cell || cell.guessed) return null;
  if (cell.state === 'number' && cell.value !== null && Number.isFinite(cell.value)) return Rational.fromNumber(cell.value);
  if (cell.state === 'blank' && rule.blank === 'zero') return Rational.ZERO;
  return null;
}

function cellText(cell: DigestCell): string {
  return cell.state === 'blank' ? '—' : cell.raw || String(cell.value);
}

/**
 * Checks the cross-year rules of the later report's template between two reports of one agency, the
 * earlier being of the year just before. An equation is decided only when every cell it reads was read
 * with certainty in its report (a cell the earlier report's template does not have leaves it undecided),
 * so a format change between the years checks exactly the cells both formats share. A failed equation
 * is a finding on the later report's first cell of its own year, the earlier report's cells related.
 */
export function checkCrossYear(
  later: ReportDigest,
  earlier: ReportDigest,
  template: TemplateIR,
  locale: Locale,
): AuditFinding[] {
  if (later.year === null || earlier.year !== later.year - 1) return [];
  const index = templateIndex(template);
  const label = (cellId: string, omit?: 'row' | 'column') => cellDisplayLabel(index.tablesById, index.cellsById.get(cellId), cellId, omit);
  const findings: AuditFinding[] = [];
  for (const rule of template.rules) {
    if (rule.kind !== 'crossYear') continue;
    for (const equation of rule.equations) {
      const terms = [...equation.lhs, ...equation.rhs];
      const sum = (side: Term[], constant = 0): Rational | null => {
        let total = Rational.fromNumber(constant);
        for (const term of side) {
          const value = termValue(rule, term, later, earlier);
          if (value === null) return null;
          total = total.add(Rational.fromNumber(term.coef).mul(value));
        }
        return total;
      };
      // A conditional equation applies only where its condition holds (and is decided).
      if (equation.when) {
        const whenLhs = sum(equation.when.lhs, equation.when.lhsConstant);
        const whenRhs = sum(equation.when.rhs, equation.when.rhsConstant);
        if (whenLhs === null || whenRhs === null || !holds(equation.when.op, whenLhs, whenRhs, rule.tolerance)) continue;
      }
      const lhs = sum(equation.lhs, equation.lhsConstant);
      const rhs = sum(equation.rhs, equation.rhsConstant);
      if (lhs === null || rhs === null) continue;
      if (holds(equation.op, lhs, rhs, rule.tolerance)) continue;
      const current = terms.filter((term) => !term.previous);
      const anchorTerm = current.find((term) => later.cells[term.cell]?.at);
      if (!anchorTerm) continue;
      const anchor = later.cells[anchorTerm.cell];
      const tableId = index.cellsById.get(anchorTerm.cell)?.table ?? rule.table;
      const omit = sharedAxis(template, terms);
      const termText = (side: Term[]) => expressionText(side, (term) => termLabel(term, label(term.cell, omit), locale));
      const bindingLabels = Object.fromEntries(
        Object.entries(equation.bindings).map(([name, value]) => [name, bindingLabel(template, tableId, value)]),
      );
      const params: MessageParams = {
        ...bindingLabels,
        title: formatLocalized(rule.title, locale),
        rule: rule.id,
        lhs: lhs.toDecimalString(),
        rhs: rhs.toDecimalString(),
        lhsText: termText(equation.lhs),
        rhsText: termText(equation.rhs),
        expected: rhs.toDecimalString(),
        actual: lhs.toDecimalString(),
        binding: Object.values(bindingLabels).join(message('list/separator', {}, locale)) || message('binding/none', {}, locale),
        previousYear: earlier.year,
      };
      const text = formatLocalized(rule.message, locale, params).trim() || message('audit/cross-year', params, locale);
      const related: AuditRelated[] = [];
      for (const term of terms) {
        const cell = (term.previous ? earlier : later).cells[term.cell];
        if (!cell?.at || (!term.previous && term === anchorTerm)) continue;
        related.push({
          path: term.previous ? earlier.path : later.path,
          ...cell.at,
          cell: term.cell,
          message: term.previous
            ? message('related/previous-year-cell', { year: earlier.year, cell: label(term.cell), value: cellText(cell) }, locale)
            : message('related/operand', { cell: label(term.cell), value: cellText(cell) }, locale),
        });
      }
      // Related cells of the earlier report first: they are what the finding is about.
      related.sort((a, b) => Number(b.path === earlier.path && a.path !== earlier.path) - Number(a.path === earlier.path && b.path !== earlier.path));
      findings.push({
        code: 'audit/cross-year',
        rule: rule.id,
        category: 'audit',
        severity: rule.severity,
        message: text,
        location: { path: later.path, ...anchor.at! },
        related,
        expected: rhs.toNumber(),
        actual: lhs.toNumber(),
        cells: [...new Set(current.map((term) => term.cell))],
        evidence: `${equation.id}|${terms.map((term) => `${term.previous ? 'previous ' : ''}${term.cell}=${cellText((term.previous ? earlier : later).cells[term.cell]!)}`).join(',')}`,
      });
    }
  }
  return findings;
}

function termLabel(term: Term, cellLabel: string, locale: Locale): string {
  return term.previous ? message('expr/previous-year', { cell: cellLabel }, locale) : cellLabel;
}

function expressionText(terms: Term[], labelOf: (term: Term) => string): string {
  return terms
    .map((term, i) => {
      const magnitude = Math.abs(term.coef);
      const text = (magnitude === 1 ? '' : `${magnitude}×`) + labelOf(term);
      if (i === 0) return term.coef < 0 ? `−${text}` : text;
      return `${term.coef < 0 ? ' − ' : ' + '}${text}`;
    })
    .join('');
}

function sharedAxis(template: TemplateIR, terms: Term[]): 'row' | 'column' | undefined {
  const cells = terms.map((term) => templateIndex(template).cellsById.get(term.cell)).filter((cell) => cell !== undefined);
  if (cells.length < 2) return undefined;
  if (cells.every((c) => c.table === cells[0].table && c.column === cells[0].column)) return 'column';
  if (cells.every((c) => c.table === cells[0].table && c.row === cells[0].row)) return 'row';
  return undefined;
}

function bindingLabel(template: TemplateIR, tableId: string, value: string): string {
  const table = templateIndex(template).tablesById.get(tableId);
  const labels = table && tableLabels(table);
  return labels?.columns.get(value) || labels?.rows.get(value) || value;
}
