import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readReportInfo } from '../../src/detect/index.js';
import { reportInfoReach } from '../../src/detect/report-info.js';
import { normalizeText } from '../../src/normalize/index.js';

describe('readReportInfo', () => {
  it.each([
    ['plain title', '示例市示例局2020年政府信息公开工作年度报告\n一、总体情况', 2020, '示例市示例局'],
    ['spaces inside', '示例市示例局 2021 年政府信息公开工作 年度报告\n', 2021, '示例市示例局'],
    ['年度 and 工作报告', '示例区分局 2020 年度 政府信息公开工作报告\n', 2020, '示例区分局'],
    ['agency on its own line, 关于…的报告', '示例县示例局\n关于2020年政府信息公开工作的报告\n', 2020, '示例县示例局'],
    ['title split over two lines', '\n示例分局2020年政府信息公开\n\n工作年度报告\n', 2020, '示例分局'],
    ['quoted in the first sentence', '根据《条例》规定，现发布《示例县示例局2023年政府信息公开工作年度报告》,本报告统计数据从2023年1月1日起', 2023, '示例县示例局'],
    ['Traditional script', '現發布《示例縣公安局2023年政府信息公開工作年度報告》', 2023, '示例县公安局'],
    ['year first', '2021年示例市示例局政府信息公开工作年度报告\n', 2021, '示例市示例局'],
    ['year in Chinese digits', '示例市示例局二〇二一年政府信息公开工作年度报告', 2021, '示例市示例局'],
    ['year with ○ and 零', '示例局二○二零年度政府信息公开工作报告', 2020, '示例局'],
    ['agency with a parenthesis', '示例市公安局（交警支队）2022年政府信息公开工作年度报告', 2022, '示例市公安局(交警支队)'],
    ['breadcrumb line above the title', '当前位置：首页 > 政务公开 > 政府信息公开年报\n示例县示例局2022年政府信息公开工作年度报告\n', 2022, '示例县示例局'],
  ])('%s', (_name, text, year, agency) => {
    const info = readReportInfo(normalizeText(text));
    expect(info.year).toBe(year);
    expect(info.agency).toBe(agency);
    expect(info.titleRange).toBeDefined();
  });

  it('takes the year from the statistics period when there is no title', () => {
    const text = '本报告所列数据的统计期限为 2020 年 1 月 1 日至 2020 年 12 月 31 日。';
    const info = readReportInfo(text);
    expect(info).toMatchObject({ year: 2020, agency: null });
    expect(text.slice(info.titleRange!.start, info.titleRange!.end)).toContain('2020 年 1 月 1 日');
  });

  it('maps the title range into the original through a view', () => {
    const original = '\u3000示例市示例局２０２０年政府信息公开工作年度报告';
    const info = readReportInfo(normalizeText(original));
    expect(original.slice(info.titleRange!.start, info.titleRange!.end)).toBe('示例市示例局２０２０年政府信息公开工作年度报告');
  });

  it('returns nulls when there is nothing to read', () => {
    for (const text of ['', '一、总体情况\n本机关……', '2020', '\ud800\udfff']) {
      expect(readReportInfo(text)).toMatchObject({ year: null, agency: null });
    }
  });

  it('reads a title after prose and one whose agency takes the whole 40 characters, 关于 included', () => {
    // The title is looked for from 42 characters (agency and 关于) before the first year of a title tail.
    const agency = '示'.repeat(38) + '市局';
    const prose = '本机关认真贯彻落实《条例》，推进政务公开工作。'.repeat(20);
    for (const text of [`${prose}${agency}关于2021年政府信息公开工作的报告`, `${agency}关于2021年政府信息公开工作的报告`, `${agency}2021年政府信息公开工作年度报告`]) {
      const info = readReportInfo(text);
      expect(info.year).toBe(2021);
      // The year stands 42 characters after the agency's start: the whole agency is read.
      expect(info.agency).toBe(agency);
    }
    // A year with no title tail after it gives no title; the period still gives the year.
    expect(readReportInfo('2021年工作总结。统计期限为2021年1月1日至2021年12月31日。')).toMatchObject({ year: 2021, agency: null });
  });

  it('leaves page navigation run into the title out of the agency (a crawled page without separators)', () => {
    const text = '首页政务公开政府信息公开年报示范综合实验区2021年度政府信息公开工作年度报告发布时间：2022-01-28';
    const info = readReportInfo(text);
    expect(info).toMatchObject({ year: 2021, agency: '示范综合实验区' });
    expect(text.slice(info.titleRange!.start, info.titleRange!.end)).toBe('示范综合实验区2021年度政府信息公开工作年度报告');
    expect(readReportInfo('当前位置：首页>政务公开>年报>示范区人民政府 2023 年政府信息公开工作年度报告').agency).toBe('示范区人民政府');
  });
});

