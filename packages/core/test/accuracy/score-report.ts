/**
 * Scores what nianbao made of a real report against its hand-checked expectations
 * (test/fixtures/expected/*.json). Pure and import-free, so that both the test suite (on the sources) and
 * `npm run accuracy` (plain Node on the built package, types stripped) use the same scoring.
 */

/**
 * A value as expected: a number, '' for a blank cell, '~n' for an approximate number ("19万" is '~190000'),
 * null when the source does not state it (not compared).
 */
export type ExpectedValue = number | string | null;

/** An expected finding: a code or a rule, and a cell it must name. */
export interface ExpectedFinding {
  code?: string;
  rule?: string;
  cell?: string;
  /** The fix it must offer: each edit as "old@offset→new" (old = the original text the edit replaces). */
  fix?: string[];
}

/** The expectations of one real report. */
export interface ExpectedReport {
  /** The report file, relative to the repository root. */
  file: string;
  /** Where the values were checked. */
  origin: string;
  template: string;
  year: number;
  agency: string;
  /** `"<table>.<row>"` → one value per leaf column (a row group printed as one row may be named). */
  rows: Record<string, ExpectedValue[]>;
  /** The report's real errors. */
  errors: ExpectedFinding[];
  /** Other findings a correct tool gives. */
  findings: ExpectedFinding[];
}

/** The parts of a cell the scorer looks at. */
export interface ScoredCell {
  state: string;
  value: number | null;
}

/** The parts of a check result the scorer looks at. */
export interface ScoredResult {
  template: { id: string } | null;
  info: { year: number | null; agency: string | null };
  report: {
    tables: {
      id: string;
      rows: { id: string; cells: ScoredCell[] }[];
      groups?: { id: string; cells: ScoredCell[] }[];
    }[];
  } | null;
  source: { text: string };
  diagnostics: {
    code: string;
    rule?: string;
    severity: string;
    cells?: string[];
    suggestions: { edits: { range: { start: number; end: number }; newText: string }[] }[];
  }[];
}

/** How one report scored. */
export interface ReportScore {
  file: string;
  cellsRight: number;
  cellsExpected: number;
  /** "row[column]: expected x, read y" for every wrong cell. */
  wrongCells: string[];
  /** Template, year and agency mismatches. */
  wrongInfo: string[];
  errorsFound: number;
  errorsExpected: number;
  missedErrors: ExpectedFinding[];
  /** Error findings that are not the report's real errors. */
  falseErrors: string[];
  findingsFound: number;
  findingsExpected: number;
  missedFindings: ExpectedFinding[];
}

function describeCell(cell: ScoredCell | undefined): string {
  if (!cell) return 'nothing';
  if (cell.state === 'number') return String(cell.value);
  if (cell.state === 'approximate') return `~${cell.value}`;
  return cell.state === 'blank' ? 'blank' : cell.state;
}

function cellMatches(expected: ExpectedValue, cell: ScoredCell | undefined): boolean {
  if (!cell) return false;
  if (expected === '') return cell.state === 'blank';
  const approximate = typeof expected === 'string' && expected.startsWith('~');
  const value = approximate ? Number((expected as string).slice(1)) : Number(expected);
  return cell.state === (approximate ? 'approximate' : 'number') && cell.value !== null && Math.abs(cell.value - value) < 1e-9;
}

function findingMatches(expected: ExpectedFinding, d: ScoredResult['diagnostics'][number], text: string): boolean {
  if (expected.code && d.code !== expected.code) return false;
  if (expected.rule && d.rule !== expected.rule) return false;
  if (expected.cell && !(d.cells ?? []).some((c) => c === expected.cell || c.startsWith(`${expected.cell}.`))) return false;
  if (expected.fix) {
    const want = JSON.stringify(expected.fix);
    const offered = d.suggestions.map((s) =>
      JSON.stringify(s.edits.map((e) => `${text.slice(e.range.start, e.range.end)}@${e.range.start}→${e.newText}`)),
    );
    if (!offered.includes(want)) return false;
  }
  return true;
}

