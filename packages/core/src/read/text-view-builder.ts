import { identityView, isIdentityView } from './identity-view.js';
import type { TextView } from './text-view.js';

/**
 * Builds a {@link TextView} over a base text (or base view) from left to right: copied runs, replaced
 * runs, deletions and insertions. The offset map is stored as compact run arrays (one entry per maximal
 * run whose offsets advance in lockstep with the base), so a 10 MB text with few length changes costs a
 * few kilobytes of map. A view built over a view maps through it: `toOriginal` always reaches the
 * original document.
 *
 * All operations advance a cursor over the base text; the cursor never moves backwards.
 */
export class TextViewBuilder {
  private readonly baseText: string;
  private readonly baseView: TextView | undefined;
  private readonly unchanged: TextView | undefined;
  private readonly chunks: string[] = [];
  private length = 0;
  private cursor = 0;
  private runs = new RunArrays();

  /** @param base the text (or view, to compose) the new view is derived from. */
  constructor(base: string | TextView) {
    if (typeof base === 'string') {
      this.baseText = base;
      this.baseView = undefined;
      this.unchanged = undefined;
    } else {
      this.unchanged = base;
      this.baseText = base.text;
      this.baseView = isIdentityView(base) ? undefined : base;
    }
  }

  /** The current position in the base text. */
  get position(): number {
    return this.cursor;
  }

  /** The length of the derived text so far. */
  get outputLength(): number {
    return this.length;
  }

  /** Copies the base text from the cursor up to `end`. */
  keep(end: number): void {
    const stop = this.checkEnd(end);
    if (stop === this.cursor) return;
    this.push(this.baseText.slice(this.cursor, stop), this.cursor, stop);
    this.cursor = stop;
  }

  /**
   * Replaces the base text from the cursor up to `end` by `text`. A replacement of the same length maps
   * character by character (e.g. a width fold); otherwise every offset inside it maps to its start.
   */
  replace(end: number, text: string): void {
    const stop = this.checkEnd(end);
    if (text.length > 0) {
      this.push(text, this.cursor, stop);
    }
    this.cursor = stop;
  }

  /** Deletes the base text from the cursor up to `end`. */
  skip(end: number): void {
    this.replace(end, '');
  }

  /** Inserts `text` at the cursor (it maps to the cursor). */
  insert(text: string): void {
    this.replace(this.cursor, text);
  }

  /** Copies the rest of the base text and returns the view. */
  finish(): TextView {
    this.keep(this.baseText.length);
    return this.build();
  }

  /** Returns the view without copying the rest of the base text (the rest counts as deleted). */
  build(): TextView {
    const text = this.chunks.length === 1 ? this.chunks[0] : this.chunks.join('');
    const runs = this.runs;
    const baseEnd = this.cursor;
    if (
      runs.count === 1 &&
      runs.originalStart[0] === 0 &&
      baseEnd === this.baseText.length &&
      text.length === baseEnd &&
      runs.isLinear(0, text.length)
    ) {
      // Nothing changed in length anywhere: the view is positionally the identity over its base.
      if (text === this.baseText) return this.unchanged ?? identityView(text);
    }
    if (runs.count === 0 && text.length === 0 && baseEnd === 0 && this.baseText.length === 0) {
      return this.unchanged ?? identityView(text);
    }
    return new SegmentTextView(text, runs.freeze(), baseEnd, this.baseView);
  }

  private checkEnd(end: number): number {
    if (!Number.isInteger(end) || end < this.cursor || end > this.baseText.length) {
      throw new RangeError(`TextViewBuilder: end ${end} outside [${this.cursor}, ${this.baseText.length}]`);
    }
    return end;
  }

  private push(text: string, originalStart: number, originalEnd: number): void {
    this.runs.append(this.length, text.length, originalStart, originalEnd);
    this.chunks.push(text);
    this.length += text.length;
  }
}

/**
 * Growable run arrays: derived start, original start and original end of each run. Plain arrays of small
 * integers, which grow in place at the cost of a push: typed arrays, grown by doubling, cost a buffer
 * allocation each time (a page's rendition has hundreds of runs, each normalisation step a builder).
 */
class RunArrays {
  count = 0;
  derivedStart: number[] = [];
  originalStart: number[] = [];
  originalEnd: number[] = [];

  append(derivedStart: number, derivedLength: number, originalStart: number, originalEnd: number): void {
    const last = this.count - 1;
    const linear = originalEnd - originalStart === derivedLength;
    if (
      linear &&
      last >= 0 &&
      this.originalEnd[last] === originalStart &&
      this.isLinear(last, derivedStart)
    ) {
      this.originalEnd[last] = originalEnd;
      return;
    }
    this.derivedStart.push(derivedStart);
    this.originalStart.push(originalStart);
    this.originalEnd.push(originalEnd);
    this.count++;
  }

