import { ConverterBuilder, type DictGroup, type DictLike } from 'opencc-js/core';
import * as tw2cnPreset from 'opencc-js/preset/t2cn';

/** The dictionaries of one OpenCC conversion, by step (see {@link TW2S}). */
export interface ConversionConfig {
  /** Groups applied one after the other to the whole text before it is cut into segments. */
  normalizationChain: DictGroup[];
  /** The dictionaries whose longest matches cut the text into segments, each converted on its own. */
  segmentation: DictGroup;
  /** Groups applied one after the other to each segment. */
  conversionChain: DictGroup[];
}

/** OpenCC's `tw2s`: what its preset `Converter({ from: 'tw', to: 'cn' })` runs. */
export const TW2S = tw2cnPreset.configs.tw2s as unknown as ConversionConfig;

/** Every dictionary of {@link TW2S}, in no particular order. */
export function tw2cnDictionaries(): DictLike[] {
  return [...TW2S.normalizationChain.flat(), ...TW2S.segmentation, ...TW2S.conversionChain.flat()];
}

/**
 * OpenCC's `tw` → `cn` converter (Taiwan/standard Traditional variants, phrases, then characters), built
 * by OpenCC from {@link TW2S}: with every entry, or, given `characters`, with only the entries a text made
 * of them can match. Such a converter converts every text made of `characters` exactly as the full one
 * does: OpenCC replaces the longest key found at each place, step by step, and a key holding a character
 * that is neither in the text nor written by an earlier step is found nowhere; the others are all there,
 * in their order (of two equal keys, the same one wins).
 */
export function buildTw2cnConverter(characters?: ReadonlySet<number>): (text: string) => string {
  const config = characters === undefined ? TW2S : entriesReachableFrom(characters);
  return ConverterBuilder({ from: tw2cnPreset.from, to: tw2cnPreset.to, configs: { tw2s: config } })({ from: 'tw', to: 'cn' });
}

/**
 * {@link TW2S} with only the entries a text made of `characters` can match: step by step (normalisation,
 * then each group of the conversion chain), an entry is kept when every character of its key is in the
 * text or written by an entry kept at an earlier step. The segmentation reads the text after
 * normalisation. Dictionaries left empty are dropped (OpenCC refuses an empty serialized one).
 */
function entriesReachableFrom(characters: ReadonlySet<number>): ConversionConfig {
  const reachable = new Set(characters);
  const step = (group: DictGroup): DictGroup => group.map((dictionary) => keptEntries(dictionary, reachable)).filter((dictionary) => dictionary.length > 0);
  const normalizationChain = TW2S.normalizationChain.map(step);
  for (const group of normalizationChain) addWrittenCharacters(group, reachable);
  const segmentation = step(TW2S.segmentation);
  const conversionChain: DictGroup[] = [];
  for (const group of TW2S.conversionChain) {
    const kept = step(group);
    conversionChain.push(kept);
    addWrittenCharacters(kept, reachable);
  }
  return { normalizationChain, segmentation, conversionChain };
}

/** The entries of `dictionary` whose key is made of `characters` only, in their order and form. */
function keptEntries(dictionary: DictLike, characters: ReadonlySet<number>): DictLike {
  if (typeof dictionary !== 'string') return dictionary.filter(([from]) => within(from, 0, from.length, characters));
  const kept: string[] = [];
  let at = 0;
  while (at < dictionary.length) {
    let end = dictionary.indexOf('|', at);
    if (end < 0) end = dictionary.length;
    const space = dictionary.indexOf(' ', at);
    if (within(dictionary, at, space >= 0 && space < end ? space : end, characters)) kept.push(dictionary.slice(at, end));
    at = end + 1;
  }
  return kept.join('|');
}

/** Adds to `characters` every character of the replacements in `group` (all but the keys). */
function addWrittenCharacters(group: DictGroup, characters: Set<number>): void {
  const add = (text: string, from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const code = text.codePointAt(i)!;
      if (code > 0xffff) i++;
      characters.add(code);
    }
  };
  for (const dictionary of group) {
    if (typeof dictionary !== 'string') {
      for (const [, to] of dictionary) add(to, 0, to.length);
      continue;
    }
    let at = 0;
    while (at < dictionary.length) {
      let end = dictionary.indexOf('|', at);
      if (end < 0) end = dictionary.length;
      const space = dictionary.indexOf(' ', at);
      if (space >= 0 && space < end) add(dictionary, space + 1, end);
      at = end + 1;
    }
  }
}

/** Whether every code point of `text[from, to)` is in `characters`. */
function within(text: string, from: number, to: number, characters: ReadonlySet<number>): boolean {
  for (let i = from; i < to; i++) {
    const code = text.codePointAt(i)!;
    if (!characters.has(code)) return false;
    if (code > 0xffff) i++;
  }
  return true;
}

