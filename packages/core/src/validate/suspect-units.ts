import { markArtefactUnits, markMojibakeUnits, markPinyinUnits } from '../normalize/index.js';

/** A unit some mojibake evidence holds (see `markMojibakeUnits`). */
export const MOJIBAKE_UNIT = 1;
/** A tone-marked vowel, which every injected Pinyin reading holds (see `markPinyinUnits`). */
export const PINYIN_UNIT = 2;
/** The first unit of a literal every converter artefact holds one of (see `markArtefactUnits`). */
export const ARTEFACT_UNIT = 4;

const ALL = MOJIBAKE_UNIT | PINYIN_UNIT | ARTEFACT_UNIT;

let table: Uint8Array | undefined;

/**
 * The last text whose units were counted whole, with how many of them hold each combination of flags (by
 * the combination): a text that differs from it in one stretch (a fix re-checked, an edit in an editor)
 * is counted in that stretch only.
 */
let base: { text: string; counts: Int32Array } | undefined;

/**
 * Which of the text-quality detectors can find something in `text`: the flags of the units it holds that
 * their findings need. One pass over the text, a table look-up per unit, instead of a search of the whole
 * text by each detector's expressions, which almost every report would come through with nothing. A text
 * that differs from the last one counted in one short stretch (the rest the same before and after it) is
 * looked at in that stretch only: the counts of the units there, before and after, give its flags exactly.
 */
export function suspectUnits(text: string): number {
  if (table === undefined) {
    table = new Uint8Array(0x10000);
    markMojibakeUnits(table, MOJIBAKE_UNIT);
    markPinyinUnits(table, PINYIN_UNIT);
    markArtefactUnits(table, ARTEFACT_UNIT);
  }
  if (base !== undefined) {
    const flags = editedFlags(table, base, text);
    if (flags >= 0) return flags;
  }
  const counts = new Int32Array(ALL + 1);
  countUnits(table, text, 0, text.length, counts, 1);
  base = { text, counts };
  return flagsOf(counts);
}

/**
 * The flags of `text` from the counts of `known` when the two differ in a stretch of at most a quarter of
 * the known text's length (the same units before it and after it); −1 otherwise.
 */
function editedFlags(flags: Uint8Array, known: { text: string; counts: Int32Array }, text: string): number {
  const before = known.text;
  const shortest = Math.min(before.length, text.length);
  // The units both begin with, then those both end with (compared by the engine's string comparison).
  const head = commonLength(shortest, (known, end) => before.startsWith(text.slice(known, end), known));
  const tail = commonLength(shortest - head, (known, end) => before.endsWith(text.slice(text.length - end, text.length - known), before.length - known));
  const bound = before.length >> 2;
  if (before.length - head - tail > bound || text.length - head - tail > bound) return -1;
  const counts = known.counts.slice();
  countUnits(flags, before, head, before.length - tail, counts, -1);
  countUnits(flags, text, head, text.length - tail, counts, 1);
  return flagsOf(counts);
}

/** The flags whose combinations `counts` holds units of. */
function flagsOf(counts: Int32Array): number {
  let found = 0;
  for (let combination = 1; combination <= ALL; combination++) if (counts[combination] > 0) found |= combination;
  return found;
}

/** Adds `sign` to the count of each flagged unit's combination of flags, over `text` from `start` to `end`: a loop that does nothing else. */
function countUnits(flags: Uint8Array, text: string, start: number, end: number, counts: Int32Array, sign: number): void {
  for (let i = start; i < end; i++) {
    const combination = flags[text.charCodeAt(i)];
    if (combination !== 0) counts[combination] += sign;
  }
}

/**
 * How many units two texts have alike (at most `limit`), where `agree(known, end)` says whether they agree
 * on the units from `known` to `end` as well: asked of stretches that double while they agree, then halve,
 * so that the cost follows the length found, not the texts'.
 */
function commonLength(limit: number, agree: (known: number, end: number) => boolean): number {
  let known = 0;
  let step = 16;
  while (step > 0) {
    const end = Math.min(limit, known + step);
    if (end > known && agree(known, end)) {
      known = end;
      if (known === limit) return known;
      step *= 2;
    } else {
      step >>= 1;
    }
  }
  return known;
}
