import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInput } from '../../fuzz/fuzz-properties.ts';
import { checkReport } from '../../src/check/index.js';
import { applyEdits } from '../../src/validate/index.js';
import { snapRange } from '../../src/read/index.js';
import { examplePath } from '../parse/seed-helpers.js';

/**
 * Ranges never end between the `\r` and `\n` of a CRLF nor inside a surrogate pair: a range there is
 * half a character to an editor, and a fix written there splits the line break. Before the fix, every
 * section body of a CRLF report started between `\r` and `\n`.
 */
describe('ranges on CRLF reports', () => {
  const dir = path.dirname(examplePath('seeds/000_ef504471c9854329.txt'));
  const seeds = readdirSync(dir).filter((f) => f.endsWith('.txt'));

  it.each(seeds)('keeps every range of %s on character boundaries when its lines end in CRLF', async (file) => {
    const text = readFileSync(path.join(dir, file), 'utf8').replace(/\r?\n/g, '\r\n');
    const failures = await checkInput({ bytes: new TextEncoder().encode(text), fileName: file }, { timing: false, fixes: false, determinism: false });
    expect(failures).toEqual([]);
  });

  it('snaps offsets off CRLF pairs and surrogate pairs', () => {
    const text = 'a\r\nb😀c';
    expect(snapRange(text, { start: 2, end: 2 })).toEqual({ start: 3, end: 3 });
    expect(snapRange(text, { start: 0, end: 2 })).toEqual({ start: 0, end: 3 });
    expect(snapRange(text, { start: 5, end: 5 })).toEqual({ start: 4, end: 6 });
    const range = { start: 1, end: 3 };
    expect(snapRange(text, range)).toBe(range);
  });

  it('offers fixes whose edits stay on character boundaries, and that keep every CRLF and surrogate pair whole', async () => {
    // Seed 003 (broken totals, each with its fix) with CRLF line ends and an astral character closing every prose line.
    const seed = readFileSync(path.join(dir, '003_136fd1d98cf7f7a0.txt'), 'utf8');
    const text = seed
      .split('\n')
      .map((line) => (line.startsWith('\t') || line.trim() === '' ? line : `${line}𠀀`))
      .join('\r\n');
    const check = (t: string) => checkReport({ bytes: new TextEncoder().encode(t), fileName: 'r.txt' });
    const result = await check(text);
    const fixable = result.diagnostics.filter((d) => d.suggestions.length > 0);
    expect(fixable.some((d) => d.code === 'arithmetic/equation')).toBe(true);
    const whole = (t: string): boolean => !/\r(?!\n)|(?<!\r)\n|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u.test(t);
    expect(whole(text)).toBe(true);
    for (const finding of fixable) {
      for (const suggestion of finding.suggestions) {
        for (const edit of suggestion.edits) {
          for (const offset of [edit.range.start, edit.range.end]) {
            expect(text.slice(offset - 1, offset + 1)).not.toBe('\r\n');
            expect(/[\ud800-\udbff][\udc00-\udfff]/u.test(text.slice(offset - 1, offset + 1))).toBe(false);
          }
        }
        const fixed = applyEdits(text, suggestion.edits);
        expect(whole(fixed)).toBe(true);
        const after = await check(fixed);
        expect(after.diagnostics.some((d) => d.code === finding.code && d.rule === finding.rule && d.message === finding.message)).toBe(false);
      }
    }
  });
});
