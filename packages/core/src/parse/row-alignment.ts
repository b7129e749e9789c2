/**
 * Assigning the slots found after a row label to the leaf columns of a table.
 *
 * Layout tells most: one slot per column (blank cells included) is read directly; empty fields at the
 * edges of a separated row are layout and are trimmed; merged cells are read through the template's
 * column spans. When the counts still disagree (drifting TAB counts, lost fields), every order-keeping
 * placement of the numbers on the columns is scored — deleting surplus empty fields is cheap, deleting
 * blank markers dearer, inventing missing fields dearer still, and violating the table's own row
 * equations (e.g. 总计 = Σ parts) costs more than any small layout repair — and the best placement wins;
 * it is marked as a guess when another placement comes close. A single run of digits where the row needs
 * several numbers ("6000017") is split by the row equations; glued to the label of a row without
 * equations, only a run of one digit per column is split.
 */

/** One slot after a row label. */
export interface RowSlot {
  /** `value`: a number; `invalid`: text that is no number; `blank`: a blank marker; `empty`: an empty field. */
  kind: 'value' | 'invalid' | 'blank' | 'empty';
  start: number;
  end: number;
  /** The slot's text (trimmed). */
  text: string;
}

/** A linear equation Σ coef × column = 0 over the columns of one row. */
export interface RowEquation {
  terms: { column: number; coef: number }[];
}

/** One column's share of a row. */
export interface AlignedCell {
  /** The slot read into this column (a value, or a blank marker / empty field), if any. */
  slot?: RowSlot;
  /** For a split glued row: this column's digits and their range. */
  part?: { text: string; start: number; end: number };
  /** Where the cell is (for a blank cell without a slot: where its field would be). */
  position: number;
  /** This column's value is a guess. */
  guessed: boolean;
}

/** The alignment of one row. */
export interface RowAlignment {
  cells: AlignedCell[];
  /** More numbers than columns: the surplus was dropped. */
  extra: boolean;
  /** `split`: a glued row split by arithmetic; `ambiguous`: several splits fit (cells unreadable). */
  glued?: 'split' | 'ambiguous';
  /**
   * For an ambiguous glued row: the run of digits and the splits that fit its own equations (part
   * lengths), when there are few; the table's other equations may still decide between them.
   */
  candidates?: { slot: RowSlot; splits: number[][] };
}

/** Options of {@link alignRow}. */
export interface AlignOptions {
  /** Physical width of each leaf column in the official table (merged cells), if known. */
  spans?: number[];
  /** Equations over this row's columns. */
  equations: RowEquation[];
  /** Position to use for cells that have nothing at all (e.g. the end of the row label). */
  at: number;
  /** The number a value slot holds, for checking equations (null when it has none). */
  numberOf: (slot: RowSlot) => number | null;
}

/** Placements are enumerated up to this many; beyond it the numbers are placed from the left. */
const MAX_PLACEMENTS = 20_000;
/** Search budget of a glued-digit split. */
const MAX_SPLIT_NODES = 200_000;
/** A placement is a guess when another one scores within this margin. */
const GUESS_MARGIN = 1;
const VIOLATION = 1.5;

/** Aligns `slots` to `columns` leaf columns. Never throws. */
export function alignRow(slots: RowSlot[], columns: number, options: AlignOptions): RowAlignment {
  const k = columns;
  const filled = slots.filter((s) => s.kind === 'value' || s.kind === 'invalid');
  const nonEmpty = slots.filter((s) => s.kind !== 'empty');
  if (k <= 0) return { cells: [], extra: filled.length > 0 };
  if (nonEmpty.length === k) return direct(nonEmpty);
  const trimmed = trimEdges(slots, k);
  if (trimmed.length === k) return direct(trimmed);
  const spans = options.spans;
  if (spans && spans.length === k) {
    for (const candidate of [slots, trimmed]) {
      const grouped = bySpans(candidate, spans, options.at);
      if (grouped) return grouped;
    }
  }
  const m = filled.length;
  if (m === k) return direct(filled);
  if (m > k) {
    const cut = direct(filled.slice(0, k));
    for (const c of cut.cells) c.guessed = true;
    return { ...cut, extra: true };
  }
  if (m === 0) {
    const cells: AlignedCell[] = [];
    for (let c = 0; c < k; c++) {
      const slot = nonEmpty[c] ?? trimmed[c];
      cells.push({ ...(slot ? { slot } : {}), position: slot ? slot.start : options.at, guessed: false });
    }
    return { cells, extra: false };
  }
  if (m === 1 && nonEmpty.length === 1 && options.equations.length > 0) {
    const glued = splitGluedRow(filled[0], k, options.equations);
    if (glued) return glued;
  }
  if (m === 1 && nonEmpty.length === 1 && options.equations.length === 0 && filled[0].start === options.at) {
    const glued = splitWithoutEquations(filled[0], k);
    if (glued) return glued;
  }
  return placeByScore(slots, filled, k, options);
}

