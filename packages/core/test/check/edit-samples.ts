import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { checkText } from '../../src/check/index.js';
import { detectTemplate } from '../../src/detect/index.js';
import type { TemplateIR } from '../../src/ir/template-ir.js';
import type { ParsedReport, ReportSource, TemplateDetection } from '../../src/model/report.js';
import type { normalizeView } from '../../src/normalize/index.js';
import { parseReport } from '../../src/parse/index.js';
import type { identityView } from '../../src/read/index.js';
import { builtinTemplates } from '../../src/templates/index.js';
import { validateReport } from '../../src/validate/index.js';

// The real reports the differential tests of re-checks after edits run on (cell-edits.test.ts,
// check-edited-text.test.ts, same-view-edits.test.ts): the seeds, the corpus, the layout variants, the
// reader's and parser's fixtures, and two layout variants of each seed; and the comparison of a parse a
// fast re-check carried over with the parser's.

const root = new URL('../../../../', import.meta.url);
const fixtures = new URL('../fixtures/', import.meta.url);

/** A report file's name and bytes. */
export interface Sample {
  name: string;
  bytes: Uint8Array;
}

/** Every sample report, with a crawled page's text without line breaks and converted Markdown of each seed. */
export function editSamples(): Sample[] {
  const out: Sample[] = [];
  const add = (dir: URL): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'README.md') continue;
      out.push({ name, bytes: new Uint8Array(readFileSync(new URL(name, dir))) });
    }
  };
  add(new URL('examples/seeds/', root));
  add(new URL('corpus/', fixtures));
  add(new URL('variants/', fixtures));
  add(new URL('read/', fixtures));
  add(new URL('parse/', fixtures));
  for (const seed of out.filter((s) => /^\d{3}_/u.test(s.name))) {
    const text = new TextDecoder().decode(seed.bytes);
    out.push({ name: `${seed.name}.one-line.txt`, bytes: new TextEncoder().encode(text.replace(/\s*\n\s*/gu, ' ')) });
    const markdown = text
      .split('\n')
      .map((line) => (line.includes('\t') ? `| ${line.split('\t').join(' | ')} |` : line))
      .join('\n');
    out.push({ name: `${seed.name}.md`, bytes: new TextEncoder().encode(markdown) });
  }
  return out;
}

/** Deep equality, compared as JSON first (fast); the structural comparison shows the difference. */
export function sameAs(actual: unknown, expected: unknown, where: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual, where).toEqual(expected);
}

/**
 * A parse a fast re-check carried over (`carried`, of `text`, an edited version of `source`) against the
 * parser: it equals the parser's parse of `text` field by field (with the detection and report info the
 * parser finds), and the findings validated from it equal those of the full re-check of `text`. Returns
 * the detection of `text`, for the caller's own comparisons.
 */
export function expectAsFullRecheck(
  carried: ParsedReport,
  source: ReportSource,
  text: string,
  normalized: ReturnType<typeof normalizeView>,
  template: TemplateIR,
  viewOf: (text: string) => ReturnType<typeof identityView>,
  where: string,
): TemplateDetection {
  const detection = detectTemplate(normalized.text, builtinTemplates);
  const parsed = parseReport(normalized, { ...source, text }, template, detection);
  const report = { ...carried, detection, info: parsed.info };
  sameAs(report, parsed, where);
  const options = { locale: 'zh-CN' as const, templates: builtinTemplates, normalized, deadline: { at: Number.POSITIVE_INFINITY, seconds: 60 } };
  const full = checkText({ ...source, text }, viewOf(text), { template, verifySuggestions: false }).diagnostics;
  sameAs(validateReport(report, template, options), full, where);
  return detection;
}
