import { readFileSync } from 'node:fs';
import { checkReport, type CheckOptions, type CheckResult } from '../../src/check/index.js';

/** The text of a real report of test/fixtures/corpus (UTF-8, unchanged). */
export function corpusText(name: string): string {
  return readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), 'utf8');
}

/** Checks a text (a real report or a variant generated from one) through the whole pipeline. */
export function checkText(text: string, fileName: string, options: CheckOptions = {}): Promise<CheckResult> {
  return checkReport({ bytes: new TextEncoder().encode(text), fileName }, options);
}

/** A row's cells: numbers as numbers, blank as '', else the state. */
export function rowOf(result: CheckResult, tableId: string, rowId: string): (number | string)[] {
  const table = result.report?.tables.find((t) => t.id === tableId);
  const row = table?.rows.find((r) => r.id === rowId) ?? table?.groups?.find((g) => g.id === rowId);
  if (!row) throw new Error(`no row ${tableId}.${rowId}`);
  return row.cells.map((c) => (c.state === 'number' ? (c.value as number) : c.state === 'blank' ? '' : c.state));
}

/** "severity code rule" of each finding, sorted. */
export function verdictOf(result: CheckResult): string[] {
  return result.diagnostics.map((d) => `${d.severity} ${d.code}${d.rule ? ` ${d.rule}` : ''}`).sort();
}

/** Every cell of every table, group rows included: "table.row column" → "state value". */
export function cellStates(result: CheckResult): Map<string, string> {
  const out = new Map<string, string>();
  for (const table of result.report!.tables) {
    for (const row of [...table.rows, ...(table.groups ?? [])]) {
      for (const cell of row.cells) out.set(`${table.id}.${row.id} ${cell.column}`, `${cell.state} ${cell.value ?? ''}`);
    }
  }
  return out;
}

/** "severity code rule [cells]" of each finding, in the report's order (positions and messages aside). */
export function findingsWithCells(result: CheckResult): string[] {
  return result.diagnostics.map((d) => `${d.severity} ${d.code}${d.rule ? ` ${d.rule}` : ''}${d.cells ? ` [${[...d.cells].sort().join(',')}]` : ''}`);
}

/**
 * A real report with the columns of every other table-3 row shifted by one (a leading 0 put in, the last
 * number dropped), as a misaligned conversion produces: rows of a label followed by seven numbers.
 */
export function shiftEveryOtherRow(text: string): string {
  let n = 0;
  return text
    .split('\n')
    .map((line) => {
      const m = /^(.*?[^\d\s])((?: \d+){7})$/u.exec(line);
      if (!m || n++ % 2 === 1) return line;
      const numbers = m[2].trim().split(' ');
      return `${m[1]} ${['0', ...numbers.slice(0, 6)].join(' ')}`;
    })
    .join('\n');
}
