import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { toSimplified, toSimplifiedString } from '../../src/normalize/index.js';
import { rangeToOriginal } from '../../src/read/index.js';

describe('toSimplified', () => {
  it('relies on OpenCC dictionaries that keep the number of code points', () => {
    const config = OpenCC.Locale.configs.tw2s as unknown as { conversionChain: unknown[][]; normalizationChain?: unknown[][] };
    const dictionaries = [...config.conversionChain.flat(), ...(config.normalizationChain ?? []).flat()];
    expect(dictionaries.length).toBeGreaterThan(0);
    for (const dictionary of dictionaries) {
      const pairs = typeof dictionary === 'string' ? dictionary.split('|').map((e) => e.split(' ')) : (dictionary as string[][]);
      for (const [from, to] of pairs) expect([...to].length, `${from} → ${to}`).toBe([...from].length);
    }
  });

  it('converts Traditional to Simplified and leaves Simplified alone', () => {
    expect(toSimplifiedString('政府資訊公開條例：規範性文件；臺灣')).toBe('政府资讯公开条例：规范性文件；台湾');
    const simplified = '政府信息公开工作年度报告，干部著作';
    expect(toSimplified(simplified).text).toBe(simplified);
  });

  it('maps exactly even where a character changes UTF-16 length', () => {
    // 㗲 (BMP) becomes 𠵾 (a surrogate pair) in OpenCC's dictionary.
    const original = '甲㗲乙發';
    const view = toSimplified(original);
    expect(view.text).toBe('甲𠵾乙发');
    expect(rangeToOriginal(view, { start: 1, end: 3 })).toEqual({ start: 1, end: 2 });
    expect(view.toOriginal(3)).toBe(2);
    expect(rangeToOriginal(view, { start: 4, end: 5 })).toEqual({ start: 3, end: 4 });
  });
});
