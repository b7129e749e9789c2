import { describe, expect, it } from 'vitest';
import { findConverterArtefacts, findMojibake, findPinyinReadings } from '../../src/normalize/index.js';

const slices = (text: string, ranges: { start: number; end: number }[]) => ranges.map((r) => text.slice(r.start, r.end));

describe('findPinyinReadings', () => {
  it('finds tone-marked syllables after Han characters, in ASCII or full-width parentheses', () => {
    const text = '規(guī)定，發(fā)布，綠（lǜ）色，現(xiàn)在，統(tǒng)計';
    expect(slices(text, findPinyinReadings(text))).toEqual(['(guī)', '(fā)', '（lǜ）', '(xiàn)', '(tǒng)']);
  });

  it('leaves ordinary parenthesised Latin text alone', () => {
    const text = '下载(PDF)文件(pdf)，使用(APP)或(app)，见(a)项、(b)项，咖啡(café)，(fā) 开头有空格时 (fā)，函数(x)';
    expect(slices(text, findPinyinReadings(text))).toEqual([]);
  });

  it('rejects strings that are not one syllable', () => {
    expect(findPinyinReadings('字(guīdìng)')).toEqual([]);
    expect(findPinyinReadings('字(gūī)')).toEqual([]);
    expect(findPinyinReadings('字(xyā)')).toEqual([]);
  });
});

describe('findMojibake', () => {
  it('finds U+FFFD runs', () => {
    const text = '政府信息\uFFFD\uFFFD公开';
    expect(findMojibake(text)).toEqual([{ start: 4, end: 6, kind: 'replacement-character' }]);
  });

  it('finds question marks wedged between Han characters', () => {
    const text = '嚴格落實“三審三?!敝贫?加強。部署安排到位??h局領導';
    expect(slices(text, findMojibake(text))).toEqual(['?!敝贫?', '??h']);
  });

  it('finds UTF-8 read as GBK, and 锟斤拷', () => {
    const utf8AsGbk = new TextDecoder('gbk').decode(new TextEncoder().encode('政府信息公开工作年度报告'));
    const spots = findMojibake('正文' + utf8AsGbk + '正文');
    expect(spots).toHaveLength(1);
    expect(spots[0].kind).toBe('utf8-as-gbk');
    expect(findMojibake('标题锟斤拷锟斤拷结束')).toEqual([{ start: 2, end: 8, kind: 'utf8-as-gbk' }]);
  });

  it('finds UTF-8 read as Latin-1', () => {
    const latin = new TextDecoder('windows-1252').decode(new TextEncoder().encode('公开'));
    expect(findMojibake(`x ${latin} y`)).toMatchObject([{ kind: 'utf8-as-latin1' }]);
  });

  it('leaves clean text alone: question marks in prose, rare characters, accents', () => {
    for (const text of [
      '是否公开?',
      '是否公开? 答：是',
      'What? 没有',
      '网址 http://example.gov.cn/?id=3&t=1 查询',
      '濮阳市 瀚海 鑫源',
      'café résumé naïve',
      '公开？是的',
    ]) {
      expect(findMojibake(text)).toEqual([]);
    }
  });
});

describe('findConverterArtefacts', () => {
  it('finds Pandoc and Word leftovers', () => {
    const text = '[bookmark: _GoBack]正文[重要]{.underline}，第二十条\\[一\\]<!-- -->见 PAGEREF _Toc123 \\h，{ MERGEFORMAT }\\* MERGEFORMAT';
    expect(findConverterArtefacts(text).map((a) => [a.kind, text.slice(a.start, a.end)])).toEqual([
      ['bookmark', '[bookmark: _GoBack]'],
      ['span-attributes', '{.underline}'],
      ['escape', '\\['],
      ['escape', '\\]'],
      ['html-comment', '<!-- -->'],
      ['field-code', 'PAGEREF _Toc123 \\h'],
      ['field-code', '\\* MERGEFORMAT'],
    ]);
  });

  it('leaves ordinary brackets, braces and backslashes alone', () => {
    for (const text of ['[附件]', '{a}', 'C:\\Users\\report.txt', 'a\\*b', '【通知】', '{ }']) {
      expect(findConverterArtefacts(text)).toEqual([]);
    }
  });
});
