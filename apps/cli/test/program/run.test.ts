import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, seedPath } from '../helpers/run-cli.js';
import { run } from '../../src/program/run.js';
import { memoryIo } from '../helpers/memory-io.js';

describe('run', () => {
  it('prints help and the version with exit 0', async () => {
    const help = memoryIo();
    expect(await run(['--help'], help)).toBe(0);
    expect(help.out()).toContain('validate');
    expect(help.out()).toContain('extract');
    const version = memoryIo();
    expect(await run(['--version'], version)).toBe(0);
    expect(version.out().trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 with one line for usage errors', async () => {
    for (const argv of [['frobnicate'], ['validate'], ['validate', 'x.txt', '--format', 'xml'], ['new']]) {
      const io = memoryIo();
      expect(await run(argv, io), argv.join(' ')).toBe(2);
      expect(io.err().trim().split('\n'), argv.join(' ')).toHaveLength(1);
    }
  });

  it('refuses an empty operand (an unset shell variable) as no such file, not as the current folder', async () => {
    for (const argv of [['validate', ''], ['audit', ''], ['extract', '']]) {
      const io = memoryIo();
      expect(await run(argv, io), argv.join(' ')).toBe(2);
      expect(io.err().trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(io.err(), argv.join(' ')).toContain('找不到文件：""');
    }
  });

  it('refuses a time limit that is not a positive number of seconds, naming the option', async () => {
    const seed = path.join(repoRoot, seedPath(0));
    for (const value of ['0', '-1', 'abc', '']) {
      const io = memoryIo();
      expect(await run(['validate', seed, '--time-limit', value], io), value).toBe(2);
      expect(io.err().trim().split('\n'), value).toHaveLength(1);
      expect(io.err()).toContain('--time-limit');
      const audit = memoryIo();
      expect(await run(['audit', seed, '--time-limit', value], audit), value).toBe(2);
      expect(audit.err()).toContain('--time-limit');
    }
  });
});
