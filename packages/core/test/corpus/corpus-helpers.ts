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
