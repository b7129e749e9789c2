/**
 * Scores what nianbao made of a real report against its hand-checked expectations
 * (test/fixtures/expected/*.json). Pure and import-free, so that both the test suite (on the sources) and
 * `npm run accuracy` (plain Node on the built package, types stripped) use the same scoring.
 */

/** A value as expected: a number, '' for a blank cell, null when the source does not state it. */
export type ExpectedValue = number | '' | null;

/** An expected finding: a code or a rule, and a cell it must name. */
export interface ExpectedFinding {
  code?: string;
  rule?: string;
  cell?: string;
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
  diagnostics: { code: string; rule?: string; severity: string; cells?: string[] }[];
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
  return cell.state === 'blank' ? 'blank' : cell.state;
}

function cellMatches(expected: ExpectedValue, cell: ScoredCell | undefined): boolean {
  if (!cell) return false;
  if (expected === '') return cell.state === 'blank';
  return cell.state === 'number' && cell.value !== null && Math.abs(cell.value - (expected as number)) < 1e-9;
}

function findingMatches(expected: ExpectedFinding, d: ScoredResult['diagnostics'][number]): boolean {
  if (expected.code && d.code !== expected.code) return false;
  if (expected.rule && d.rule !== expected.rule) return false;
  if (expected.cell && !(d.cells ?? []).some((c) => c === expected.cell || c.startsWith(`${expected.cell}.`))) return false;
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

  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const missedErrors = expected.errors.filter((e) => !errors.some((d) => findingMatches(e, d)));
  const falseErrors = errors
    .filter((d) => !expected.errors.some((e) => findingMatches(e, d)))
    .map((d) => `${d.code}${d.rule ? ` ${d.rule}` : ''}${d.cells?.length ? ` ${d.cells.join(',')}` : ''}`);
  const missedFindings = expected.findings.filter((e) => !result.diagnostics.some((d) => findingMatches(e, d)));
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
