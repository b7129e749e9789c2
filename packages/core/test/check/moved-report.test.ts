import { describe, expect, it } from 'vitest';
import { movedReport } from '../../src/check/cell-edits.js';
import { checkText } from '../../src/check/index.js';
import type { OffsetRange, ParsedReport, ReportGroupRow, ReportSection } from '../../src/model/report.js';
import { readReportSync } from '../../src/read/index.js';
import { editSamples } from './edit-samples.js';

// movedReport makes the rows and sections it moves as the parser makes them (object literals of the same
// fields in the same order, see cell-edits.ts): on every sample's parse, with every range moved, each
// moved row, group row and section has the fields of the parser's, in the same order, and the moved
// report is the parse with its ranges moved (the same JSON once the moves are undone).

/**
 * Every field of the parser's rows (group rows included) and sections, which movedRow and movedSection
 * (cell-edits.ts) list by hand. A field added to ReportRow, ReportGroupRow or ReportSection makes this file
 * fail to type-check (`npm test` type-checks the tests) until it is added here, and so to those two
 * functions: the comparison with the parse below only sees the fields the samples' parses have.
 */
const rowFields: Record<keyof ReportGroupRow, true> = { id: true, label: true, labelRange: true, confidence: true, cells: true, leafRows: true };
const sectionFields: Record<keyof ReportSection, true> = { id: true, heading: true, match: true, range: true, bodyRange: true };

/** `value` with every offset range (an object of `start` and `end` numbers only) passed through `f`. */
function mapRanges(value: unknown, f: (range: OffsetRange) => OffsetRange): unknown {
  if (Array.isArray(value)) return value.map((item) => mapRanges(item, f));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  const record = value as Record<string, unknown>;
  if (keys.length === 2 && typeof record.start === 'number' && typeof record.end === 'number') return f(value as OffsetRange);
  return Object.fromEntries(keys.map((key) => [key, mapRanges(record[key], f)]));
}

function* parses(): Generator<{ name: string; report: ParsedReport }> {
  for (const sample of editSamples()) {
    const read = readReportSync(sample.bytes, { fileName: sample.name });
    if (!read) continue;
    const report = checkText(read.source, read.view, { verifySuggestions: false }).report;
    if (report) yield { name: sample.name, report };
  }
}

describe('movedReport', () => {
  it('makes moved rows and sections with the fields of the parse, in its order', () => {
    let rows = 0;
    let sections = 0;
    for (const { name, report } of parses()) {
      // Every offset moved by 3 (text inserted at the start): every part with a range is made again.
      const moved = movedReport(report, `abc${report.source.text}`, (offset) => offset + 3, new Map(), () => false);
      expect(moved, name).not.toBeNull();
      for (let t = 0; t < report.tables.length; t++) {
        const before = [...report.tables[t].rows, ...(report.tables[t].groups ?? [])];
        const after = [...moved!.tables[t].rows, ...(moved!.tables[t].groups ?? [])];
        for (let r = 0; r < before.length; r++) {
          expect(Object.keys(after[r]), `${name} ${before[r].id}`).toEqual(Object.keys(before[r]));
          for (const key of Object.keys(after[r])) expect(Object.hasOwn(rowFields, key), `${name} ${before[r].id} ${key}`).toBe(true);
          if (after[r] !== before[r]) rows++;
        }
      }
      for (let s = 0; s < report.sections.length; s++) {
        expect(Object.keys(moved!.sections[s]), `${name} ${report.sections[s].id}`).toEqual(Object.keys(report.sections[s]));
        for (const key of Object.keys(moved!.sections[s])) expect(Object.hasOwn(sectionFields, key), `${name} ${report.sections[s].id} ${key}`).toBe(true);
        if (moved!.sections[s] !== report.sections[s]) sections++;
      }
      const undone = mapRanges({ sections: moved!.sections, tables: moved!.tables }, (r) => ({ start: r.start - 3, end: r.end - 3 }));
      expect(JSON.stringify(undone), name).toBe(JSON.stringify({ sections: report.sections, tables: report.tables }));
    }
    expect(rows).toBeGreaterThan(100);
    expect(sections).toBeGreaterThan(20);
  });
});
