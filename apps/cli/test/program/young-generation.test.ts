import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keepYoungGenerationSmall, runSemiSpaceMb, smallRunFiles, stopYoungGenerationAtRunSize, youngGenerationForRun, youngGenerationForWorkers } from '../../src/program/young-generation.js';

const refuse = () => {
  throw new Error('refused');
};

describe('young generation of a process that checks reports', () => {
  it('is kept at its first size, unless Node was given a flag that sizes it', () => {
    const set: string[] = [];
    expect(keepYoungGenerationSmall([], (flags) => set.push(flags))).toBe(true);
    expect(set).toEqual(['--semi-space-growth-factor=1']);
    expect(keepYoungGenerationSmall(['--max-semi-space-size=64'], (flags) => set.push(flags))).toBe(false);
    expect(keepYoungGenerationSmall(['--semi_space_growth_factor=4'], (flags) => set.push(flags))).toBe(false);
    expect(set).toHaveLength(1);
    expect(keepYoungGenerationSmall([], refuse)).toBe(false);
  });

  it('grows again for a run of many files only', () => {
    const set: string[] = [];
    expect(youngGenerationForRun(1, [], (flags) => set.push(flags))).toBe(false);
    expect(youngGenerationForRun(smallRunFiles, [], (flags) => set.push(flags))).toBe(false);
    expect(youngGenerationForRun(smallRunFiles + 1, [], (flags) => set.push(flags))).toBe(true);
    expect(set).toEqual(['--semi-space-growth-factor=2']);
    expect(youngGenerationForRun(1000, ['--min-semi-space-size=8'], (flags) => set.push(flags))).toBe(false);
    expect(youngGenerationForRun(1000, [], refuse)).toBe(false);
  });

  it('grows again before check workers start, however few the files (their code cache is taken under the same flags)', () => {
    const set: string[] = [];
    expect(youngGenerationForWorkers([], (flags) => set.push(flags))).toBe(true);
    expect(set).toEqual(['--semi-space-growth-factor=2']);
    expect(youngGenerationForWorkers(['--semi-space-growth-factor=1'], (flags) => set.push(flags))).toBe(false);
    expect(set).toHaveLength(1);
    expect(youngGenerationForWorkers([], refuse)).toBe(false);
  });

  it('of a run that let it grow stops growing once its semi-spaces reach the run size, once', () => {
    const set: string[] = [];
    const record = (flags: string) => set.push(flags);
    const limit = 2 * runSemiSpaceMb * 1024 * 1024;
    expect(youngGenerationForRun(1000, [], record)).toBe(true);
    expect(stopYoungGenerationAtRunSize(() => limit - 1, record)).toBe(false);
    expect(stopYoungGenerationAtRunSize(() => limit, record)).toBe(true);
    expect(stopYoungGenerationAtRunSize(() => 4 * limit, record)).toBe(false);
    expect(set).toEqual(['--semi-space-growth-factor=2', '--semi-space-growth-factor=1']);
    // A run that did not let it grow (few files, or Node's own flag) leaves it alone.
    expect(youngGenerationForRun(1000, ['--max-semi-space-size=64'], record)).toBe(false);
    expect(stopYoungGenerationAtRunSize(() => 4 * limit, record)).toBe(false);
    expect(set).toHaveLength(2);
  });

  it('stops at the run size in a running Node process, where it would grow further', () => {
    const module = fileURLToPath(new URL('../../src/program/young-generation.ts', import.meta.url));
    // Objects kept alive make V8 grow the young generation; the largest size seen, with and without the stop.
    const script = (stop: boolean) => `const { getHeapSpaceStatistics } = await import('node:v8');
      const { keepYoungGenerationSmall, youngGenerationForRun, stopYoungGenerationAtRunSize } = await import(${JSON.stringify(module)});
      const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
      keepYoungGenerationSmall([]);
      youngGenerationForRun(1000, []);
      let largest = 0;
      for (let round = 0; round < 60; round++) {
        const kept = [];
        for (let i = 0; i < 100000; i++) kept.push({ i, s: 'x' + i });
        ${stop ? 'stopYoungGenerationAtRunSize();' : ''}
        largest = Math.max(largest, newSpace());
      }
      process.stdout.write(JSON.stringify({ largest }));`;
    const largest = (stop: boolean) => {
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script(stop)], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      return (JSON.parse(run.stdout) as { largest: number }).largest;
    };
    const limit = 2 * runSemiSpaceMb * 1024 * 1024;
    expect(largest(false)).toBeGreaterThan(limit);
    expect(largest(true)).toBeLessThanOrEqual(limit);
  });

  it('takes effect in a running Node process: the young generation stays small, and grows once a run is large', () => {
    const module = fileURLToPath(new URL('../../src/program/young-generation.ts', import.meta.url));
    // The size of the young generation after keeping 200,000 objects alive (they survive scavenges).
    const script = `const { getHeapSpaceStatistics } = await import('node:v8');
      const { keepYoungGenerationSmall, youngGenerationForRun } = await import(${JSON.stringify(module)});
      const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
      const keep = (kept) => { for (let i = 0; i < 200000; i++) kept.push({ i, s: 'x' + i }); return newSpace(); };
      const first = newSpace();
      keepYoungGenerationSmall([]);
      const small = keep([]);
      youngGenerationForRun(1000, []);
      const grown = keep([]);
      process.stdout.write(JSON.stringify({ first, small, grown }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const { first, small, grown } = JSON.parse(run.stdout) as { first: number; small: number; grown: number };
    expect(small).toBeLessThanOrEqual(2 * first);
    expect(grown).toBeGreaterThan(4 * small);
  });
});
