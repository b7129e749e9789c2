import { matchKeyUnits } from '../generated/match-key-units.js';
import { LONG_KEY, NO_KEY, OWN_KEY, unitKeyTable, unitMatchKey } from './match-key-units.js';

/**
 * Match keys: the form in which the parser compares report text with template labels.
 *
 * A match key is {@link labelKey} applied code point by code point, without punctuation and symbols:
 * width, script, whitespace and punctuation variants all vanish ("（一）予以公开", "(一) 予以公开" and
 * "一予以公开" share one key). Because the key is built per code point, every key character remembers the
 * text offset it came from, so a label found in a key maps back to an exact range of the text.
 *
 * The keys of the UTF-16 units come from a table generated when the package is built (see
 * `match-key-units.ts`); those of supplementary characters are worked out when first met.
 */

/** Keys of the UTF-16 units (see `OWN_KEY`), and those longer than one unit. */
const { keys: unitKeys, longKeys } = unitKeyTable(matchKeyUnits);
/** Keys of supplementary characters met so far. */
const pairKeys = new Map<string, string>();

/** The match key of one code point ('' when it carries no meaning for comparison). */
export function charKey(ch: string): string {
  if (ch.length !== 1) {
    let key = pairKeys.get(ch);
    if (key === undefined) {
      key = unitMatchKey(ch);
      if (pairKeys.size < 100_000) pairKeys.set(ch, key);
    }
    return key;
  }
  const k = unitKeys[ch.charCodeAt(0)];
  return k === OWN_KEY ? ch : k === NO_KEY ? '' : k === LONG_KEY ? (longKeys.get(ch) ?? '') : String.fromCharCode(k);
}

/**
 * The first UTF-16 unit of the match key of `text.slice(from, to)`, or -1 when the key is empty: the
 * key's first unit without slicing the text or making a string per character.
 */
export function firstKeyUnitIn(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < to) {
      const key = charKey(text.slice(i, i + 2));
      i++;
      if (key !== '') return key.charCodeAt(0);
      continue;
    }
    const k = unitKeys[code];
    if (k === OWN_KEY) return code;
    if (k === NO_KEY) continue;
    if (k === LONG_KEY) {
      const key = longKeys.get(text[i]) ?? '';
      if (key !== '') return key.charCodeAt(0);
      continue;
    }
    return k;
  }
  return -1;
}

/** Texts at least this long are keyed through a code unit buffer (a whole report, for detection). */
const LONG_TEXT = 256;
let buffer = new Uint16Array(1 << 14);
let utf16: InstanceType<typeof TextDecoder> | undefined;

/** The match key of a string. */
export function matchKey(text: string): string {
  if (text.length >= LONG_TEXT) return longMatchKey(text);
  const parts: string[] = [];
  // Runs of characters that are their own key are copied in one slice.
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const k = unitKeys[code];
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    if (k === OWN_KEY && !pair) continue;
    if (i > run) parts.push(text.slice(run, i));
    if (pair) {
      parts.push(charKey(text.slice(i, i + 2)));
      i++;
    } else if (k > 0) parts.push(String.fromCharCode(k));
    else if (k === LONG_KEY) parts.push(longKeys.get(text[i]) ?? '');
    run = i + 1;
  }
  if (run === 0) return text;
  if (run < text.length) parts.push(text.slice(run));
  return parts.join('');
}

/**
 * {@link matchKey} of a long text: key units written into a buffer and decoded once, which is cheaper
 * than copying the many short runs between punctuation and line breaks.
 */
function longMatchKey(text: string): string {
  // One key unit per text unit, except for the rare longer keys (`putKey` grows the buffer for them).
  if (buffer.length < text.length) buffer = new Uint16Array(text.length * 2);
  const n = writeKeyUnits(text);
  utf16 ??= new TextDecoder('utf-16le');
  return utf16.decode(buffer.subarray(0, n));
}

/**
 * Writes the key units of `text.slice(start, end)` into `buffer`; returns how many. A function of its own, ending at its
 * loop: V8 compiles a long loop while it runs (on-stack replacement) and keeps that code for the next call,
 * so code after the loop that had not run yet (no type feedback) made each later call leave the compiled
 * loop at its end — and run the next call's loop interpreted again, a deoptimisation on every check.
 */
