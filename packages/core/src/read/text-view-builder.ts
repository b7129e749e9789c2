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

/** Growable run arrays: derived start, original start and original end of each run. */
class RunArrays {
  count = 0;
  derivedStart: Int32Array<ArrayBuffer> = new Int32Array(16);
  originalStart: Int32Array<ArrayBuffer> = new Int32Array(16);
  originalEnd: Int32Array<ArrayBuffer> = new Int32Array(16);

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
    if (this.count === this.derivedStart.length) this.grow();
    this.derivedStart[this.count] = derivedStart;
    this.originalStart[this.count] = originalStart;
    this.originalEnd[this.count] = originalEnd;
    this.count++;
  }

  /** Whether run `index`, which ends at derived offset `derivedEnd`, maps one to one. */
  isLinear(index: number, derivedEnd: number): boolean {
    return this.originalEnd[index] - this.originalStart[index] === derivedEnd - this.derivedStart[index];
  }

  freeze(): FrozenRuns {
    return {
      count: this.count,
      derivedStart: this.derivedStart.slice(0, this.count),
      originalStart: this.originalStart.slice(0, this.count),
      originalEnd: this.originalEnd.slice(0, this.count),
    };
  }

  private grow(): void {
    const size = this.derivedStart.length * 2;
    const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.derivedStart = grow(this.derivedStart);
    this.originalStart = grow(this.originalStart);
    this.originalEnd = grow(this.originalEnd);
  }
}

interface FrozenRuns {
  readonly count: number;
  readonly derivedStart: Int32Array;
  readonly originalStart: Int32Array;
  readonly originalEnd: Int32Array;
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
    const r = this.runAt(o);
    const start = runs.derivedStart[r];
    const end = r + 1 < runs.count ? runs.derivedStart[r + 1] : length;
    if (runs.originalEnd[r] - runs.originalStart[r] === end - start) {
      return runs.originalStart[r] + (o - start);
    }
    return runs.originalStart[r];
  }

  /** Base offset of the end of the character before derived `offset`. */
  private toBaseEnd(offset: number): number {
    const length = this.text.length;
    const { runs } = this;
    if (runs.count === 0) return offset >= length ? this.baseEnd : 0;
    if (!(offset > 0)) return runs.originalStart[0];
    const o = offset > length ? length : Math.floor(offset);
    const r = this.runAt(o - 1);
    const start = runs.derivedStart[r];
    const end = r + 1 < runs.count ? runs.derivedStart[r + 1] : length;
    if (runs.originalEnd[r] - runs.originalStart[r] === end - start) {
      return runs.originalStart[r] + (o - start);
    }
    return runs.originalEnd[r];
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
