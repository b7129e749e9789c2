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
 * Which of the text-quality detectors can find something in `text`: the flags of the units it holds that
 * their findings need. One pass over the text, a table look-up per unit, instead of a search of the whole
 * text by each detector's expressions, which almost every report would come through with nothing.
 */
export function suspectUnits(text: string): number {
  if (table === undefined) {
    table = new Uint8Array(0x10000);
    markMojibakeUnits(table, MOJIBAKE_UNIT);
    markPinyinUnits(table, PINYIN_UNIT);
    markArtefactUnits(table, ARTEFACT_UNIT);
  }
  return unitFlags(table, text);
}

/** The flags of `text`'s units, or-ed: a loop that does nothing else, stopping once every flag is seen. */
function unitFlags(flags: Uint8Array, text: string): number {
  let found = 0;
  for (let i = 0; i < text.length; i++) {
    found |= flags[text.charCodeAt(i)];
    if (found === ALL) break;
  }
  return found;
}