function writeKeyUnits(text: string, start = 0, end = text.length): number {
  const length = end;
  let units = buffer;
  let n = 0;
  for (let i = start; i < length; i++) {
    const code = text.charCodeAt(i);
    const k = unitKeys[code];
    // The most frequent case first: a unit that is its own key (never a surrogate: those have none alone).
    if (k === OWN_KEY) units[n++] = code;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      n = putKey(charKey(text.slice(i, i + 2)), n, length - start);
      units = buffer;
      i++;
    } else if (k > 0) units[n++] = k;
    else if (k === LONG_KEY) {
      n = putKey(longKeys.get(text[i]) ?? '', n, length - start);
      units = buffer;
    }
  }
  return n;
}

/**
 * Which of a fixed set of phrases occur in the match keys of texts: the question template detection asks
 * of a whole report ({@link matchKey}`(text).includes(phrase)` for each phrase), answered in one pass
 * over the key's code units instead of one search of the key string per phrase.
 */
export class KeyPhrases {
  /** The phrases (match keys), as given. */
  readonly phrases: readonly string[];
  /** The code units of each phrase. */
  private readonly units: Uint16Array[];
  /**
   * For each UTF-16 unit, 1 + the index in {@link byLast} of the phrases ending with it; 0 if none. The
   * search stops at the units that end a phrase, not those that start one: phrases of a kind tend to
   * share their beginnings (政府…, 本年…), which recur far more often in a report than their ends.
   */
  private readonly lastUnits = new Uint16Array(0x10000);
  /** Indices of the phrases ending with one unit, for each unit that ends one. */
  private readonly byLast: number[][] = [];
  /**
   * For each UTF-16 unit of a text, the entry of {@link lastUnits} for the unit's key ({@link COMPLEX_UNIT}
   * for a unit whose key is not one unit: a surrogate, a longer key): {@link foundIn} searches the text
   * itself with it, without writing its key. Made when first needed.
   */
  private textUnits: Uint16Array | undefined;
  /** How many phrases are empty (found in every text). */
  private readonly empty: number;
  /** For each phrase, the stamp of the last {@link countIn} call that found it (see there). */
  private readonly seen: Float64Array;
  private stamp = 0;

  /** @param phrases the phrases to look for, as match keys; an empty one is found in every text. */
  constructor(phrases: readonly string[]) {
    this.phrases = [...phrases];
    this.units = this.phrases.map((phrase) => Uint16Array.from({ length: phrase.length }, (_, j) => phrase.charCodeAt(j)));
    this.empty = this.phrases.filter((phrase) => phrase === '').length;
    this.seen = new Float64Array(this.phrases.length);
    this.phrases.forEach((phrase, index) => {
      if (phrase === '') return;
      const last = phrase.charCodeAt(phrase.length - 1);
      if (this.lastUnits[last] === 0) {
        this.byLast.push([]);
        this.lastUnits[last] = this.byLast.length;
      }
      this.byLast[this.lastUnits[last] - 1].push(index);
    });
  }

  /**
   * For each phrase (by index), whether it occurs in the match key of `text`: the same answer as
   * `matchKey(text).includes(phrase)`. Linear in the length of the text (the phrases are fixed).
   */
  foundIn(text: string): boolean[] {
    const found = this.phrases.map((phrase) => phrase === '');
    let missing = found.filter((f) => !f).length;
    if (missing === 0) return found;
    // The text's units are read where they stand: each unit with a key of one unit (nearly all) gives the
    // key that unit, and a unit without a key gives none, so the key units before a place are those of the
    // units before it, skipped where they have none (see `endsBefore`). A text with any other unit is
    // searched in its key (`foundInKey`): the units before a place were all read when it is reached.
    const marks = (this.textUnits ??= this.textUnitTable());
    const length = text.length;
    for (let at = nextMarkedUnit(marks, text, 0); at < length; at = nextMarkedUnit(marks, text, at + 1)) {
      const mark = marks[text.charCodeAt(at)];
      if (mark === COMPLEX_UNIT) return this.foundInKey(text);
      const ending = this.byLast[mark - 1];
      for (let k = 0; k < ending.length; k++) {
        const index = ending[k];
        if (found[index] || !endsBefore(this.units[index], text, at)) continue;
        found[index] = true;
        if (--missing === 0) return found;
      }
    }
    return found;
  }

  /** {@link textUnits}, from {@link lastUnits} and the key of every unit. */
  private textUnitTable(): Uint16Array {
    const marks = new Uint16Array(0x10000);
    for (let unit = 0; unit < 0x10000; unit++) {
      const k = unitKeys[unit];
      if (k === LONG_KEY || (unit >= 0xd800 && unit <= 0xdfff)) marks[unit] = COMPLEX_UNIT;
      else if (k !== NO_KEY) marks[unit] = this.lastUnits[k === OWN_KEY ? unit : k];
    }
    return marks;
  }

