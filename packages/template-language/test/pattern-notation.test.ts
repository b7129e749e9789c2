import { describe, expect, it } from 'vitest';
import { compilePatternNotation, compileRegexLiteral, joinPatternSources } from '../src/index.js';

function regexOf(notation: string): RegExp {
  const compiled = compilePatternNotation(notation);
  if (!compiled.ok) {
    throw new Error(compiled.detailEn);
  }
  return new RegExp(compiled.source, 'gu');
}

function numbersIn(notation: string, text: string): string[] {
  return [...text.matchAll(regexOf(notation))].map((match) => match.groups?.n ?? '');
}

describe('pattern notation', () => {
  it('{n} captures the number, with spaces around it', () => {
    expect(numbersIn('予以公开{n}件', '其中，予以公开1件；予以公开 12 件')).toEqual(['1', '12']);
  });

  it('{…} bridges a short gap without digits or clause punctuation', () => {
    expect(numbersIn('收到{…}申请{n}件', '共收到政府信息公开申请23件')).toEqual(['23']);
    expect(numbersIn('收到{…}申请{n}件', '收到来信，申请5件')).toEqual([]);
    expect(numbersIn('收到{…}申请{n}件', '收到2020年申请5件')).toEqual([]);
    expect(numbersIn('收到{...}申请{n}件', '收到的申请7件')).toEqual(['7']);
  });

  it('{a|b} is an alternation and {a|} makes a part optional', () => {
    expect(numbersIn('不予公开{的政府信息|}{n}件', '不予公开14件，其中不予公开的政府信息2件')).toEqual(['14', '2']);
    expect(numbersIn('{办结|答复}申请{n}件', '办结申请3件，答复申请4件')).toEqual(['3', '4']);
  });

  it('{#} matches any number without capturing it', () => {
    const regex = regexOf('查阅点{#}个');
    expect(regex.test('查阅点35个')).toBe(true);
    expect(regexOf('查阅点{#}个').exec('查阅点35个')?.groups).toBeUndefined();
  });

  it('escapes regex syntax and keeps Chinese punctuation literal', () => {
    expect(numbersIn('本年增/减（a+b）{n}', '本年增/减（a+b）5')).toEqual(['5']);
    expect(numbersIn('\\{x\\}{n}', '{x}9')).toEqual(['9']);
  });

  it('a space matches any white space', () => {
    expect(numbersIn('新收 申请{n}件', '新收申请3件、新收  申请4件')).toEqual(['3', '4']);
  });

  it('reports malformed patterns', () => {
    expect(compilePatternNotation('共{n件')).toMatchObject({ ok: false });
    expect(compilePatternNotation('{x}')).toMatchObject({ ok: false });
    expect(compilePatternNotation('{n}件{n}')).toMatchObject({ ok: false });
    expect(compilePatternNotation('')).toMatchObject({ ok: false });
    expect(compilePatternNotation('{|}')).toMatchObject({ ok: false });
    expect(compilePatternNotation('末尾\\')).toMatchObject({ ok: false });
  });

  it('counts number slots', () => {
    expect(compilePatternNotation('共{n}件')).toMatchObject({ ok: true, numberSlots: 1 });
    expect(compilePatternNotation('机构{#}个')).toMatchObject({ ok: true, numberSlots: 0 });
  });

  it('regex literals keep their source and report foreign flags', () => {
    expect(compileRegexLiteral('/共(?<n>\\d+)件/u')).toMatchObject({ ok: true, source: '共(?<n>\\d+)件', numberSlots: 1, ignoredFlags: '' });
    expect(compileRegexLiteral('/共(?<n>\\d+)件/im')).toMatchObject({ ok: true, ignoredFlags: 'im' });
    expect(compileRegexLiteral('/共(?<n>\\d+件/')).toMatchObject({ ok: false });
    expect(compileRegexLiteral('/a*/')).toMatchObject({ ok: false });
  });

  it('joins several patterns into one alternation', () => {
    const regex = new RegExp(joinPatternSources(['机构\\d+个', '查阅点\\d+个']), 'gu');
    expect('机构7个，查阅点35个'.match(regex)).toEqual(['机构7个', '查阅点35个']);
  });
});
