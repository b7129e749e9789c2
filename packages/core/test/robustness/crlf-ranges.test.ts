import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInput } from '../../fuzz/fuzz-properties.ts';
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
});