function direct(list: RowSlot[]): RowAlignment {
  return { cells: list.map((slot) => ({ slot, position: slot.start, guessed: false })), extra: false };
}

/** Drops empty fields at the end, then at the start, while there are more slots than columns. */
function trimEdges(slots: RowSlot[], k: number): RowSlot[] {
  let a = 0;
  let b = slots.length;
  while (b - a > k && slots[b - 1].kind === 'empty') b--;
  while (b - a > k && slots[a].kind === 'empty') a++;
  return slots.slice(a, b);
}

/** Reads merged cells: when the slots match the physical columns, each leaf takes its group's content. */
function bySpans(slots: RowSlot[], spans: number[], at: number): RowAlignment | null {
  const total = spans.reduce((a, b) => a + b, 0);
  if (total !== slots.length || total === spans.length) return null;
  const cells: AlignedCell[] = [];
  let offset = 0;
  for (const span of spans) {
    const group = slots.slice(offset, offset + span);
    const content = group.filter((s) => s.kind !== 'empty');
    if (content.length > 1) return null;
    const slot = content[0] ?? group[0];
    cells.push({ ...(slot ? { slot } : {}), position: slot ? slot.start : at, guessed: false });
    offset += span;
  }
  return { cells, extra: false };
}

/** Scores every order-keeping placement of the numbers on the columns and keeps the best. */
function placeByScore(slots: RowSlot[], filled: RowSlot[], k: number, options: AlignOptions): RowAlignment {
  const m = filled.length;
  const positions = filled.map((s) => slots.indexOf(s));
  const n = slots.length;
  // Per gap (before the first number, between numbers, after the last): empty and blank slots in it.
  const gapEmpty: number[] = [];
  const gapBlank: number[] = [];
  for (let g = 0; g <= m; g++) {
    const from = g === 0 ? 0 : positions[g - 1] + 1;
    const to = g === m ? n : positions[g];
    let e = 0;
    let b = 0;
    for (let i = from; i < to; i++) {
      if (slots[i].kind === 'empty') e++;
      else b++;
    }
    gapEmpty.push(e);
    gapBlank.push(b);
  }
  const values = filled.map((s) => options.numberOf(s));
  // Surplus fields at the end of a row (spacer lines, trailing separators) are the most common, then
  // at its start, then between numbers; a missing field is dearer at the edges than inside.
  const gapCost = (g: number, columnsInGap: number): number => {
    const edge = g === 0 ? 1.2 : g === m ? 1 : 0;
    const have = gapEmpty[g] + gapBlank[g];
    if (have > columnsInGap) {
      let surplus = have - columnsInGap;
      const emptyDeleted = Math.min(surplus, gapEmpty[g]);
      surplus -= emptyDeleted;
      return emptyDeleted * (edge ? 0.1 * edge : 0.5) + surplus * (edge ? 0.75 * edge : 1.5);
    }
    return (columnsInGap - have) * (edge ? 1.1 : 1);
  };
  const score = (cols: number[]): { score: number; violates: boolean } => {
    let cost = gapCost(0, cols[0]);
    for (let i = 1; i < m; i++) cost += gapCost(i, cols[i] - cols[i - 1] - 1);
    cost += gapCost(m, k - 1 - cols[m - 1]);
    const row = new Array<number>(k).fill(0);
    cols.forEach((c, i) => (row[c] = values[i] ?? 0));
    const violates = options.equations.some((e) => !holds(e, row));
    return { score: cost + (violates ? VIOLATION : 0), violates };
  };
  let best: number[] | null = null;
  let bestScore = Infinity;
  let bestViolates = false;
  let second = Infinity;
  let count = 0;
  const cols = new Array<number>(m);
  const visit = (i: number, from: number): void => {
    if (count > MAX_PLACEMENTS) return;
    if (i === m) {
      count++;
      const s = score(cols);
      if (s.score < bestScore) {
        second = bestScore;
        bestScore = s.score;
        bestViolates = s.violates;
        best = cols.slice();
      } else if (s.score < second) second = s.score;
      return;
    }
    for (let c = from; c <= k - (m - i); c++) {
      cols[i] = c;
      visit(i + 1, c + 1);
    }
  };
  visit(0, 0);
  const chosen: number[] = best ?? filled.map((_, i) => i);
  const guessed = best === null || bestViolates || second - bestScore < GUESS_MARGIN;
  // Cells: numbers where placed; the other columns take the slots of their gap in order.
  const cells: AlignedCell[] = [];
  let g = 0;
  for (let c = 0; c < k; c++) {
    const idx = chosen.indexOf(c);
    if (idx >= 0) {
      cells.push({ slot: filled[idx], position: filled[idx].start, guessed });
      g = idx + 1;
      continue;
    }
    const gapStartCol = g === 0 ? 0 : chosen[g - 1] + 1;
    const from = g === 0 ? 0 : positions[g - 1] + 1;
    const to = g === m ? n : positions[g];
    const slot = from + (c - gapStartCol) < to ? slots[from + (c - gapStartCol)] : undefined;
    const position = slot ? slot.start : g === 0 ? (slots[0]?.start ?? options.at) : filled[g - 1].end;
    cells.push({ ...(slot ? { slot } : {}), position, guessed });
  }
  return { cells, extra: false };
}

