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
  /** Fields were dropped or added to fit the columns (one placement clearly best among several). */
  repaired?: boolean;
  /** `split`: a glued row split by arithmetic; `ambiguous`: several splits fit (cells unreadable). */
  glued?: 'split' | 'ambiguous';
  /**
   * For an ambiguous glued row: the run of digits and the splits that fit its own equations (part
   * lengths), when there are few; the table's other equations may still decide between them.
   */
  candidates?: { slot: RowSlot; splits: number[][] };
  /**
   * For an ambiguous row of several glued runs (a run-on row): the split alignments that fit its own
   * equations, when there are few; the table's other equations may still decide between them.
   */
  alternatives?: RowAlignment[];
}

/**
 * An {@link AlignedCell}: every cell is made here, with all its fields (`slot` and `part` undefined when
 * absent), so that the cells have one shape and the reads of their fields see one map.
 */
export function newAlignedCell(slot: RowSlot | undefined, part: AlignedCell['part'], position: number, guessed: boolean): AlignedCell {
  return { slot, part, position, guessed };
}

/**
 * A {@link RowAlignment}: every alignment is made here, with all its fields (undefined or false when
 * absent), for one shape as {@link newAlignedCell}.
 */
export function newRowAlignment(
  cells: AlignedCell[],
  extra: boolean,
  repaired = false,
  glued: RowAlignment['glued'] = undefined,
  candidates: RowAlignment['candidates'] = undefined,
  alternatives: RowAlignment['alternatives'] = undefined,
): RowAlignment {
  return { cells, extra, repaired, glued, candidates, alternatives };
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
  /**
   * The row was restored from text without line structure (see one-line-runs.ts) and has no cell
   * separators: too few numbers are runs of glued digits, split by the equations, and a row that cannot
   * be split one way is ambiguous (never placed by guess).
   */
  runOn?: boolean;
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
  const nonEmpty = withoutEmpty(slots);
  if (k <= 0) return newRowAlignment([], nonEmpty.some(holdsValue));
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
  // The slots holding a value (or an invalid one), listed only here: most rows are aligned above, one
  // slot per column. No such slot is an empty field, so they are those of `nonEmpty`, in order.
  const filled = nonEmpty.filter(holdsValue);
  const m = filled.length;
  if (m === k) return newRowAlignment(direct(filled).cells, false, true);
  if (m > k) {
    const cut = direct(filled.slice(0, k));
    for (const c of cut.cells) c.guessed = true;
    return newRowAlignment(cut.cells, true);
  }
  if (m === 0) {
    const cells: AlignedCell[] = [];
    for (let c = 0; c < k; c++) {
      const slot = nonEmpty[c] ?? trimmed[c];
      cells.push(newAlignedCell(slot, undefined, slot ? slot.start : options.at, false));
    }
    return newRowAlignment(cells, false);
  }
  if (options.runOn && m < k) return splitGluedRuns(nonEmpty, k, options);
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

/**
 * The slots but the empty fields: `slots` itself when it has none (most rows), not a copy. Only read by
 * {@link alignRow}, never changed or kept.
 */
function withoutEmpty(slots: RowSlot[]): RowSlot[] {
  for (let i = 0; i < slots.length; i++) if (slots[i].kind === 'empty') return slots.filter((s) => s.kind !== 'empty');
  return slots;
}

/** Whether a slot holds a value or an invalid one (a number that failed to read). */
function holdsValue(slot: RowSlot): boolean {
  return slot.kind === 'value' || slot.kind === 'invalid';
}

function direct(list: RowSlot[]): RowAlignment {
  return newRowAlignment(list.map((slot) => newAlignedCell(slot, undefined, slot.start, false)), false);
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
    cells.push(newAlignedCell(slot, undefined, slot ? slot.start : at, false));
    offset += span;
  }
  return newRowAlignment(cells, false);
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
      cells.push(newAlignedCell(filled[idx], undefined, filled[idx].start, guessed));
      g = idx + 1;
      continue;
    }
    const gapStartCol = g === 0 ? 0 : chosen[g - 1] + 1;
    const from = g === 0 ? 0 : positions[g - 1] + 1;
    const to = g === m ? n : positions[g];
    const slot = from + (c - gapStartCol) < to ? slots[from + (c - gapStartCol)] : undefined;
    const position = slot ? slot.start : g === 0 ? (slots[0]?.start ?? options.at) : filled[g - 1].end;
    cells.push(newAlignedCell(slot, undefined, position, guessed));
  }
  return newRowAlignment(cells, false, true);
}

