import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpillFile } from '../../src/audit/spill-file.js';

describe('spill file', () => {
  it('reads back each value by its reference, in any order, text with any characters included', () => {
    const spill = new SpillFile('test');
    try {
      const values = [
        { agency: '示例市第1局', text: '<script>alert(1)</script>\n第二行', surrogate: '𠀀𠀁' },
        { cells: Array.from({ length: 5000 }, (_, i) => ({ id: `t3.c${i}`, raw: String(i) })) },
        'a string',
        null,
      ];
      const refs = values.map((value) => spill.append(value));
      expect(refs[1].length).toBeGreaterThan(64 * 1024);
      for (const i of [3, 1, 0, 2, 1]) expect(spill.read(refs[i])).toEqual(values[i]);
    } finally {
      spill.dispose();
    }
  });

  it('refuses a reference past its end', () => {
    const spill = new SpillFile('test');
    try {
      const ref = spill.append({ a: 1 });
      expect(() => spill.read({ offset: ref.offset, length: ref.length + 100 })).toThrow(/spill file ended/u);
    } finally {
      spill.dispose();
    }
  });

  it.skipIf(process.platform === 'win32')('leaves nothing in the temporary directory, even before it is disposed', () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'nianbao-spill-test-'));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = temp;
    try {
      const spill = new SpillFile('test');
      expect(readdirSync(temp)).toEqual([]);
      const ref = spill.append({ agency: '示例市第1局' });
      expect(spill.read(ref)).toEqual({ agency: '示例市第1局' });
      spill.dispose();
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      rmSync(temp, { recursive: true, force: true });
    }
  });
});
