import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it, vi } from 'vitest';
import {
  compileLinearPattern,
  leadingStrings,
  linearMatches,
  matchStarts,
  matchStartTest,
  mayMatchIn,
  placeStrings,
  ANCHORED_BUDGET,
} from '../src/semantics/linear-pattern.js';
import { charactersNoMatchContains, firstCharacters } from '../src/semantics/first-characters.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Every `pattern` of the built-in templates' sources. */
function builtinPatterns(): string[] {
  const generated = readFileSync(path.join(root, 'packages/core/src/generated/builtin-templates.ts'), 'utf8');
  const patterns = [...generated.matchAll(/"pattern": *("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]) as string);
  return [...new Set(patterns)];
}

/** The matches of a search of the whole text (the engine's own loop), for comparison. */
function wholeTextMatches(source: string, text: string) {
  const compiled = compileLinearPattern(source);
  if (!compiled.ok) throw new Error(compiled.detail);
  return [...linearMatches(compiled.pattern, text, source.includes('(?<n>'), null)];
}

function anchoredMatches(source: string, text: string) {
  const compiled = compileLinearPattern(source);
  if (!compiled.ok) throw new Error(compiled.detail);
  return [...linearMatches(compiled.pattern, text, source.includes('(?<n>'), compiled.starts, compiled.canStart, compiled.cuts)];
}

describe('leadingStrings', () => {
  it('spells out the literal start and groups of literal alternatives', () => {
    expect(leadingStrings('予以公开(?:的|)\\s*(?<n>\\d+)件')).toEqual(['予以公开的', '予以公开']);
    expect(leadingStrings('(?:实际办理|办结|答复)(?:信息公开|依|)申请(?:共|)\\s*件')).toEqual([
      '实际办理信息公开申请', '实际办理依申请', '实际办理申请',
      '办结信息公开申请', '办结依申请', '办结申请',
      '答复信息公开申请', '答复依申请', '答复申请',
    ]);
    // No more than a few strings are spelled out: the start stops before a group that would make too many.
    expect(leadingStrings('(?:a|b|c|d)(?:e|f|g|h)(?:i|j)x')).toEqual(['ae', 'af', 'ag', 'ah', 'be', 'bf', 'bg', 'bh', 'ce', 'cf', 'cg', 'ch', 'de', 'df', 'dg', 'dh']);
    expect(leadingStrings('(?:本年|)新收[^0-9]{0,15}?申请')).toEqual(['本年新收', '新收']);
    // A quantified character or group ends the literal start before it.
    expect(leadingStrings('收到?申请')).toEqual(['收']);
    expect(leadingStrings('(?:本年|今年)+新收')).toBeNull();
    // Alternatives at the top level (as joined notations are) each give their own start.
    expect(leadingStrings('(?:(?:工作|)机构\\s*\\d+个)|(?:查阅(?:点|室)\\s*\\d+个)|培训')).toEqual(['工作机构', '机构', '查阅点', '查阅室', '培训']);
  });

  it('says nothing where a match could start otherwise or an assertion looks outside the match', () => {
    for (const source of ['(?:共|)\\d+件', 'a|\\d', '(?:a)|(?:\\d)', '\\d+件', '^收到', '收到$', '\\b收到', '(?<=年)收到', '[收受]到', '.收到', '(?:共|)']) {
      expect(leadingStrings(source), source).toBeNull();
    }
    // A negated class or an escaped assertion character is no assertion.
    expect(leadingStrings('收到[^0-9]{0,3}件')).toEqual(['收到']);
    expect(leadingStrings('收到\\$')).toEqual(['收到']);
  });
});

describe('charactersNoMatchContains', () => {
  it('names the candidates no atom of the pattern accepts, wherever the atom stands', () => {
    const candidates = ['\n', '。', '，', '；'];
    expect(charactersNoMatchContains('收到\\s*(?<n>[0-9]+)件', candidates)).toEqual(['。', '，', '；']);
    // The negated class accepts ；, the group accepts ，.
    expect(charactersNoMatchContains('收到[^。\\n]{0,15}?申请(?:共|，)?件', candidates)).toEqual(['\n', '。']);
    expect(charactersNoMatchContains('收到.*件', candidates)).toEqual(['\n']);
    expect(charactersNoMatchContains('收到(?:[^件]|件)+', candidates)).toEqual([]);
    expect(charactersNoMatchContains('收到(?=件)', candidates)).toBeNull();
  });
});

describe('firstCharacters', () => {
  it('gives the characters a match can begin with, up to the first element that cannot be empty', () => {
    const first = firstCharacters('(?:的政府信息|的|)\\s*(?<n>[0-9]+)件')!;
    expect(first.nullable).toBe(false);
    expect(['的', ' ', '\u3000', '\n', '7'].map((c) => first.test!(c))).toEqual([true, true, true, true, true]);
    expect(['政', '件', 'a', '，'].map((c) => first.test!(c))).toEqual([false, false, false, false]);
    expect(firstCharacters('[^0-9。]{0,15}?申请')!.test!('申')).toBe(true);
    expect(firstCharacters('[^0-9。]{0,15}?申请')!.test!('。')).toBe(false);
    expect(firstCharacters('\\s*')).toMatchObject({ nullable: true });
    expect(firstCharacters('')).toEqual({ nullable: true, test: null });
    expect(firstCharacters('\\uD83D\\uDE00|.')!.test!('😀')).toBe(true);
  });

  it('says nothing about assertions, lookaround and backreferences', () => {
    for (const source of ['\\b件', '(?=件)件', '(a)\\1', '^件', '件)']) expect(firstCharacters(source), source).toBeNull();
  });
});

describe('linearMatches tried where a match can start', () => {
  const patterns = builtinPatterns();
  const texts = [
    ...readdirSync(path.join(root, 'examples/seeds')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(root, 'examples/seeds', f), 'utf8')),
    ...readdirSync(path.join(root, 'packages/core/test/fixtures/corpus')).map((f) => readFileSync(path.join(root, 'packages/core/test/fixtures/corpus', f), 'utf8')),
  ];

  it('finds what a search of the whole text finds, on every built-in pattern and real report', () => {
    expect(patterns.length).toBeGreaterThan(10);
    expect(patterns.filter((p) => leadingStrings(p) !== null).length).toBeGreaterThan(10);
    let matches = 0;
    for (const source of patterns) {
      for (const text of texts) {
        const expected = wholeTextMatches(source, text);
        matches += expected.length;
        expect(anchoredMatches(source, text), source).toEqual(expected);
      }
    }
    expect(matches).toBeGreaterThan(15);
  });

  it('finds what a search of the whole text finds on texts made of the patterns’ own pieces', () => {
    const pieces = ['收到', '本年', '新收', '共', '申请', '依申请', '件', '12', '3', ' ', '\n', '，', '。', '；', '实际办理', '办结', '答复', '信息公开', '予以公开', '的', '上年结转', '结转至下年度'];
    const starting = patterns.filter((p) => leadingStrings(p) !== null);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.constantFrom(...starting), (parts, source) => {
        const text = parts.join('');
        expect(anchoredMatches(source, text)).toEqual(wholeTextMatches(source, text));
      }),
      { seed: 20261203, numRuns: 400 },
    );
  });

  it('finds what a search of the whole text finds, on random patterns and texts with blank runs', () => {
    // Patterns as users may write them: a literal start, then elements that cross white space (as the
    // blanked table rows of a section text) or stop at it, with or without the number group.
    const starts = ['不予公开', '行政复议', '收到', '(?:收到|办结)', '(?:本年|)新收', '件'];
    const elements = ['\\s*', '\\s+', '\\d+', '(?:的|)', '[^件]*', '.', '.*', '件', '[，。]?', '共', '\\s?', '(?:\\s|共)*', '(?:件|个)+', '收到'];
    const source = fc
      .tuple(fc.constantFrom(...starts), fc.array(fc.constantFrom(...elements), { maxLength: 5 }), fc.nat(5), fc.boolean())
      .map(([start, rest, at, numbered]) => {
        if (numbered) rest.splice(Math.min(at, rest.length), 0, '(?<n>\\d+)');
        return start + rest.join('');
      });
    const pieces = ['不予公开', '行政复议', '收到', '办结', '本年', '新收', '共', '件', '个', '的', '12', '3', ' ', '   \n  \n', '\u3000', '\n', '，', '。', '；'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(source, text, (source, text) => {
        expect(leadingStrings(source), source).not.toBeNull();
        expect(anchoredMatches(source, text), source).toEqual(wholeTextMatches(source, text));
      }),
      { seed: 20261205, numRuns: 1500 },
    );
  });

  it('gives the number group as the whole-text search does: after other groups, or absent from the match', () => {
    const source = '收到(?:(共)|)(?:(?<n>\\d+)|若干)\\s*件';
    const text = '收到若干件，收到共12 件；收到3件。收到件';
    const found = anchoredMatches(source, text);
    expect(found).toEqual(wholeTextMatches(source, text));
    expect(found.map((m) => m.n)).toEqual([undefined, '12', '3']);
    // Without the group `n` a search for numbers says so, as a matcher does.
    const unnumbered = compileLinearPattern('收到(?<m>\\d+)件');
    if (!unnumbered.ok) throw new Error(unnumbered.detail);
    const search = () => [...linearMatches(unnumbered.pattern, '收到3件', true, unnumbered.starts, unnumbered.canStart, unnumbered.cuts)];
    expect(search).toThrow(/'n'/);
  });

  it('allows a place only where a leading string stands, and every such place a match can begin at', () => {
    // The built-in pattern with the most leading strings (a dozen, of several first characters).
    const source = patterns.reduce((most, p) => ((leadingStrings(p)?.length ?? 0) > (leadingStrings(most)?.length ?? 0) ? p : most));
    const starts = leadingStrings(source)!;
    expect(new Set(starts.map((s) => s[0])).size).toBeGreaterThan(3);
    const canStart = matchStartTest(source)!;
    const compiled = compileLinearPattern(source);
    if (!compiled.ok) throw new Error(compiled.detail);
    const pieces = [...starts, ...starts.map((s) => s.slice(0, 2)), '工作', '机构', '3', ' ', '个', '，', '人'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        for (let at = 0; at <= text.length; at++) {
          const allowed = canStart(text, at);
          if (allowed) expect(starts.some((s) => text.startsWith(s, at)), `${text} @${at}`).toBe(true);
          if (compiled.pattern.matcher(text.slice(at)).lookingAt()) expect(allowed, `${text} @${at}`).toBe(true);
        }
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });

  it('never rules out a place where a built-in pattern matches', () => {
    // Texts made of phrases: a pattern's own literal runs (one, two or three in a row, or one character of
    // them), then perhaps a space, a number and a unit, as reports write them.
    const tests = patterns.map((source) => {
      const runs = source.match(/[\u4e00-\u9fff]+/g) ?? [];
      const words = runs.flatMap((run, i) => [run, run + (runs[i + 1] ?? ''), run + (runs[i + 1] ?? '') + (runs[i + 2] ?? ''), ...run]);
      return { source, compiled: compileLinearPattern(source), canStart: matchStartTest(source), words: [...new Set([...words, 'a', '（'])] };
    });
    const phrase = (words: string[]) =>
      fc
        .tuple(fc.constantFrom(...words), fc.constantFrom('', '', ' ', '\u3000', '\n'), fc.constantFrom('', '12', '3', '0.5'), fc.constantFrom('', '件', '个', '名', '人次', '，', '。'))
        .map((parts) => parts.join(''));
    expect(tests.filter((t) => t.canStart !== null).length).toBe(tests.filter((t) => leadingStrings(t.source) !== null).length);
    let matched = 0;
    let ruledOut = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...tests).chain((t) => fc.tuple(fc.constant(t), fc.array(phrase(t.words), { maxLength: 12 }))),
        ([{ compiled, canStart }, parts]) => {
          if (!compiled.ok || canStart === null) return;
          const text = parts.join('');
          for (let at = 0; at < text.length; at++) {
            if (!canStart(text, at)) ruledOut++;
            if (!compiled.pattern.matcher(text.slice(at)).lookingAt()) continue;
            matched++;
            expect(canStart(text, at), `${text} @${at}`).toBe(true);
          }
        },
      ),
      { seed: 20261204, numRuns: 2000 },
    );
    expect(matched).toBeGreaterThan(50);
    expect(ruledOut).toBeGreaterThan(1000);
  });

  it('tests each character that follows a leading string once, however often it is met', () => {
    // 政府信息公开机构 (and 信息公开机构 in it) a hundred times, followed by 改, where a number must follow.
    const canStart = matchStartTest('(?:政府信息公开|信息公开)(?:工作|)机构\\s*[0-9]+个')!;
    const text = '政府信息公开机构改革。'.repeat(100) + '信息公开机构3个';
    const tested = vi.spyOn(RegExp.prototype, 'test');
    try {
      const allowed: number[] = [];
      for (let at = 0; at < text.length; at++) if (canStart(text, at)) allowed.push(at);
      expect(allowed).toEqual([text.length - 8]);
      // Two hundred places followed by 改, one by 3: two characters tested.
      expect(tested.mock.calls).toEqual([['改'], ['3']]);
    } finally {
      tested.mockRestore();
    }
  });

  it('looks for fewer strings where one ends with another of its alternative, and says the same', () => {
    expect(placeStrings('(?:政府信息公开|信息公开)(?:工作|)机构\\s*[0-9]+个|查阅(?:点|室)\\s*[0-9]+个')).toEqual(['信息公开工作机构', '信息公开机构', '查阅点', '查阅室']);
    expect(placeStrings('(?:本年|)新收申请\\s*(?<n>[0-9]+)件')).toEqual(['新收申请']);
    // Only within an alternative: 公开 of another alternative, with another rest, does not stand for 予以公开.
    expect(placeStrings('予以公开\\s*[0-9]+件|公开[0-9]+项')).toEqual(['予以公开', '公开']);
    expect(placeStrings('\\d+件')).toBeNull();
    // On texts of the patterns' own pieces, the fewer strings find a place exactly when all of them do.
    const sources = patterns.filter((source) => (placeStrings(source)?.length ?? 0) < (leadingStrings(source)?.length ?? 0));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      const all = matchStarts(source);
      const fewer = { ...all, starts: placeStrings(source) };
      const words = [...new Set([...leadingStrings(source)!, ...(source.match(/[\u4e00-\u9fff]+/g) ?? [])])];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...words, '政府', '本年', '3', ' ', '个', '件', '，'), { maxLength: 12 }), (parts) => {
          const text = parts.join('');
          expect(mayMatchIn(text, fewer), text).toBe(mayMatchIn(text, all));
        }),
        { seed: 20261206, numRuns: 500 },
      );
    }
  });

  it('says no match may begin only where a search finds none (then the pattern need not be compiled)', () => {
    // Real reports and texts made of the patterns' own pieces: table labels with the leading strings and
    // no number after them are the texts ruled out.
    const pieces = ['收到', '本年', '新收', '申请', '件', '12', ' ', '\n', '，', '办结', '予以公开', '的', '上年结转', '行政复议', '、', '情况', '数量'];
    const texts = [
      ...readdirSync(path.join(root, 'examples/seeds')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(root, 'examples/seeds', f), 'utf8')),
      ...fc.sample(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join('')), { seed: 20261205, numRuns: 300 }),
    ];
    let ruledOut = 0;
    for (const source of patterns) {
      for (const text of texts) {
        if (mayMatchIn(text, matchStarts(source))) continue;
        ruledOut++;
        expect(wholeTextMatches(source, text), `${source} in ${text.slice(0, 40)}`).toEqual([]);
      }
    }
    expect(ruledOut).toBeGreaterThan(1000);
    // Without leading strings nothing is ruled out.
    expect(mayMatchIn('abc', matchStarts('[0-9]+件'))).toBe(true);
    expect(mayMatchIn('行政复议、行政诉讼情况', matchStarts('行政复议(?:案件|)\\s*(?<n>[0-9]+)\\s*件'))).toBe(false);
    expect(mayMatchIn('行政复议 3 件', matchStarts('行政复议(?:案件|)\\s*(?<n>[0-9]+)\\s*件'))).toBe(true);
  });

  it('ends attempts at characters no match of the pattern contains, on most built-in patterns', () => {
    const withCuts = patterns.filter((source) => leadingStrings(source) !== null && (compileLinearPattern(source) as { cuts: readonly string[] }).cuts.length > 0);
    expect(withCuts.length).toBeGreaterThan(10);
    // Across sentences: the matches are those of a whole-text search (see the differential tests above).
    const source = '收到(?:公开|)申请\\s*(?<n>[0-9]+)\\s*件';
    const text = '收到申请。\n收到公开申请 3 件；收到申请\n12 件。收到申请，4件';
    expect(anchoredMatches(source, text).map((m) => m.n)).toEqual(['3', '12']);
    expect(anchoredMatches(source, text)).toEqual(wholeTextMatches(source, text));
  });

  it('tests an attempt with the pattern as compiled, not a second program compiled for it', () => {
    // A source met here for the first time: its attempts (failed and matching) compile nothing more.
    const source = '办结(?:公开|)申请\\s*(?<n>[0-9]+)\\s*宗';
    const text = '办结申请。办结公开申请 7 宗；办结申请，办结申请 12 宗。';
    const compiled = compileLinearPattern(source);
    if (!compiled.ok) throw new Error(compiled.detail);
    const compile = vi.spyOn(RE2JS, 'compile');
    try {
      expect(anchoredMatches(source, text).map((m) => m.n)).toEqual(['7', '12']);
      expect(compile).not.toHaveBeenCalled();
    } finally {
      compile.mockRestore();
    }
    expect(anchoredMatches(source, text)).toEqual(wholeTextMatches(source, text));
  });

  it('searches the rest of the text as a whole after many failed attempts, with the same matches', () => {
    const source = '收到(?<n>\\d+)件';
    const text = '收到，'.repeat(ANCHORED_BUDGET * 50) + '收到12件' + '收到，'.repeat(10) + '收到3件';
    expect(anchoredMatches(source, text).map((m) => m.n)).toEqual(['12', '3']);
    expect(anchoredMatches(source, text)).toEqual(wholeTextMatches(source, text));
  });

  it('stays linear when every attempt runs to the end of the text', () => {
    // Each attempt at an 收 reads the rest of the text, looking for a 件: without the budget, quadratic.
    const source = '收(?:到|)[^件]*件';
    const text = '收'.repeat(20_000);
    const started = process.cpuUsage();
    expect(anchoredMatches(source, text)).toEqual([]);
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(2_000);
  });
});