/** Scores one check result against its expectations. */
export function scoreReport(expected: ExpectedReport, result: ScoredResult): ReportScore {
  const wrongCells: string[] = [];
  let cellsRight = 0;
  let cellsExpected = 0;
  for (const [key, values] of Object.entries(expected.rows)) {
    const dot = key.indexOf('.');
    const tableId = key.slice(0, dot);
    const rowId = key.slice(dot + 1);
    const table = result.report?.tables.find((t) => t.id === tableId);
    const row = table?.rows.find((r) => r.id === rowId) ?? table?.groups?.find((g) => g.id === rowId);
    values.forEach((value, column) => {
      if (value === null) return;
      cellsExpected += 1;
      const cell = row?.cells[column];
      if (cellMatches(value, cell)) cellsRight += 1;
      else wrongCells.push(`${key}[${column}]: expected ${value === '' ? 'blank' : value}, read ${describeCell(cell)}`);
    });
  }
  const wrongInfo: string[] = [];
  if (result.template?.id !== expected.template) wrongInfo.push(`template ${result.template?.id ?? 'none'}`);
  if (result.info.year !== expected.year) wrongInfo.push(`year ${result.info.year}`);
  if (result.info.agency !== expected.agency) wrongInfo.push(`agency ${result.info.agency}`);

  const text = result.source.text;
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const missedErrors = expected.errors.filter((e) => !errors.some((d) => findingMatches(e, d, text)));
  const falseErrors = errors
    .filter((d) => !expected.errors.some((e) => findingMatches({ ...e, fix: undefined }, d, text)))
    .map((d) => `${d.code}${d.rule ? ` ${d.rule}` : ''}${d.cells?.length ? ` ${d.cells.join(',')}` : ''}`);
  const missedFindings = expected.findings.filter((e) => !result.diagnostics.some((d) => findingMatches(e, d, text)));
  return {
    file: expected.file,
    cellsRight,
    cellsExpected,
    wrongCells,
    wrongInfo,
    errorsFound: expected.errors.length - missedErrors.length,
    errorsExpected: expected.errors.length,
    missedErrors,
    falseErrors,
    findingsFound: expected.findings.length - missedFindings.length,
    findingsExpected: expected.findings.length,
    missedFindings,
  };
}

/** Totals over several reports. */
export interface AccuracyTotals {
  reports: number;
  cellsRight: number;
  cellsExpected: number;
  errorsFound: number;
  errorsExpected: number;
  falseErrors: number;
  findingsFound: number;
  findingsExpected: number;
  infoWrong: number;
}

/** Adds up report scores. */
export function totalScores(scores: readonly ReportScore[]): AccuracyTotals {
  const totals: AccuracyTotals = {
    reports: scores.length,
    cellsRight: 0,
    cellsExpected: 0,
    errorsFound: 0,
    errorsExpected: 0,
    falseErrors: 0,
    findingsFound: 0,
    findingsExpected: 0,
    infoWrong: 0,
  };
  for (const s of scores) {
    totals.cellsRight += s.cellsRight;
    totals.cellsExpected += s.cellsExpected;
    totals.errorsFound += s.errorsFound;
    totals.errorsExpected += s.errorsExpected;
    totals.falseErrors += s.falseErrors.length;
    totals.findingsFound += s.findingsFound;
    totals.findingsExpected += s.findingsExpected;
    totals.infoWrong += s.wrongInfo.length;
  }
  return totals;
}

function percent(right: number, all: number): string {
  return all === 0 ? '—' : `${((100 * right) / all).toFixed(1)} %`;
}

/** The accuracy table printed by `npm run accuracy`: one line per report, the totals, then every miss. */
export function formatAccuracy(scores: readonly ReportScore[]): string {
  const header = ['report', 'cells right/expected', '%', 'known errors found', 'false errors', 'other findings', 'title'];
  const line = (s: ReportScore): string[] => [
    s.file.split('/').pop() ?? s.file,
    `${s.cellsRight}/${s.cellsExpected}`,
    percent(s.cellsRight, s.cellsExpected),
    `${s.errorsFound}/${s.errorsExpected}`,
    String(s.falseErrors.length),
    `${s.findingsFound}/${s.findingsExpected}`,
    s.wrongInfo.length === 0 ? 'ok' : s.wrongInfo.join('; '),
  ];
  const t = totalScores(scores);
  const rows = [
    header,
    ...scores.map(line),
    [
      `TOTAL (${t.reports} reports)`,
      `${t.cellsRight}/${t.cellsExpected}`,
      percent(t.cellsRight, t.cellsExpected),
      `${t.errorsFound}/${t.errorsExpected}`,
      String(t.falseErrors),
      `${t.findingsFound}/${t.findingsExpected}`,
      t.infoWrong === 0 ? 'ok' : `${t.infoWrong} wrong`,
    ],
  ];
  const widths = header.map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  const out = rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
  out.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  out.splice(out.length - 1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  for (const s of scores) {
    const name = s.file.split('/').pop();
    for (const w of s.wrongCells) out.push(`${name}: wrong cell ${w}`);
    for (const e of s.missedErrors) out.push(`${name}: missed error ${JSON.stringify(e)}`);
    for (const f of s.falseErrors) out.push(`${name}: false error ${f}`);
    for (const f of s.missedFindings) out.push(`${name}: missed finding ${JSON.stringify(f)}`);
  }
  return out.join('\n');
}
