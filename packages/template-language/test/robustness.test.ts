import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../src/index.js';

const official = readFileSync(new URL('../../../grammars/gov-disclosure-2021.nbt', import.meta.url), 'utf8');

/** A small deterministic pseudo-random generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

describe('robustness on damaged templates', () => {
  it('truncations, deletions and insertions give diagnostics, never exceptions or internal errors', async () => {
    const next = random(20261124);
    const variants: string[] = [];
    for (let index = 0; index < 25; index += 1) {
      variants.push(official.slice(0, Math.floor(next() * official.length)));
      const start = Math.floor(next() * official.length);
      variants.push(official.slice(0, start) + official.slice(start + 1 + Math.floor(next() * 40)));
      const at = Math.floor(next() * official.length);
      const junk = ['}', '{', '[', ']', ',', 'rule', '"', 'for each row:', 'sum(', '表', '\n'][Math.floor(next() * 11)];
      variants.push(official.slice(0, at) + junk + official.slice(at));
    }
    for (const text of variants) {
      const parsed = await parseTemplate(text);
      const internal = parsed.diagnostics.filter((diagnostic) => diagnostic.code === 'internal-error');
      expect(internal, internal.map((diagnostic) => diagnostic.message.en).join('\n')).toEqual([]);
      for (const diagnostic of parsed.diagnostics) {
        expect(diagnostic.range.start.offset).toBeGreaterThanOrEqual(0);
        expect(diagnostic.range.start.offset).toBeLessThanOrEqual(text.length);
      }
    }
  });
});
