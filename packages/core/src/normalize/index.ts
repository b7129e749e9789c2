export { foldCharacters, foldCharacterString } from './character-fold.js';
export * from './pinyin-readings.js';
export * from './script-conversion.js';
export * from './normalize-view.js';
export * from './label-key.js';
export * from './mojibake.js';
export * from './converter-artefacts.js';