  /** {@link foundIn}, searching the text's key written out (for any text). */
  private foundInKey(text: string): boolean[] {
    const found = this.phrases.map((phrase) => phrase === '');
    let missing = found.filter((f) => !f).length;
    if (buffer.length < text.length) buffer = new Uint16Array(text.length * 2);
    const n = writeKeyUnits(text);
    const lastUnits = this.lastUnits;
    for (let at = nextMarked(lastUnits, n, 0); at < n; at = nextMarked(lastUnits, n, at + 1)) {
      // An index loop: for…of allocates a result per element in V8's mid tier, which the CLI runs.
      const ending = this.byLast[lastUnits[buffer[at]] - 1];
      for (let k = 0; k < ending.length; k++) {
        const index = ending[k];
        if (found[index] || !endsAt(this.units[index], at)) continue;
        found[index] = true;
        if (--missing === 0) return found;
      }
    }
    return found;
  }

  /**
   * How many of the phrases (by index: a phrase given twice counts twice) occur in the match key of
   * `text.slice(start, end)`, counted up to `enough`: the answer is `min(enough, count)`, found without
   * slicing the text or building its key, and the search stops once `enough` phrases are found.
   */
  countIn(text: string, start: number, end: number, enough: number): number {
    let count = this.empty;
    if (count >= enough) return enough;
    // The phrases found in this call are those marked with its stamp: no array of flags per call.
    const seen = this.seen;
    const stamp = ++this.stamp;
    if (buffer.length < end - start) buffer = new Uint16Array((end - start) * 2);
    const n = writeKeyUnits(text, start, end);
    const lastUnits = this.lastUnits;
    for (let at = nextMarked(lastUnits, n, 0); at < n; at = nextMarked(lastUnits, n, at + 1)) {
      const ending = this.byLast[lastUnits[buffer[at]] - 1];
      for (let k = 0; k < ending.length; k++) {
        const index = ending[k];
        if (seen[index] === stamp || !endsAt(this.units[index], at)) continue;
        seen[index] = stamp;
        if (++count >= enough) return enough;
      }
    }
    return count;
  }
}

/**
 * The first offset from `from` of {@link buffer}`[0, n)` holding a unit marked in `marks`, or `n`. A
 * function of its own that ends at its loop (see {@link writeKeyUnits}).
 */
function nextMarked(marks: Uint16Array, n: number, from: number): number {
  const units = buffer;
  let at = from;
  while (at < n && marks[units[at]] === 0) at++;
  return at;
}

/** Mark of {@link KeyPhrases} `textUnits` for a unit whose key is not one unit of its own (above any index). */
const COMPLEX_UNIT = 0xffff;

/**
 * The first offset from `from` of `text` holding a unit marked in `marks`, or the text's length. A
 * function of its own that ends at its loop (see {@link writeKeyUnits}).
 */
function nextMarkedUnit(marks: Uint16Array, text: string, from: number): number {
  const length = text.length;
  let at = from;
  while (at < length && marks[text.charCodeAt(at)] === 0) at++;
  return at;
}

/**
 * Whether the key of `text` up to `at` (a unit whose key is the phrase's last unit) ends with `phrase`,
 * when every unit before `at` has a key of one unit or none: the key units before `at` are those of the
 * units before it that have one.
 */
function endsBefore(phrase: Uint16Array, text: string, at: number): boolean {
  let i = at - 1;
  for (let j = phrase.length - 2; j >= 0; j--) {
    let k = NO_KEY;
    while (i >= 0) {
      const code = text.charCodeAt(i);
      k = unitKeys[code];
      if (k !== NO_KEY) {
        if (k === OWN_KEY) k = code;
        break;
      }
      i--;
    }
    if (i < 0 || k !== phrase[j]) return false;
    i--;
  }
  return true;
}

/** Whether {@link buffer} holds `phrase` ending at `at` (whose last unit is there). */
function endsAt(phrase: Uint16Array, at: number): boolean {
  const start = at + 1 - phrase.length;
  if (start < 0) return false;
  for (let j = phrase.length - 2; j >= 0; j--) if (buffer[start + j] !== phrase[j]) return false;
  return true;
}

/** Writes `key` into `buffer` at `n` (growing it by at least `reserve`); returns the new end. */
function putKey(key: string, n: number, reserve: number): number {
  if (n + key.length > buffer.length) buffer = grow(buffer, n, n + key.length + reserve);
  for (let j = 0; j < key.length; j++) buffer[n++] = key.charCodeAt(j);
  return n;
}

