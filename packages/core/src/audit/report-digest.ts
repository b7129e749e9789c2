import type { CheckResult } from '../check/index.js';
import type { TemplateIR } from '../ir/template-ir.js';
import type { CellState, OffsetRange } from '../model/report.js';
import { LineIndex, type LinePosition } from '../read/index.js';
import { agencyKey } from './agency-name.js';
import { comparisonText } from './comparison-text.js';

/** A range of a report with its line/character positions (so that it can be shown without the text). */
export interface DigestRange {
  range: OffsetRange;
  start: LinePosition;
  end: LinePosition;
}

/** A cell a cross-year rule reads, as found in one report. */
export interface DigestCell {
  state: CellState;
  value: number | null;
  /** As written. */
  raw: string;
  /** Column assignment was a guess: the cell is not used to blame anyone. */
  guessed?: boolean;
  at?: DigestRange;
}

/** A section compared with the previous year's. */
export interface DigestSection {
  /** Heading (or body, without a heading) of the section. */
  at: DigestRange;
  /** The body in the original text. */
  body: DigestRange;
  /** {@link comparisonText} of the body. */
  text: string;
}

/**
 * What an audit keeps of one checked report once the report itself is dropped: who and which year it
 * is, and the few cells and sections that rules across years read. Plain data (it crosses worker threads).
 */
export interface ReportDigest {
  /** How the audit names the report (a file path). */
  path: string;
  /** The agency as written, or null when the report does not say. */
  agency: string | null;
  /** {@link agencyKey} of the agency. */
  agencyKey: string | null;
  year: number | null;
  /** The template the report was checked with, null when none fits. */
  templateId: string | null;
  /** Where the title (or the sentence the year came from) is. */
  title?: DigestRange;
  /** Cells read by some cross-year rule of some template, by cell id (only those the report has). */
  cells: Record<string, DigestCell>;
  /** Sections some template compares with the previous year (`notCopied`), by section id. */
  sections: Record<string, DigestSection>;
}

/** Cell and section ids that the audit of `templates` reads (computed once per template list). */
interface DigestPlan {
  cells: Set<string>;
  sections: Set<string>;
}

const plans = new WeakMap<readonly TemplateIR[], DigestPlan>();

function planOf(templates: readonly TemplateIR[]): DigestPlan {
  let plan = plans.get(templates);
  if (!plan) {
    plan = { cells: new Set(), sections: new Set() };
    for (const template of templates) {
      for (const rule of template.rules) {
        if (rule.kind !== 'crossYear') continue;
        for (const equation of rule.equations) {
          for (const term of [...equation.lhs, ...equation.rhs, ...(equation.when?.lhs ?? []), ...(equation.when?.rhs ?? [])]) plan.cells.add(term.cell);
        }
      }
      for (const section of template.sections) if (section.notCopied) plan.sections.add(section.id);
    }
    plans.set(templates, plan);
  }
  return plan;
}

/** The digest of a checked report, for auditing it with the other years of its agency. */
export function digestReport(result: CheckResult, path: string, templates: readonly TemplateIR[]): ReportDigest {
  const agency = result.info.agency;
  const digest: ReportDigest = {
    path,
    agency,
    agencyKey: agency ? agencyKey(agency) || null : null,
    year: result.info.year,
    templateId: result.template?.id ?? null,
    cells: {},
    sections: {},
  };
  let lines: LineIndex | undefined;
  const at = (range: OffsetRange): DigestRange => {
    lines ??= new LineIndex(result.source.text);
    return { range, start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
  };
  if (result.info.titleRange) digest.title = at(result.info.titleRange);
  const report = result.report;
  if (!report) return digest;
  const plan = planOf(templates);
  for (const table of report.tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        if (!plan.cells.has(cell.id) || cell.state === 'na') continue;
        digest.cells[cell.id] = {
          state: cell.state,
          value: cell.value,
          raw: cell.raw,
          ...(cell.guessed && { guessed: true }),
          ...(cell.range && { at: at(cell.range) }),
        };
      }
    }
  }
  for (const section of report.sections) {
    if (!plan.sections.has(section.id) || !section.bodyRange) continue;
    const body = section.bodyRange;
    digest.sections[section.id] = {
      at: at(section.heading?.range ?? body),
      body: at(body),
      text: comparisonText(result.source.text.slice(body.start, body.end)),
    };
  }
  return digest;
}

/** The identity of a report in fingerprints and baselines: agency key and year, else the file name. */
export function reportIdentity(digest: Pick<ReportDigest, 'agencyKey' | 'year' | 'path'>): string {
  if (digest.agencyKey && digest.year !== null) return `${digest.agencyKey} ${digest.year}`;
  return digest.path.split(/[\\/]/u).pop() ?? digest.path;
}