  /** Whether run `index`, which ends at derived offset `derivedEnd`, maps one to one. */
  isLinear(index: number, derivedEnd: number): boolean {
    return this.originalEnd[index] - this.originalStart[index] === derivedEnd - this.derivedStart[index];
  }

  freeze(): FrozenRuns {
    return {
      count: this.count,
      derivedStart: this.derivedStart.slice(),
      originalStart: this.originalStart.slice(),
      originalEnd: this.originalEnd.slice(),
    };
  }
}

interface FrozenRuns {
  readonly count: number;
  readonly derivedStart: readonly number[];
  readonly originalStart: readonly number[];
  readonly originalEnd: readonly number[];
}

/**
 * Whether `view` maps every offset to itself (`toOriginal` and `toOriginalEnd` are the identity): an
 * identity view, or a view built by replacements of the same length only (a width fold, a character
 * conversion) over such a view. Views of other kinds: false.
 */
export function mapsOneToOne(view: TextView): boolean {
  if (isIdentityView(view)) return true;
  return view instanceof SegmentTextView && view.mapsOneToOne();
}

/**
 * The offsets of a view mapped in increasing order, as `toOriginal` and `toOriginalEnd` map them: for a
 * loop over every offset of a view (see {@link offsetWalk}).
 */
export interface OffsetWalk {
  /** `toOriginal(offset)`: cheapest when `offset` is never less than at the call before. */
  start(offset: number): number;
  /** `toOriginalEnd(offset)` (`toOriginal` for a view without it): cheapest when `offset` is never less than at the call before. */
  end(offset: number): number;
  /**
   * How many offsets after `offset` (an integer) map on one to one from it: for each `u` in
   * (offset, offset + span], both `start(u)` and `end(u)` are `start(offset) + (u - offset)`. A lower
   * bound (0 when not known); cheapest right after `start(offset)`.
   */
  span(offset: number): number;
}

/**
 * An {@link OffsetWalk} of `view`. A view made by a {@link TextViewBuilder} is walked run by run, each
 * offset in constant time on the whole instead of a search of its runs per offset, and so is the view it
 * was built over (its map is monotonic: the offsets it asks of that view come in order too); another view
 * is asked offset by offset.
 */
export function offsetWalk(view: TextView): OffsetWalk {
  if (view instanceof SegmentTextView) return view.walk();
  const length = view.text.length;
  const identity = isIdentityView(view);
  return {
    start: (offset) => view.toOriginal(offset),
    end: (offset) => (view.toOriginalEnd ? view.toOriginalEnd(offset) : view.toOriginal(offset)),
    // An identity view maps every offset of its text to itself.
    span: (offset) => (identity && Number.isInteger(offset) && offset >= 0 && offset < length ? length - offset : 0),
  };
}

/**
 * The first offset of `view` (from 0 to its text's length) that `toOriginal` maps at or after original
 * offset `target`, its text's length when none does: for a view made by {@link TextViewBuilder}s (over a
 * text, or through views they made), whose map is monotonic, found from its runs (a search of the runs of
 * each view of the chain) rather than by asking `toOriginal` of offsets; undefined for another view.
 */
export function firstOffsetMappingFrom(view: TextView, target: number): number | undefined {
  return view instanceof SegmentTextView ? view.firstMappingFrom(target) : undefined;
}

