import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { oldGenerationGrowthPercent, sizeOldGeneration, workerInitialOldGenerationMb } from '../../src/program/old-generation.js';

describe('old generation of a process that checks reports', () => {
  it('grows more, and starts larger on the workers, unless Node was given a flag that sizes the heap', () => {
    const set: string[] = [];
    expect(sizeOldGeneration([], (flags) => set.push(flags))).toBe(true);
    expect(set).toEqual([`--heap-growing-percent=${oldGenerationGrowthPercent}`, `--initial-old-space-size=${workerInitialOldGenerationMb}`]);
    expect(sizeOldGeneration(['--max-old-space-size=512'], (flags) => set.push(flags))).toBe(false);
    expect(sizeOldGeneration(['--initial_old_space_size=16'], (flags) => set.push(flags))).toBe(false);
    expect(sizeOldGeneration(['--max-heap-size=256'], (flags) => set.push(flags))).toBe(false);
    expect(sizeOldGeneration(['--heap-growing-percent=50'], (flags) => set.push(flags))).toBe(false);
    expect(set).toHaveLength(2);
  });

  it('keeps the defaults when V8 refuses the flag', () => {
    expect(
      sizeOldGeneration([], () => {
        throw new Error('refused');
      }),
    ).toBe(false);
  });

  it('sets flags this V8 knows (an unknown one is reported on stderr)', () => {
    const module = fileURLToPath(new URL('../../src/program/old-generation.ts', import.meta.url));
    const script = `const { sizeOldGeneration } = await import(${JSON.stringify(module)});
      process.stdout.write(JSON.stringify(sizeOldGeneration([])));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toBe(true);
  });

  it('takes effect on the workers started afterwards: a worker keeping about 25 MB is not collected in full', () => {
    const module = fileURLToPath(new URL('../../src/program/old-generation.ts', import.meta.url));
    // A worker keeps objects alive until its old generation holds about 25 MB, past V8's first limit (a
    // worker made without the flag collects at 100,000 objects already) but well below 64 MB (V8 starts
    // marking before the limit: with 300,000 objects, 47 MB, a sized worker was sometimes collected), and
    // reports whether a full collection (mark-compact) ran meanwhile (V8's GC performance entries).
    const worker = (waitForOne: boolean) => `const { PerformanceObserver, constants } = process.getBuiltinModule('node:perf_hooks');
      let full = 0;
      const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) full++; });
      observer.observe({ entryTypes: ['gc'] });
      const kept = [];
      for (let i = 0; i < 150000; i++) kept.push({ i, s: 'x' + i, a: [i, i] });
      // A full collection V8 started while the objects were made ends on its helper threads: on a loaded
      // machine after the 50 ms waited for the sized worker (whose answer is none). The worker made without
      // the flag waits up to 3 s for one to end (V8's memory reducer, which would start one of its own
      // after an idle spell, waits longer).
      const started = Date.now();
      const report = () => {
        if (full === 0 && ${waitForOne} && Date.now() - started < 3000) return void setTimeout(report, 10);
        process.getBuiltinModule('node:worker_threads').parentPort.postMessage({ full, kept: kept.length });
      };
      setTimeout(report, 50);`;
    const script = (sized: boolean) => `const { Worker } = await import('node:worker_threads');
      const { sizeOldGeneration } = await import(${JSON.stringify(module)});
      ${sized ? 'sizeOldGeneration([]);' : ''}
      const w = new Worker(${JSON.stringify(worker(!sized))}, { eval: true });
      w.on('message', (m) => { process.stdout.write(JSON.stringify(m)); void w.terminate(); });`;
    const fullCollections = (sized: boolean) => {
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script(sized)], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      return (JSON.parse(run.stdout) as { full: number }).full;
    };
    expect(fullCollections(false)).toBeGreaterThan(0);
    expect(fullCollections(true)).toBe(0);
  });
});
