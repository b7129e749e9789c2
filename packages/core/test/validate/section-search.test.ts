import { describe, expect, it } from 'vitest';
import { builtinTemplates } from '../../src/templates/index.js';
import { compileRulePattern, leadingLiteral } from '../../src/validate/section-search.js';

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
    const texts = ['本年度予以公开12件，部分公开3件，不予公开0件。', '收到政府信息公开申请25件，上年结转2件。', '没有任何相关内容。'];
    for (const source of sources) {
      const pattern = compileRulePattern(source, true);
      const native = new RegExp(source, 'gu');
      for (const text of texts) {
        const expected = [...text.matchAll(native)].filter((m) => m[0] !== '').map((m) => ({ index: m.index, text: m[0] }));
        expect([...pattern.matches(text)].map((m) => ({ index: m.index, text: m.text })), `${source} in ${text}`).toEqual(expected);
      }
    }
  });
});
