import type { TemplateIR } from '@nianbao/core';
import type { Hover } from 'vscode-languageserver-protocol';
import { serverMessage } from '../l10n/index.js';
import type { ServerLocale } from '../settings/index.js';
import { cellCaption, tableLabels } from './axis-labels.js';
import { equationStatus, type EquationStatus } from './equation-status.js';
import { cellAt, cellsById } from './report-cells.js';
import { formatNumber } from './format-number.js';
import type { CheckedReport } from './report-service.js';
import { toLspRange } from './lsp-diagnostics.js';

/** At most this many equations are listed in a hover. */
const maxEquations = 12;
/** At most this many terms of one side are named. */
const maxTerms = 6;

/**
 * The hover of a table cell: its id, its table/row/column labels from the template, its value, and the
 * arithmetic rules it takes part in with whether each holds, followed by the findings about the cell.
 */
export function reportHover(report: CheckedReport, offset: number, locale: ServerLocale): Hover | null {
  const located = cellAt(report, offset);
  const template = report.template;
  if (!located || !template) return null;
  const { table, row, cell } = located;
  const t = (key: Parameters<typeof serverMessage>[1], params?: Record<string, string | number>): string =>
    serverMessage(locale, key, params);
  const labels = tableLabels(template).get(table.id);
  const columnPath = labels?.columns.get(cell.column) ?? [cell.column];
  const rowPath = labels?.rows.get(row.id) ?? [row.label || row.id];

  const lines: string[] = [];
  lines.push(`**${t('cell')}** \`${cell.id}\``);
  lines.push('');
  lines.push(`${t('table')}${t('colon')}${table.label}  `);
  lines.push(`${t('row')}${t('colon')}${rowPath.join(' › ') || row.id}  `);
  lines.push(`${t('column')}${t('colon')}${columnPath.join(' › ') || cell.column}  `);
  const value = cell.value === null ? '—' : formatNumber(cell.value);
  const unit = cell.unit ? ` ${cell.unit}` : '';
  lines.push(
    `${t('value')}${t('colon')}**${value}**${unit}${t('open')}${t('raw')} \`${cell.raw || ' '}\`${t('comma')}${t('state')} ${t(`state.${cell.state}`)}${cell.guessed ? `${t('comma')}${t('guessed')}` : ''}${t('close')}`,
  );
  lines.push(`${t('template')}${t('colon')}${template.title}${t('open')}\`${template.id}\`${t('close')}`);

  const cells = cellsById(report);
  const statuses: EquationStatus[] = [];
  for (const rule of template.rules) {
    if (rule.kind !== 'arithmetic') continue;
    for (const equation of rule.equations) {
      if (equation.lhs.some((term) => term.cell === cell.id) || equation.rhs.some((term) => term.cell === cell.id)) {
        statuses.push(equationStatus(rule, equation, cells));
      }
    }
  }
  lines.push('');
  lines.push(`**${t('rules')}**`);
  lines.push('');
  if (statuses.length === 0) lines.push(t('noRules'));
  for (const status of statuses.slice(0, maxEquations)) {
    const mark = status.holds === null ? '❔' : status.holds ? '✅' : '❌';
    const verdict = status.holds === null ? t('undecided') : status.holds ? t('holds') : t('fails');
    const lhsNames = termNames(template, status.equation.lhs, locale);
    const rhsNames = termNames(template, status.equation.rhs, locale);
    const sums =
      status.lhs !== null && status.rhs !== null
        ? `${t('colon')}${formatNumber(status.lhs)} ${status.equation.op} ${formatNumber(status.rhs)}`
        : '';
    lines.push(
      `- ${mark} \`${status.equation.id}\` ${status.rule.title[locale]} — ${lhsNames} ${status.equation.op} ${rhsNames}${sums}${t('comma')}${verdict}`,
    );
  }
  if (statuses.length > maxEquations) lines.push(`- … +${statuses.length - maxEquations}`);

  const findings = report.result.diagnostics.filter((finding) => finding.cells?.includes(cell.id));
  if (findings.length > 0) {
    lines.push('');
    lines.push(`**${t('findings')}**`);
    lines.push('');
    for (const finding of findings) lines.push(`- ${finding.severity === 'error' ? '⛔' : '⚠️'} ${finding.message}`);
  }

  const range = cell.range ? toLspRange(report.positions, cell.range) : undefined;
  return { contents: { kind: 'markdown', value: lines.join('\n') }, ...(range ? { range } : {}) };
}

function termNames(
  template: TemplateIR,
  terms: ReadonlyArray<{ cell: string; coef: number }>,
  locale: ServerLocale,
): string {
  const names = terms.slice(0, maxTerms).map((term, index) => {
    const name = cellCaption(template, term.cell);
    const sign = term.coef < 0 ? '− ' : index > 0 ? '+ ' : '';
    const factor = Math.abs(term.coef) !== 1 ? `${formatNumber(Math.abs(term.coef))}×` : '';
    return `${sign}${factor}${name}`;
  });
  if (terms.length > maxTerms) names.push(`+ …${serverMessage(locale, 'open')}${serverMessage(locale, 'terms', { n: terms.length })}${serverMessage(locale, 'close')}`);
  return names.join(' ');
}
