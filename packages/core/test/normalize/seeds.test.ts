import { describe, expect, it } from 'vitest';
import { findConverterArtefacts, findMojibake, findPinyinReadings, labelKey, normalizeText } from '../../src/normalize/index.js';
import { rangeToOriginal } from '../../src/read/index.js';
import { SEEDS, seedText } from '../read/fixtures.js';

const [seed000, seed001, seed002, seed003, seed004] = SEEDS.map(seedText);

describe('normalisation on the seed reports', () => {
  it('finds the 76 injected Pinyin readings of seed 001 and none elsewhere', () => {
    const readings = findPinyinReadings(seed001);
    expect(readings).toHaveLength(76);
    for (const r of readings) expect(seed001.slice(r.start, r.end)).toMatch(/^\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)$/);
    expect(seed001.slice(readings[0].start - 1, readings[0].end + 1)).toBe('規(guī)定');
    for (const other of [seed000, seed002, seed003, seed004]) expect(findPinyinReadings(other)).toEqual([]);
  });

  it('normalises seed 001 to Simplified text without readings, mapping labels back exactly', () => {
    const view = normalizeText(seed001);
    expect(view.text).not.toMatch(/\((?:guī|fā)\)/);
    expect(view.text).toContain('本年制发件数');
    expect(view.text).toContain('行政规范性文件');
    const at = view.text.indexOf('本年制发件数');
    const range = rangeToOriginal(view, { start: at, end: at + 6 });
    expect(seed001.slice(range.start, range.end)).toBe('本年制發(fā)件數');
    const label = '(二)部分公开(区分处理的,只计这一情形,不计其他情形)';
    expect(view.text).toContain(label);
  });

  it('gives the same label key to the seeds’ spellings of one label', () => {
    const key = labelKey('（二）部分公开(区分处理的，只计这一情形，不计其他情形)');
    const spellings = [seed000, seed001, seed002, seed003, seed004].map((text) => {
      const line = text.split('\n').find((l) => /部分公[开開]/.test(l) && /[区區]/.test(l));
      expect(line).toBeDefined();
      return line!.split(/\t|\|/).map((s) => s.trim()).find((s) => /部分公[开開]/.test(s))!;
    });
    for (const spelling of spellings) expect(labelKey(spelling)).toBe(key);
  });

  it('finds the 4 mojibake spots of seed 001 and none elsewhere', () => {
    const spots = findMojibake(seed001);
    expect(spots).toHaveLength(4);
    expect(seed001.slice(spots[0].start, spots[0].end)).toBe('?!敝贫?');
    for (const spot of spots) expect(seed001.slice(spot.start, spot.end)).toContain('?');
    for (const other of [seed000, seed002, seed003, seed004]) expect(findMojibake(other)).toEqual([]);
  });

  it('finds the converter artefact of seed 000 and none elsewhere', () => {
    const artefacts = findConverterArtefacts(seed000);
    expect(artefacts).toHaveLength(1);
    expect(seed000.slice(artefacts[0].start, artefacts[0].end)).toBe('[bookmark: _GoBack]');
    expect(artefacts[0].kind).toBe('bookmark');
    for (const other of [seed001, seed002, seed003, seed004]) expect(findConverterArtefacts(other)).toEqual([]);
  });
});
