import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLinearPattern, leadingStrings, linearMatches, ANCHORED_BUDGET } from '../src/semantics/linear-pattern.js';

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
  return [...linearMatches(compiled.pattern, text, source.includes('(?<n>'), compiled.starts)];
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
  });

  it('says nothing where a match could start otherwise or an assertion looks outside the match', () => {
    for (const source of ['(?:共|)\\d+件', 'a|b', '\\d+件', '^收到', '收到$', '\\b收到', '(?<=年)收到', '[收受]到', '.收到', '(?:共|)']) {
      expect(leadingStrings(source), source).toBeNull();
    }
    // A negated class or an escaped assertion character is no assertion.
    expect(leadingStrings('收到[^0-9]{0,3}件')).toEqual(['收到']);
    expect(leadingStrings('收到\\$')).toEqual(['收到']);
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
    const pieces = ['收到', '本年', '新收', '共', '申请', '依申请', '件', '12', '3', ' ', '\n', '，', '实际办理', '办结', '答复', '信息公开', '予以公开', '的', '上年结转', '结转至下年度'];
    const starting = patterns.filter((p) => leadingStrings(p) !== null);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.constantFrom(...starting), (parts, source) => {
        const text = parts.join('');
        expect(anchoredMatches(source, text)).toEqual(wholeTextMatches(source, text));
      }),
      { seed: 20261203, numRuns: 400 },
    );
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
