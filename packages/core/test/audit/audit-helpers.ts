import { readFileSync } from 'node:fs';
import { checkReport } from '../../src/check/index.js';
import { builtinTemplates } from '../../src/templates/index.js';
import { digestReport, type ReportDigest } from '../../src/audit/index.js';

/**
 * Helpers of the audit tests: the real two-year series of one district government (test/fixtures/corpus,
 * copied unchanged from shared/corpus) and the clean examples, checked and digested as an audit does.
 */

/** Text of a corpus fixture. */
export function corpusText(name: string): string {
  return readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), 'utf8');
}

/** Text of a file of the repository's examples/. */
export function exampleText(name: string): string {
  return readFileSync(new URL(`../../../../examples/${name}`, import.meta.url), 'utf8');
}

/** Checks a text and digests it under `path`. */
export async function digestText(text: string, path: string): Promise<ReportDigest> {
  const result = await checkReport({ bytes: new TextEncoder().encode(text), fileName: path });
  return digestReport(result, path, builtinTemplates);
}

/** The 2023 and 2024 reports of the corpus's district government. */
export const hongzequ2023 = 'hongzequ-2023.pdftext.txt';
/** The 2024 report (pdftotext -layout). */
export const hongzequ2024 = 'hongzequ-2024.pdftotext-layout.txt';

/** Replaces the one occurrence of `from` in `text` (fails the test when there is not exactly one). */
export function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const count = typeof from === 'string' ? text.split(from).length - 1 : [...text.matchAll(new RegExp(from, 'gu'))].length;
  if (count !== 1) throw new Error(`expected one occurrence of ${String(from)}, found ${count}`);
  return text.replace(from, to);
}
