import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeadingLineSieve } from '../../src/parse/heading-line-sieve.js';
import { matchKey } from '../../src/parse/match-key.js';
import { headingLineScores } from '../../src/parse/section-headings.js';
import { builtinTemplates } from '../../src/templates/index.js';

const sectionLists = builtinTemplates.map((t) => t.sections);
const sieveOf = (sections: (typeof sectionLists)[number]) =>
  new HeadingLineSieve(sections.map((s) => ({ numeral: s.numeral, heading: matchKey(s.heading), aliases: s.aliases.map(matchKey).filter((k) => k !== '') })));

/** Headings and aliases of every template, as written: the bodies of lines that score. */
const targets = [...new Set(sectionLists.flatMap((sections) => sections.flatMap((s) => [s.heading, ...s.aliases])))];
const alphabet = [...new Set(targets.join(''))];

/** A heading or alias with a few units dropped, replaced or added (near misses and lines that miss). */
const editedTarget = fc
  .tuple(fc.constantFrom(...targets), fc.array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'replace', 'add'), fc.constantFrom(...alphabet, '的', '年', 'Ａ', '　')), { maxLength: 5 }))
  .map(([target, edits]) => {
    let s = target;
    for (const [at, edit, c] of edits) {
      const i = s.length === 0 ? 0 : at % s.length;
      s = edit === 'drop' ? s.slice(0, i) + s.slice(i + 1) : edit === 'replace' ? s.slice(0, i) + c + s.slice(i + 1) : s.slice(0, i) + c + s.slice(i);
    }
    return s;
  });
const space = fc.constantFrom('', ' ', '  ', '\u3000', '\t', '\ufeff', '\u00a0');
const numeral = fc.array(fc.constantFrom(...'一二三四五六七八九十'), { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
const mark = fc.constantFrom(...'、.．，,:：', '', '）', '条');
/** The numberings the finder reads, and near misses of them. */
const numbering = fc.oneof(
  fc.constant(''),
  fc.tuple(numeral, space, mark, space).map((p) => p.join('')),
  fc.tuple(space, numeral, space, fc.constantFrom('部分', '部', '条第'), space, mark, space).map((p) => '第' + p.join('')),
  fc.tuple(fc.constantFrom('(', '（'), space, fc.oneof(numeral, fc.constantFrom('1', '12', '一1')), space, fc.constantFrom(')', '）', '', '、'), space).map((p) => p.join('')),
  fc.tuple(fc.constantFrom(...'1234567890１２３４５６７８９'), space, mark, space).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const body = fc.oneof(
  editedTarget,
  fc.constantFrom(...targets),
  fc.array(fc.oneof(fc.constantFrom(...alphabet), fc.constantFrom('。', '：', ' ', '数量', '0', '\t', '㍻', '𠵾')), { maxLength: 30 }).map((a) => a.join('')),
  fc.tuple(editedTarget, fc.string({ unit: 'grapheme', maxLength: 10 })).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const line = fc.tuple(numbering, body, fc.constantFrom('', '。', '\t0', '情况', '等')).map((p) => p.join(''));
/** A section's numeral in one of the styles, and an edit of one of its own headings with more after it: lines at the edges of the near misses. */
const numbered = sectionLists.flatMap((sections) => sections.flatMap((s) => [s.heading, ...s.aliases].map((target) => ({ numeral: s.numeral, target }))));
const coherentLine = fc
  .tuple(
    fc.constantFrom(...numbered),
    fc.constantFrom('N、', 'N ', '第N部分', '（N）', 'D.'),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'replace', 'add'), fc.constantFrom(...alphabet, '的', '年')), { maxLength: 4 }),
    fc.array(fc.constantFrom(...alphabet, '甲', '乙', '丙', '，', ' '), { maxLength: 12 }),
  )
  .map(([{ numeral, target }, style, edits, more]) => {
    let s = target;
    for (const [at, edit, c] of edits) {
      const i = s.length === 0 ? 0 : at % s.length;
      s = edit === 'drop' ? s.slice(0, i) + s.slice(i + 1) : edit === 'replace' ? s.slice(0, i) + c + s.slice(i + 1) : s.slice(0, i) + c + s.slice(i);
    }
    const digit = String('一二三四五六七八九'.indexOf(numeral) + 1);
    return style.replace('N', numeral).replace('D', digit) + s + more.join('');
  });

describe('HeadingLineSieve', () => {
  it('rejects only lines that score nothing as a heading line (any template, any offsets)', () => {
    const sieves = sectionLists.map(sieveOf);
    let rejected = 0;
    fc.assert(
      fc.property(fc.oneof(line, coherentLine), fc.nat(sectionLists.length - 1), fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), (l, t, before, after) => {
        if (l === '') return;
        const may = sieves[t].mayScore(l, 0, l.length);
        // Read by offsets: the same answer inside a longer text.
        expect(sieves[t].mayScore(before + l + after, before.length, before.length + l.length)).toBe(may);
        if (!may) {
          rejected++;
          expect(headingLineScores(l, sectionLists[t])).toEqual([]);
        }
      }),
      { numRuns: 20_000 },
    );
    // The test tells something: many lines are rejected.
    expect(rejected).toBeGreaterThan(2_000);
  });

  it('lets the headings and their near misses through, and rejects table rows and articles', () => {
    const sections = builtinTemplates.find((t) => t.id === 'gov-disclosure-2021')!.sections;
    const sieve = sieveOf(sections);
    const may = (l: string) => sieve.mayScore(l, 0, l.length);
    for (const l of ['一、总体情况', '第二部分 主动公开政府信息情况', '（三）收到和处理政府信息公开申请情况', '5、存在的主要问题及改进情况', '六、其他需要报告事项', '总体情况']) {
      expect(may(l)).toBe(true);
      expect(headingLineScores(l, sections).length).toBeGreaterThan(0);
    }
    for (const l of ['第二十条第（一）项', '总计', '（三）不予公开', '3.危及“三安全一稳定”', '三、本年度办理结果', '（1）其他', '7、其他需要报告的事项']) {
      expect(may(l)).toBe(false);
      expect(headingLineScores(l, sections)).toEqual([]);
    }
  });
});