function grow(units: Uint16Array<ArrayBuffer>, used: number, size: number): Uint16Array<ArrayBuffer> {
  const bigger = new Uint16Array(Math.max(size, units.length * 2));
  bigger.set(units.subarray(0, used));
  return bigger;
}

/**
 * A key with, for each key character, the text offset where the code point it came from starts. Where it
 * ends is not stored (see {@link keyCharEnd}): one number per key character, not two.
 */
export interface KeyedText {
  key: string;
  /** Text offset where key character i starts. */
  starts: number[];
}

/**
 * Text offset where key character `k` of `keyed` (the key of ranges of `text`) ends: after the code point
 * at its start, one unit or a surrogate pair. A high surrogate at a key character's start is always the
 * first of a pair keyed as one: a lone surrogate has no key (it is a control, dropped by `unitMatchKey`).
 */
export function keyCharEnd(text: string, keyed: KeyedText, k: number): number {
  const start = keyed.starts[k];
  const code = text.charCodeAt(start);
  return code >= 0xd800 && code <= 0xdbff ? start + 2 : start + 1;
}

/**
 * A keyed text written piece by piece ({@link add}), into storage reused from one keyed text to the next:
 * the key's units and their starts are written by index, and the key string and its `starts` array are
 * made once, at their exact length, by {@link done}. No string per piece, no cons string per append, no
 * `starts` array grown one key character at a time (the cell stream keys every text item of a report).
 */
export class KeyWriter {
  /** The key units written (its first {@link length}). */
  private units: Uint16Array<ArrayBuffer> = new Uint16Array(1 << 12);
  /** For each key unit written, the text offset where its code point starts (its first {@link length}). */
  private readonly starts: number[] = [];
  /** How many key characters are written. */
  length = 0;

  /**
   * Appends the key of `text.slice(start, end)`: the same key and starts as keying that range alone (a
   * surrogate pair cut by `end` is keyed unit by unit).
   */
  add(text: string, start: number, end: number): void {
    // One key unit per text unit, except for the rare longer keys (`put` grows the storage for them).
    if (this.length + (end - start) > this.units.length) this.units = grow(this.units, this.length, this.length + (end - start));
    let units = this.units;
    const starts = this.starts;
    let n = this.length;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      const k = unitKeys[code];
      // The most frequent case first: a unit that is its own key (never a surrogate: those have none alone).
      if (k === OWN_KEY) {
        units[n] = code;
        starts[n++] = i;
      } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
        n = this.put(charKey(text.slice(i, i + 2)), n, i, end - i);
        units = this.units;
        i++;
      } else if (k > 0) {
        units[n] = k;
        starts[n++] = i;
      } else if (k === LONG_KEY) {
        n = this.put(longKeys.get(text[i]) ?? '', n, i, end - i);
        units = this.units;
      }
    }
    this.length = n;
  }

  /** The keyed text written since the last call (or since the writer was made); the writer is then empty. */
  done(): KeyedText {
    const n = this.length;
    this.length = 0;
    return { key: unitsText(this.units, n), starts: this.starts.slice(0, n) };
  }

  /** Empties the writer (what was written is dropped). */
  clear(): void {
    this.length = 0;
  }

  /** Writes `key`, each unit starting at text offset `at`, from key unit `n` (growing the storage by at least `reserve`); returns the new end. */
  private put(key: string, n: number, at: number, reserve: number): number {
    if (n + key.length > this.units.length) this.units = grow(this.units, n, n + key.length + reserve);
    for (let j = 0; j < key.length; j++) {
      this.units[n] = key.charCodeAt(j);
      this.starts[n++] = at;
    }
    return n;
  }
}

/**
 * The string of `units[0, n)`: decoded at once when long (as {@link longMatchKey}), from the units as
 * arguments when short. A key holds no lone surrogate (a lone one has no key), so decoding changes none.
 */
function unitsText(units: Uint16Array, n: number): string {
  if (n === 0) return '';
  if (n < LONG_TEXT) return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
  utf16 ??= new TextDecoder('utf-16le');
  return utf16.decode(units.subarray(0, n));
}

/** The writer of {@link keyText}. */
const textKey = new KeyWriter();

/** The keyed form of `text.slice(start, end)`. */
export function keyText(text: string, start = 0, end = text.length): KeyedText {
  textKey.clear();
  textKey.add(text, start, end);
  return textKey.done();
}
