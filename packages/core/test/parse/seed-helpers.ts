import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ParsedReport, ReportTable } from '../../src/model/report.js';
import { readReport } from '../../src/read/index.js';
import { parseDocument } from '../../src/parse/index.js';
import { builtinTemplates } from '../../src/templates/index.js';

/** Absolute path of a file under the repository's examples/ folder. */
export function examplePath(relative: string): string {
  return fileURLToPath(new URL(`../../../../examples/${relative}`, import.meta.url));
}

/** Reads and parses an example file with the built-in templates. */
export async function parseExample(relative: string, template?: string): Promise<ParsedReport> {
  const bytes = new Uint8Array(readFileSync(examplePath(relative)));
  const read = await readReport(bytes, { fileName: relative });
  return parseDocument(read, builtinTemplates, template ? { template } : {});
}

/** Reads and parses bytes with the built-in templates. */
export async function parseBytes(bytes: Uint8Array, fileName: string, template?: string): Promise<ParsedReport> {
  const read = await readReport(bytes, { fileName });
  return parseDocument(read, builtinTemplates, template ? { template } : {});
}

/** Reads and parses a text with the built-in templates. */
export function parseText(text: string, fileName = 'report.txt', template?: string): Promise<ParsedReport> {
  return parseBytes(new TextEncoder().encode(text), fileName, template);
}

/** A compact rendering of a row: numbers as numbers, blank as '', approximate as '~n', na as 'na'. */
export type CellView = number | string;

/** The cells of a table row as compact values. */
export function rowValues(report: ParsedReport, tableId: string, rowId: string): CellView[] {
  const row = table(report, tableId).rows.find((r) => r.id === rowId);
  if (!row) throw new Error(`no row ${tableId}.${rowId}`);
  return row.cells.map((c) =>
    c.state === 'number' ? (c.value as number) : c.state === 'blank' ? '' : c.state === 'approximate' ? `~${c.value}` : c.state,
  );
}

/** A table of a parsed report, by id. */
export function table(report: ParsedReport, tableId: string): ReportTable {
  const t = report.tables.find((x) => x.id === tableId);
  if (!t) throw new Error(`no table ${tableId}`);
  return t;
}

/** The leaf row ids of a table. */
export function rowIds(report: ParsedReport, tableId: string): string[] {
  return table(report, tableId).rows.map((r) => r.id);
}
