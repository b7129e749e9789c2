import { readFileSync } from 'node:fs';
import { checkReport, type CheckOptions, type CheckResult } from '../../src/check/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { ReportTable } from '../../src/model/report.js';

/**
 * Helpers of the variant tests: realistic report files of test/fixtures/variants run through the whole
 * pipeline (`checkReport`: read → normalise → detect → parse → validate), and compact views of the result.
 */

/** The bytes of a variant fixture. */
export function variantBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/variants/${name}`, import.meta.url)));
}

/** The text of a variant fixture (UTF-8). */
export function variantText(name: string): string {
  return new TextDecoder().decode(variantBytes(name));
}

/** Checks a variant fixture through the whole pipeline. */
export function checkVariant(name: string, options: CheckOptions = {}): Promise<CheckResult> {
  return checkReport({ bytes: variantBytes(name), fileName: name }, options);
}

/** Checks a text (an edited fixture) through the whole pipeline. */
export function checkVariantText(text: string, fileName = 'report.txt', options: CheckOptions = {}): Promise<CheckResult> {
  return checkReport({ bytes: new TextEncoder().encode(text), fileName }, options);
}

/** A table of the result, by id. */
export function tableOf(result: CheckResult, tableId: string): ReportTable {
  const table = result.report?.tables.find((t) => t.id === tableId);
  if (!table) throw new Error(`no table ${tableId}`);
  return table;
}

/** A row's cells: numbers as numbers, blank as '', approximate as '~n', else the state ('na', 'invalid'). */
export function values(result: CheckResult, tableId: string, rowId: string): (number | string)[] {
  const row = tableOf(result, tableId).rows.find((r) => r.id === rowId);
  if (!row) throw new Error(`no row ${tableId}.${rowId}`);
  return row.cells.map((c) =>
    c.state === 'number' ? (c.value as number) : c.state === 'blank' ? '' : c.state === 'approximate' ? `~${c.value}` : c.state,
  );
}

/** "severity code rule" of each finding, sorted: the whole verdict in one comparable list. */
export function verdict(result: CheckResult): string[] {
  return result.diagnostics.map((d) => `${d.severity} ${d.code}${d.rule ? ` ${d.rule}` : ''}`).sort();
}

/** The findings of one code. */
export function findings(result: CheckResult, code: string): Diagnostic[] {
  return result.diagnostics.filter((d) => d.code === code);
}

/** The original text a finding's range covers. */
export function textAt(result: CheckResult, range: { start: number; end: number }): string {
  return result.source.text.slice(range.start, range.end);
}

/** Table-3 values of the variant report (fictional, consistent), by row id, in column order. */
export const T3_EXPECTED: Record<string, number[]> = {
  newReceived: [14, 2, 0, 0, 1, 0, 17],
  carriedOver: [1, 0, 0, 0, 0, 0, 1],
  'results.granted': [6, 1, 0, 0, 0, 0, 7],
  'results.partlyGranted': [2, 0, 0, 0, 0, 0, 2],
  'results.refused.stateSecret': [0, 0, 0, 0, 0, 0, 0],
  'results.refused.prohibitedByLaw': [0, 0, 0, 0, 0, 0, 0],
  'results.refused.threeSecurities': [1, 0, 0, 0, 0, 0, 1],
  'results.refused.thirdPartyRights': [0, 0, 0, 0, 0, 0, 0],
  'results.refused.internalAffairs': [0, 0, 0, 0, 0, 0, 0],
  'results.refused.processInformation': [1, 0, 0, 0, 0, 0, 1],
  'results.refused.enforcementFiles': [0, 0, 0, 0, 0, 0, 0],
  'results.refused.administrativeQueries': [0, 0, 0, 0, 0, 0, 0],
  'results.unableToProvide.notHeld': [2, 1, 0, 0, 0, 0, 3],
  'results.unableToProvide.needsCreating': [0, 0, 0, 0, 0, 0, 0],
  'results.unableToProvide.stillUnclear': [0, 0, 0, 0, 0, 0, 0],
  'results.notProcessed.complaints': [1, 0, 0, 0, 0, 0, 1],
  'results.notProcessed.repeated': [0, 0, 0, 0, 0, 0, 0],
  'results.notProcessed.publications': [0, 0, 0, 0, 0, 0, 0],
  'results.notProcessed.excessive': [0, 0, 0, 0, 0, 0, 0],
  'results.notProcessed.confirmation': [0, 0, 0, 0, 0, 0, 0],
  'results.otherProcessing.noCorrection': [0, 0, 0, 0, 1, 0, 1],
  'results.otherProcessing.feeUnpaid': [0, 0, 0, 0, 0, 0, 0],
  'results.otherProcessing.other': [0, 0, 0, 0, 0, 0, 0],
  'results.total': [13, 2, 0, 0, 1, 0, 16],
  carriedForward: [2, 0, 0, 0, 0, 0, 2],
};

/** Table-2 values of the variant report. */
export const T2_EXPECTED: [string, string, number[]][] = [
  ['t2-1', 'regulations', [0, 0, 0]],
  ['t2-1', 'normativeDocuments', [3, 1, 12]],
  ['t2-5', 'licensing', [1085]],
  ['t2-6', 'penalties', [326]],
  ['t2-6', 'compulsoryMeasures', [41]],
  ['t2-8', 'fees', [0]],
];

/** Table-4 values of the variant report. */
export const T4_EXPECTED = [1, 0, 0, 1, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0];

/** Expects every table of the variant report read exactly (every cell a number, none guessed). */
export function expectVariantValues(result: CheckResult, expect: (actual: unknown, message?: string) => { toEqual(v: unknown): void }): void {
  for (const [table, row, expected] of T2_EXPECTED) expect(values(result, table, row), `${table}.${row}`).toEqual(expected);
  for (const [row, expected] of Object.entries(T3_EXPECTED)) expect(values(result, 't3', row), `t3.${row}`).toEqual(expected);
  expect(values(result, 't4', 'cases'), 't4').toEqual(T4_EXPECTED);
  const guessed = result.report!.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.filter((c) => c.guessed).map((c) => c.id)));
  expect(guessed, 'guessed cells').toEqual([]);
}
