import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markOldGenerationAtOnce } from '../../src/program/atomic-marking.js';

describe('marking of the old generation of a process that checks reports', () => {
  it('sets V8 flag --no-incremental-marking, unless Node was given a flag that chooses', () => {
    const set: string[] = [];
    expect(markOldGenerationAtOnce([], (flags) => set.push(flags))).toBe(true);
    expect(set).toEqual(['--no-incremental-marking']);
    expect(markOldGenerationAtOnce(['--incremental-marking'], (flags) => set.push(flags))).toBe(false);
    expect(markOldGenerationAtOnce(['--no-incremental_marking'], (flags) => set.push(flags))).toBe(false);
    expect(markOldGenerationAtOnce(['--incremental-marking=true'], (flags) => set.push(flags))).toBe(false);
    expect(set).toHaveLength(1);
  });

  it('is set when Node was only given flags that tune incremental marking', () => {
    const set: string[] = [];
    expect(markOldGenerationAtOnce(['--incremental-marking-soft-trigger=50', '--max-old-space-size=512'], (flags) => set.push(flags))).toBe(true);
    expect(set).toEqual(['--no-incremental-marking']);
  });

  it('keeps the defaults when V8 refuses the flag', () => {
    expect(
      markOldGenerationAtOnce([], () => {
        throw new Error('refused');
      }),
    ).toBe(false);
  });

  it('takes effect in a running Node process: its full collections are no longer preceded by marking steps', () => {
    const module = fileURLToPath(new URL('../../src/program/atomic-marking.ts', import.meta.url));
    // Keeps and drops objects until V8 collects the old generation in full; V8's trace of a collection that
    // incremental marking prepared tells the steps taken "since start of marking".
    const script = (atOnce: boolean) => `const { markOldGenerationAtOnce } = await import(${JSON.stringify(module)});
      ${atOnce ? 'markOldGenerationAtOnce([]);' : ''}
      let kept = [];
      for (let round = 0; round < 6; round++) {
        for (let i = 0; i < 200000; i++) kept.push({ i, s: 'x' + i });
        kept = kept.slice(100000);
      }`;
    const fullCollections = (atOnce: boolean) => {
      const run = spawnSync(process.execPath, ['--trace-gc', '--input-type=module', '-e', script(atOnce)], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      return run.stdout.split('\n').filter((line) => line.includes('Mark-Compact'));
    };
    const stepped = fullCollections(false);
    expect(stepped.length).toBeGreaterThan(0);
    expect(stepped.some((line) => line.includes('since start of marking'))).toBe(true);
    const atOnce = fullCollections(true);
    expect(atOnce.length).toBeGreaterThan(0);
    expect(atOnce.filter((line) => line.includes('since start of marking'))).toEqual([]);
  });
});
