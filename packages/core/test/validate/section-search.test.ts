import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinTemplates } from '../../src/templates/index.js';
import { matchStarts } from '@nianbao/template-language/linear-pattern';
import { compileRulePattern, leadingLiteral, scannedStarts } from '../../src/validate/section-search.js';

/**
 * Whether a rule pattern has the number group `n`: only those are searched for their number (prose rules);
 * asked for a group it lacks, the matcher throws, as it should for a template that reached it so.
 */
function hasNumberGroup(source: string): boolean {
  return source.includes('(?<n>');
}

describe('template patterns searched only where they can match', () => {
  it('takes the literal every match starts with, and none when the start can vary', () => {
    expect(leadingLiteral('予以公开(?:的政府信息|的|)\\s*(?<n>[0-9]+)\\s*件')).toBe('予以公开');
    expect(leadingLiteral('依申请公开件\\s*(?<n>[0-9]+)')).toBe('依申请公开件');
    // A quantifier after the literal makes its last character optional or repeated.
    expect(leadingLiteral('行政复议?案件')).toBe('行政复');
    expect(leadingLiteral('结转{0,1}至')).toBe('结');
    expect(leadingLiteral('受*理')).toBe('');
    // Alternatives at the top level, a group or an escape at the start: no common literal.
    expect(leadingLiteral('办结(?<n>\\d+)件|答复\\d+件')).toBe('');
    expect(leadingLiteral('(?:本年|)新收')).toBe('');
    expect(leadingLiteral('\\s*受理')).toBe('');
    // Alternatives inside a group or a class do not count.
    expect(leadingLiteral('受理(?:a|b)[|]x')).toBe('受理');
    expect(leadingLiteral('受理[\\]|](?:x)')).toBe('受理');
  });

  it('finds the same matches as the whole-text search, on texts with and without the literal', () => {
    const sources = builtinTemplates.flatMap((t) => t.rules.flatMap((r) => ('pattern' in r && typeof r.pattern === 'string' ? [r.pattern] : [])));
    expect(sources.length).toBeGreaterThan(10);
    const texts = [
      '本年度予以公开12件，部分公开3件，不予公开0件。',
      '收到政府信息公开申请25件，上年结转2件。',
      '没有任何相关内容。',
      // Common prefixes of the leading strings without the rest of them, and with it.
      '实际办理了7件，实际办理申请7件，办结5件，答复依申请3件。结转到下年度继续办理2件，结转4件。',
      '予以公开信息5件予以公开的政府信息5件予以公开6件，不予处理的申请1件，行政复议案件 2 件，行政诉讼1件。',
    ];
    for (const source of sources) {
      const pattern = compileRulePattern(source, hasNumberGroup(source));
      const native = new RegExp(source, 'gu');
      for (const text of texts) {
        const expected = [...text.matchAll(native)].filter((m) => m[0] !== '').map((m) => ({ index: m.index, text: m[0] }));
        expect([...pattern.matches(text)].map((m) => ({ index: m.index, text: m.text })), `${source} in ${text}`).toEqual(expected);
      }
    }
  });

  it('finds the same matches as the whole-text search where leading strings stand with or without what follows them', () => {
    // Built-in sources, and sources with an assertion (no leading strings: only the literal is looked for first).
    const sources = [
      ...new Set(builtinTemplates.flatMap((t) => t.rules.flatMap((r) => ('pattern' in r && typeof r.pattern === 'string' ? [r.pattern] : [])))),
      '予以公开\\s*(?<n>[0-9]+)件$',
      '不予公开(?:的|)\\s*(?<n>[0-9]+)\\b',
    ];
    const pieces = ['予以公开', '不予公开', '不予处理的', '上年结转', '本年新收', '收到', '申请', '信息公开工作机构', '兼职人员', '办结', '的', '件', '个', '名', '12', ' ', '，', '。', '\n', '政府'];
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (source, parts) => {
        const text = parts.join('');
        const expected = [...text.matchAll(new RegExp(source, 'gu'))].filter((m) => m[0] !== '').map((m) => ({ index: m.index, text: m[0] }));
        expect([...compileRulePattern(source, hasNumberGroup(source)).matches(text)].map((m) => ({ index: m.index, text: m.text }))).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it('looks for the common prefix of leading strings that begin alike, once', () => {
    const starts = (source: string) => scannedStarts(matchStarts(source)).starts;
    expect(starts('予以公开(?:的政府信息|的|)\\s*(?<n>[0-9]+)\\s*件')).toEqual(['予以公开']);
    expect(starts('(?:实际办理|办结|答复)(?:政府信息公开|依|)申请(?<n>[0-9]+)件')).toEqual(['实际办理', '办结', '答复']);
    expect(starts('(?:本年|)新收(?<n>[0-9]+)件')).toEqual(['本年新收', '新收']);
    // Without a test of the place, the strings stay as they are.
    expect(scannedStarts({ starts: ['予以公开的', '予以公开'], canStart: null, cuts: [] }).starts).toEqual(['予以公开的', '予以公开']);
  });
});