describe('readReportInfo, one call after another', () => {
  it('maps the title of each text into that text, whatever was read before (the offsets buffer is shared)', () => {
    const long = `某某市 人民政府\n2020 年政府信息公开工作年度报告\n${'正文。'.repeat(2000)}`;
    const short = '示例局2021年政府信息公开工作年度报告';
    const first = readReportInfo(long);
    const second = readReportInfo(short);
    expect(readReportInfo(long)).toEqual(first);
    expect(readReportInfo(short)).toEqual(second);
    expect(second).toMatchObject({ year: 2021, agency: '示例局', titleRange: { start: 0, end: short.length } });
    expect(first.year).toBe(2020);
    expect(long.slice(first.titleRange!.start, first.titleRange!.end).replace(/\s/g, '')).toContain('2020年政府信息公开工作年度报告');
  });
});

describe('reportInfoReach', () => {
  it("reaches to the end of the first section's numeral that cut the head", () => {
    // The head is cut before the numeral (after 600 characters): the title after it is not read.
    const text = `${'x'.repeat(700)}\n一、示例市人民政府2020年政府信息公开工作年度报告`;
    expect(readReportInfo(text).year).toBeNull();
    expect(reportInfoReach(text)).toBe(703);
    // The numeral rewritten: the head is not cut there, and the title is read.
    expect(readReportInfo(`${text.slice(0, 701)}x${text.slice(702)}`).year).toBe(2020);
  });

  it('bounds what readReportInfo reads: a text the same up to there, and at least as long, has the same info', () => {
    // Pieces of titles, section numerals, periods and spacing, so that heads are cut in every way.
    const piece = fc.constantFrom(
      '示例市人民政府', '2020', '二〇二一', '年', '年度', '政府信息公开', '工作', '报告', '关于', '\n', ' ', '\t', '一', '1', '、', '．',
      '统计期限为', '1月1日', '至', '12月31日', '#', '*', '现将', 'x'.repeat(300), '。',
    );
    const pieces = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
    const title = fc
      .tuple(fc.constantFrom('示例市人民政府', '示例县示例局', '现将'), fc.constantFrom('2020', '2021', '二〇二一', '2019 '), fc.constantFrom('年', '年度'), fc.constantFrom('政府信息公开', '政务公开'), fc.constantFrom('工作', ''), fc.constantFrom('年度', ''), fc.constantFrom('报告', '报'))
      .map((parts) => parts.join(''));
    const numeral = fc.constantFrom('\n一、', '\n1.', '\n 1 ．', '一、', '\n#一', '');
    // A head: text, maybe a title, text, maybe a first section's numeral, text, maybe a title, text.
    const maybeTitle = fc.option(title, { nil: '' });
    const text = fc.tuple(pieces, maybeTitle, pieces, numeral, pieces, maybeTitle, pieces).map((parts) => parts.join(''));
    let withYear = 0;
    fc.assert(
      fc.property(text, fc.array(piece, { maxLength: 10 }), fc.nat(), (before, tail, cut) => {
        const reach = reportInfoReach(before);
        if (reach >= before.length) return;
        // The text after `reach` rewritten: cut right after it or anywhere past it, another tail put there.
        const at = reach + (cut % 2 === 0 ? (cut >> 1) % Math.min(3, before.length - reach) : cut % (before.length - reach));
        const after = before.slice(0, at) + tail.join('');
        if (after.length < reach) return;
        const info = readReportInfo(before);
        if (info.year !== null) withYear++;
        expect(readReportInfo(after)).toEqual(info);
      }),
      { numRuns: 3000, seed: 4 },
    );
    expect(withYear).toBeGreaterThan(100);
  });
});