/** A rewriting of part of a text by text of the same length: `text` in place of [`start`, `end`). */
export interface SameLengthEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * `view`, made by {@link TextViewBuilder}s over `original` (directly or through views built over it), with
 * `edits` of `original` (sorted, not overlapping, each as long as its range) made in its text and in the
 * text of every view it was built over, every map unchanged; null unless each edit lies in text every view
 * of the chain copies (in a run of each that maps one to one, where its text is its base's). It is the
 * view the same builds would make of the edited original when they would make the same runs of it: that is
 * for the caller to know (see `normalizeRenditionDigitEdits`).
 */
export function rewriteCopiedText(view: TextView, original: string, edits: readonly SameLengthEdit[]): TextView | null {
  return view instanceof SegmentTextView ? (view.rewriteCopied(original, edits)?.view ?? null) : null;
}

/** A view stored as runs; see {@link TextViewBuilder}. */
class SegmentTextView implements TextView {
  constructor(
    readonly text: string,
    private readonly runs: FrozenRuns,
    /** Base offset that the end of `text` maps to. */
    private readonly baseEnd: number,
    private readonly base: TextView | undefined,
  ) {}

  /** See {@link mapsOneToOne}: one run, from 0, of the text's length, over a base that maps one to one. */
  mapsOneToOne(): boolean {
    const { runs } = this;
    const length = this.text.length;
    if (this.baseEnd !== length) return false;
    if (runs.count === 0 ? length !== 0 : runs.count !== 1 || runs.derivedStart[0] !== 0 || runs.originalStart[0] !== 0 || runs.originalEnd[0] !== length) return false;
    return this.base === undefined || mapsOneToOne(this.base);
  }

  /** See {@link firstOffsetMappingFrom}. */
  firstMappingFrom(target: number): number | undefined {
    let local = target;
    if (this.base) {
      // The map is the base's after this view's own, both monotonic: the offsets mapping at or after
      // `target` are those this view maps at or after the first base offset that does (if any does).
      if (!(this.base instanceof SegmentTextView)) return undefined;
      const inBase = this.base.firstMappingFrom(target);
      if (inBase === undefined) return undefined;
      if (this.base.toOriginal(inBase) < target) return this.text.length;
      local = inBase;
    }
    return this.firstLocalFrom(local);
  }

  /** The first offset `toBase` maps at or after base offset `target`; the text's length when none does. */
  private firstLocalFrom(target: number): number {
    const { runs } = this;
    const length = this.text.length;
    if (runs.count === 0) return length > 0 && target <= 0 ? 0 : length;
    // The first run whose last offset maps at or after `target` (what a run's offsets map to grows with them).
    let lo = 0;
    let hi = runs.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lastInRun(mid) >= target) hi = mid;
      else lo = mid + 1;
    }
    if (lo === runs.count) return length;
    const start = runs.derivedStart[lo];
    const end = lo + 1 < runs.count ? runs.derivedStart[lo + 1] : length;
    if (runs.originalEnd[lo] - runs.originalStart[lo] !== end - start) return start;
    return start + Math.max(0, target - runs.originalStart[lo]);
  }

  /** What `toBase` maps the last offset of run `r` to. */
  private lastInRun(r: number): number {
    const { runs } = this;
    const start = runs.derivedStart[r];
    const end = r + 1 < runs.count ? runs.derivedStart[r + 1] : this.text.length;
    const linear = runs.originalEnd[r] - runs.originalStart[r] === end - start;
    return linear ? runs.originalStart[r] + (end - 1 - start) : runs.originalStart[r];
  }

  /**
   * See {@link rewriteCopiedText}: the view rewritten, with the edits as they fall in its text (in the
   * same order); null when an edit does not lie in text the view and the views below it copy.
   */
  rewriteCopied(original: string, edits: readonly SameLengthEdit[]): { view: SegmentTextView; edits: SameLengthEdit[] } | null {
    let base: TextView | undefined;
    let local = edits;
    if (this.base) {
      const below = this.base instanceof SegmentTextView ? this.base.rewriteCopied(original, edits) : null;
      if (!below) return null;
      base = below.view;
      local = below.edits;
    }
    const baseText = this.base ? this.base.text : original;
    const { runs, text } = this;
    const derived: SameLengthEdit[] = [];
    for (const edit of local) {
      const length = edit.end - edit.start;
      if (length <= 0 || edit.text.length !== length) return null;
      const r = lastRunFrom(runs, edit.start);
      if (r < 0 || edit.end > runs.originalEnd[r]) return null;
      const start = runs.derivedStart[r];
      const end = r + 1 < runs.count ? runs.derivedStart[r + 1] : text.length;
      if (runs.originalEnd[r] - runs.originalStart[r] !== end - start) return null;
      const at = start + (edit.start - runs.originalStart[r]);
      if (text.slice(at, at + length) !== baseText.slice(edit.start, edit.end)) return null;
      derived.push({ start: at, end: at + length, text: edit.text });
    }
    let rewritten = '';
    let from = 0;
    for (const edit of derived) {
      if (edit.start < from) return null;
      rewritten += text.slice(from, edit.start) + edit.text;
      from = edit.end;
    }
    rewritten += text.slice(from);
    return { view: new SegmentTextView(rewritten, runs, this.baseEnd, base), edits: derived };
  }

  /** An {@link OffsetWalk} of the view (see {@link offsetWalk}). */
  walk(): OffsetWalk {
    return new RunWalk(this.text.length, this.runs, this.baseEnd, this.base && offsetWalk(this.base));
  }

  toOriginal(offset: number): number {
    const local = this.toBase(offset);
    return this.base ? this.base.toOriginal(local) : local;
  }

  toOriginalEnd(offset: number): number {
    const local = this.toBaseEnd(offset);
    if (!this.base) return local;
    return this.base.toOriginalEnd ? this.base.toOriginalEnd(local) : this.base.toOriginal(local);
  }

  /** Offset in the base text of derived `offset`. */
  private toBase(offset: number): number {
    const length = this.text.length;
    const { runs } = this;
    if (runs.count === 0) return offset >= length ? this.baseEnd : 0;
    if (!(offset > 0)) return runs.originalStart[0];
    if (offset >= length) return this.baseEnd;
    const o = Math.floor(offset);
    return offsetInRun(runs, length, this.runAt(o), o, false);
  }

  /** Base offset of the end of the character before derived `offset`. */
  private toBaseEnd(offset: number): number {
    const length = this.text.length;
    const { runs } = this;
    if (runs.count === 0) return offset >= length ? this.baseEnd : 0;
    if (!(offset > 0)) return runs.originalStart[0];
    const o = offset > length ? length : Math.floor(offset);
    return offsetInRun(runs, length, this.runAt(o - 1), o, true);
  }

  /** Index of the last run starting at or before derived offset `o`. */
  private runAt(o: number): number {
    const starts = this.runs.derivedStart;
    let lo = 0;
    let hi = this.runs.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/**
 * The {@link OffsetWalk} of a {@link SegmentTextView}: its `toBase` and `toBaseEnd`, with the run of each
 * offset found by moving on from the run of the offset before, not by a search, then mapped through the
 * walk of its base view (if any) as `toOriginal` and `toOriginalEnd` map them.
 */
class RunWalk implements OffsetWalk {
  /** The run of the last offset `start` looked up (the last run starting at or before it). */
  private startRun = 0;
  /** The run of the unit before the last offset `end` looked up. */
  private endRun = 0;

  constructor(
    private readonly length: number,
    private readonly runs: FrozenRuns,
    private readonly baseEnd: number,
    private readonly base: OffsetWalk | undefined,
  ) {}

  start(offset: number): number {
    const local = this.startInBase(offset);
    return this.base ? this.base.start(local) : local;
  }

  end(offset: number): number {
    const local = this.endInBase(offset);
    return this.base ? this.base.end(local) : local;
  }

  span(offset: number): number {
    const { length, runs } = this;
    if (runs.count === 0 || !Number.isInteger(offset) || offset < 0 || offset >= length) return 0;
    const r = (this.startRun = runFrom(runs, this.startRun, offset));
    const start = runs.derivedStart[r];
    const end = r + 1 < runs.count ? runs.derivedStart[r + 1] : length;
    // In a run that maps one to one, the offsets after `offset` up to the run's last unit map on from it (the
    // end of a unit is the start of the next); the run's end is where the next run (or the view's end) starts.
    if (runs.originalEnd[r] - runs.originalStart[r] !== end - start) return 0;
    const span = end - 1 - offset;
    if (span <= 0 || this.base === undefined) return Math.max(0, span);
    return Math.min(span, this.base.span(runs.originalStart[r] + (offset - start)));
  }

  private startInBase(offset: number): number {
    const { length, runs } = this;
    if (runs.count === 0) return offset >= length ? this.baseEnd : 0;
    if (!(offset > 0)) return runs.originalStart[0];
    if (offset >= length) return this.baseEnd;
    const o = Math.floor(offset);
    this.startRun = runFrom(runs, this.startRun, o);
    return offsetInRun(runs, length, this.startRun, o, false);
  }

  private endInBase(offset: number): number {
    const { length, runs } = this;
    if (runs.count === 0) return offset >= length ? this.baseEnd : 0;
    if (!(offset > 0)) return runs.originalStart[0];
    const o = offset > length ? length : Math.floor(offset);
    this.endRun = runFrom(runs, this.endRun, o - 1);
    return offsetInRun(runs, length, this.endRun, o, true);
  }
}

/**
 * The base offset of derived offset `o` in run `r` of a view `length` units long: `o`'s own place in a run
 * that maps one to one; in a run that does not, the run's original start, or its original end for the end
 * of the character before `o` (`atEnd`). Shared by the views' look-ups and their walks.
 */
function offsetInRun(runs: FrozenRuns, length: number, r: number, o: number, atEnd: boolean): number {
  const start = runs.derivedStart[r];
  const end = r + 1 < runs.count ? runs.derivedStart[r + 1] : length;
  if (runs.originalEnd[r] - runs.originalStart[r] === end - start) return runs.originalStart[r] + (o - start);
  return atEnd ? runs.originalEnd[r] : runs.originalStart[r];
}

/**
 * The last run starting at or before derived offset `o` (the first run when none does, as `runAt` answers),
 * looked for from run `r` on, the run of the offset asked before (from the first run when `o` is before it).
 */
function runFrom(runs: FrozenRuns, r: number, o: number): number {
  if (runs.derivedStart[r] > o) r = 0;
  while (r + 1 < runs.count && runs.derivedStart[r + 1] <= o) r++;
  return r;
}

/** The last run whose original start is at or before base offset `o`; -1 when none is. */
function lastRunFrom(runs: FrozenRuns, o: number): number {
  const starts = runs.originalStart;
  let lo = 0;
  let hi = runs.count - 1;
  if (hi < 0 || starts[0] > o) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= o) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
