import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkClock, monotonicClock } from '../../src/validate/check-clock.js';

describe('the clock of check budgets', () => {
  it("reads Node's process.hrtime in milliseconds, and performance.now() where there is no process", () => {
    expect(monotonicClock({ process: { hrtime: { bigint: () => 2_500_000n } }, performance: { now: () => 99 } })()).toBe(2.5);
    expect(monotonicClock({ performance: { now: () => 99 } })()).toBe(99);
    expect(monotonicClock({ process: {}, performance: { now: () => 7 } })()).toBe(7);
  });

  it('is monotonic and in milliseconds', async () => {
    const first = checkClock();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const elapsed = checkClock() - first;
    expect(elapsed).toBeGreaterThanOrEqual(15);
    expect(elapsed).toBeLessThan(5000);
  });

  it("does not make Node's performance object (which loads perf_hooks)", () => {
    const module = fileURLToPath(new URL('../../src/validate/check-clock.ts', import.meta.url));
    const script = `const { checkClock } = await import(${JSON.stringify(module)});
      checkClock();
      process.stdout.write(JSON.stringify(process.moduleLoadList.some((m) => m === 'NativeModule perf_hooks')));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toBe(false);
  });
});