function holds(equation: RowEquation, row: number[]): boolean {
  let sum = 0;
  let scale = 1;
  // An index loop: for…of allocates an iterator result per term in V8's mid tier (Maglev), which the CLI runs.
  const terms = equation.terms;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
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
  return newRowAlignment(
    Array.from({ length: k }, () => newAlignedCell(undefined, undefined, slot.start, true)),
    false,
    false,
    'ambiguous',
    exhausted || solutions.length > MAX_CANDIDATE_SPLITS ? undefined : { slot, splits: solutions },
  );
}

/** The alignment of a run of digits cut into parts of the given lengths (every cell a guess). */
export function gluedSplit(slot: RowSlot, lengths: readonly number[]): RowAlignment {
  const digits = slot.text.trim();
  const base = slot.start + slot.text.indexOf(digits);
  const cells: AlignedCell[] = [];
  let at = 0;
  for (const length of lengths) {
    const text = digits.slice(at, at + length);
    cells.push(newAlignedCell(slot, { text, start: base + at, end: base + at + length }, base + at, true));
    at += length;
  }
  return newRowAlignment(cells, false, false, 'split');
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
    return newRowAlignment(Array.from({ length: k }, () => newAlignedCell(undefined, undefined, slot.start, true)), false, false, 'ambiguous');
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

/** One piece of a run-on row: a run of digits (one or more cells) or a cell of its own. */
interface RunPiece {
  slot: RowSlot;
  /** The digits of a splittable run, else null. */
  digits: string | null;
  /** The value of a cell of its own (a blank counts 0; null when unreadable). */
  value: number | null;
}

/** At most this many cells are made of one run of digits (counts above a million are not split). */
const MAX_CELL_DIGITS = 7;

/**
 * A run-on row with fewer numbers than columns: its runs of digits ("2 0 00 0  0 2", "640020470") are cut
 * into `k` cells without leading zeros, and the cuts that satisfy the row's equations are kept (a run
 * is never cut across a separator, and the other pieces — blank markers, numbers with units — stay
 * cells of their own). One cut → read (every cell an arithmetic split); a few → ambiguous with them as
 * alternatives for the table's equations; none that satisfies the equations → the one cut there is at
 * all (one digit per cell), else ambiguous. A row without equations is ambiguous: blank cells whose
 * separators were lost cannot be told from cells. Bounded search.
 */
function splitGluedRuns(slots: RowSlot[], k: number, options: AlignOptions): RowAlignment {
  const pieces: RunPiece[] = slots.map((slot) => {
    const digits = slot.kind === 'value' && /^[0-9]+$/.test(slot.text) ? slot.text : null;
    const value = slot.kind === 'blank' ? 0 : slot.kind === 'value' ? options.numberOf(slot) : null;
    return { slot, digits, value };
  });
  const ambiguous = (alternatives?: RowAlignment[]): RowAlignment =>
    newRowAlignment(
      Array.from({ length: k }, () => newAlignedCell(undefined, undefined, slots[0]?.start ?? options.at, true)),
      false,
      false,
      'ambiguous',
      undefined,
      alternatives && alternatives.length > 0 ? alternatives : undefined,
    );
  // Without an equation nothing tells the cells apart from blanks whose separators were lost.
  if (options.equations.length === 0 || pieces.length === 0 || pieces.some((p) => p.digits === null && p.value === null)) {
    return ambiguous();
  }
  const fitting = cutRuns(pieces, k, options.equations, MAX_CANDIDATE_SPLITS + 1);
  if (fitting === null) return ambiguous();
  // The one cut the digits and equations allow is a reading, not a guess (issue: one split → read it).
  if (fitting.length === 1) return runSplit(pieces, fitting[0], false);
  if (fitting.length > 1) {
    return fitting.length > MAX_CANDIDATE_SPLITS ? ambiguous() : ambiguous(fitting.map((cut) => runSplit(pieces, cut, true)));
  }
  const any = cutRuns(pieces, k, [], 2);
  return any !== null && any.length === 1 ? runSplit(pieces, any[0], false) : ambiguous();
}

/**
 * Ways (at most `limit`) to cut the pieces into `k` cells satisfying the equations: per piece, the
 * lengths of its cells (a fixed piece: [1]). Null when the search budget ran out.
 */
function cutRuns(pieces: RunPiece[], k: number, equations: RowEquation[], limit: number): number[][][] | null {
  const byLast = new Map<number, RowEquation[]>();
  for (const e of equations) {
    const last = Math.max(...e.terms.map((t) => t.column));
    if (last >= k) continue;
    byLast.set(last, [...(byLast.get(last) ?? []), e]);
  }
  // Cells the pieces from index i on can still make, at least and at most.
  const minAfter = new Array<number>(pieces.length + 1).fill(0);
  const maxAfter = new Array<number>(pieces.length + 1).fill(0);
  for (let i = pieces.length - 1; i >= 0; i--) {
    const d = pieces[i].digits;
    minAfter[i] = minAfter[i + 1] + (d === null ? 1 : Math.ceil(d.length / MAX_CELL_DIGITS));
    maxAfter[i] = maxAfter[i + 1] + (d === null ? 1 : d.length);
  }
  if (k < minAfter[0] || k > maxAfter[0]) return [];
  const row = new Array<number>(k).fill(0);
  const cuts: number[][] = pieces.map(() => []);
  const found: number[][][] = [];
  let nodes = 0;
  let exhausted = false;
  const check = (cell: number): boolean => (byLast.get(cell) ?? []).every((e) => holds(e, row));
  const visit = (piece: number, pos: number, cell: number): void => {
    if (found.length >= limit || exhausted) return;
    if (++nodes > MAX_SPLIT_NODES) {
      exhausted = true;
      return;
    }
    if (piece === pieces.length) {
      if (cell === k) found.push(cuts.map((c) => c.slice()));
      return;
    }
    const p = pieces[piece];
    if (p.digits === null) {
      if (cell >= k) return;
      row[cell] = p.value ?? 0;
      cuts[piece].push(1);
      if (check(cell)) visit(piece + 1, 0, cell + 1);
      cuts[piece].pop();
      return;
    }
    const digits = p.digits;
    const rest = digits.length - pos;
    const maxLength = digits[pos] === '0' ? 1 : Math.min(MAX_CELL_DIGITS, rest);
    for (let len = 1; len <= maxLength; len++) {
      const left = rest - len;
      const cellsLeft = k - cell - 1;
      // The rest of this run and the later pieces must make exactly the cells still needed.
      const minLeft = (left > 0 ? Math.ceil(left / MAX_CELL_DIGITS) : 0) + minAfter[piece + 1];
      const maxLeft = left + maxAfter[piece + 1];
      if (cellsLeft < minLeft || cellsLeft > maxLeft) continue;
      row[cell] = Number(digits.slice(pos, pos + len));
      cuts[piece].push(len);
      if (check(cell)) {
        if (left === 0) visit(piece + 1, 0, cell + 1);
        else visit(piece, pos + len, cell + 1);
      }
      cuts[piece].pop();
      if (found.length >= limit || exhausted) return;
    }
  };
  visit(0, 0, 0);
  return exhausted ? null : found;
}

/** The alignment of run-on pieces cut into cells (an arithmetic split; `guessed` when other cuts fitted the row). */
function runSplit(pieces: RunPiece[], cuts: number[][], guessed: boolean): RowAlignment {
  const cells: AlignedCell[] = [];
  pieces.forEach((piece, i) => {
    if (piece.digits === null) {
      cells.push(newAlignedCell(piece.slot, undefined, piece.slot.start, guessed));
      return;
    }
    const base = piece.slot.start + piece.slot.text.indexOf(piece.digits);
    let at = 0;
    for (const length of cuts[i]) {
      const text = piece.digits.slice(at, at + length);
      cells.push(newAlignedCell(piece.slot, { text, start: base + at, end: base + at + length }, base + at, guessed));
      at += length;
    }
  });
  return newRowAlignment(cells, false, false, 'split');
}