function holds(equation: RowEquation, row: number[]): boolean {
  let sum = 0;
  let scale = 1;
  for (const t of equation.terms) {
    const v = t.coef * row[t.column];
    sum += v;
    scale = Math.max(scale, Math.abs(v));
  }
  return Math.abs(sum) <= 1e-9 * scale + 1e-9;
}

/** At most this many splits of an ambiguous glued row are kept for the table's equations to decide. */
const MAX_CANDIDATE_SPLITS = 16;

/** Splits one run of digits into `k` numbers satisfying the row equations. */
function splitGluedRow(slot: RowSlot, k: number, equations: RowEquation[]): RowAlignment | null {
  const digits = slot.text.trim();
  if (!/^[0-9]+$/.test(digits) || digits.length < k || digits.length > k * 7) return null;
  const solutions = splitDigits(digits, k, equations, MAX_CANDIDATE_SPLITS + 1);
  if (solutions === null || solutions.length === 0) return null;
  if (solutions.length === 1) return gluedSplit(slot, solutions[0]);
  // Two identical solutions: the search budget ran out (others may exist); more than the limit: too many.
  const exhausted = solutions.length === 2 && solutions[0].join() === solutions[1].join();
  return {
    cells: Array.from({ length: k }, () => ({ position: slot.start, guessed: true })),
    extra: false,
    glued: 'ambiguous',
    ...(exhausted || solutions.length > MAX_CANDIDATE_SPLITS ? {} : { candidates: { slot, splits: solutions } }),
  };
}

/** The alignment of a run of digits cut into parts of the given lengths (every cell a guess). */
export function gluedSplit(slot: RowSlot, lengths: readonly number[]): RowAlignment {
  const digits = slot.text.trim();
  const base = slot.start + slot.text.indexOf(digits);
  const cells: AlignedCell[] = [];
  let at = 0;
  for (const length of lengths) {
    const text = digits.slice(at, at + length);
    cells.push({ slot, part: { text, start: base + at, end: base + at + length }, position: base + at, guessed: true });
    at += length;
  }
  return { cells, extra: false, glued: 'split' };
}

/**
 * A run of digits glued to the label of a row that no equation checks ("规章000"): when it has exactly one
 * digit per column, that is its only split (a guess: cells may have been empty); longer runs cannot be
 * split (ambiguous). Null for anything but a run of ASCII digits.
 */
function splitWithoutEquations(slot: RowSlot, k: number): RowAlignment | null {
  const digits = slot.text.trim();
  if (!/^[0-9]+$/.test(digits) || digits.length <= 1 || digits.length < k) return null;
  if (digits.length > k) {
    return { cells: Array.from({ length: k }, () => ({ position: slot.start, guessed: true })), extra: false, glued: 'ambiguous' };
  }
  return gluedSplit(slot, Array.from({ length: k }, () => 1));
}

/**
 * Ways (at most `limit`) to cut `digits` into `k` numbers of at most 7 digits, without leading zeros, that
 * satisfy every equation; the part lengths of each. When the search budget runs out, a found solution is
 * reported twice (ambiguous: others may exist) and none found gives null.
 */
export function splitDigits(digits: string, k: number, equations: RowEquation[], limit: number): number[][] | null {
  const L = digits.length;
  // Equations checked as soon as their last column is known.
  const byLast = new Map<number, RowEquation[]>();
  for (const e of equations) {
    const last = Math.max(...e.terms.map((t) => t.column));
    if (last >= k) continue;
    byLast.set(last, [...(byLast.get(last) ?? []), e]);
  }
  const lengths: number[] = [];
  const row = new Array<number>(k).fill(0);
  const found: number[][] = [];
  let nodes = 0;
  let exhausted = false;
  const visit = (pos: number, part: number): void => {
    if (found.length >= limit || exhausted) return;
    if (++nodes > MAX_SPLIT_NODES) {
      exhausted = true;
      return;
    }
    if (part === k) {
      if (pos === L) found.push(lengths.slice());
      return;
    }
    const remaining = k - part;
    const maxLength = digits[pos] === '0' ? 1 : Math.min(7, L - pos - (remaining - 1));
    for (let len = 1; len <= maxLength; len++) {
      if ((L - pos - len) > (remaining - 1) * 7) continue;
      row[part] = Number(digits.slice(pos, pos + len));
      lengths.push(len);
      const checks = byLast.get(part);
      if (!checks || checks.every((e) => holds(e, row))) visit(pos + len, part + 1);
      lengths.pop();
      if (found.length >= limit || exhausted) return;
    }
    row[part] = 0;
  };
  visit(0, 0);
  if (exhausted) return found.length > 0 ? [found[0], found[0]] : null;
  return found;
}
