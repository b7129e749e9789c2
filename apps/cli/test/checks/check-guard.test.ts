import { ReadError } from '@nianbao/core';
import { describe, expect, it } from 'vitest';
import { CheckInterrupted, clockGuard, interruptAfterMs, interruptingGuard, runUnderOneWatchdog } from '../../src/checks/check-guard.js';
import { failureMessage } from '../../src/checks/check-file.js';
import { createClockMemory, JobClock, readClock } from '../../src/checks/job-clock.js';

/** CPU time of this thread in milliseconds. */
function cpuMs(): number {
  const usage = process.threadCpuUsage();
  return (usage.user + usage.system) / 1000;
}

describe('the hard time limit of a check', () => {
  it('interrupts a stage that never returns, on this thread', () => {
    const started = cpuMs();
    let caught: unknown;
    try {
      interruptingGuard(200).run(() => {
        for (;;) {
          // a stage stuck in a loop
        }
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CheckInterrupted);
    expect((caught as CheckInterrupted).limitMs).toBe(200);
    // Stopped near the limit (it counts the clock, which on a loaded machine runs ahead of the CPU).
    expect(cpuMs() - started).toBeLessThan(2000);
  });

  it('interrupts a regular expression that backtracks catastrophically', () => {
    expect(() => interruptingGuard(200).run(() => /^(?:a+)+b$/.test('a'.repeat(40)))).toThrow(CheckInterrupted);
  });

  it('passes results and errors of a stage through unchanged, and keeps working after an interruption', () => {
    const guard = interruptingGuard(1000);
    expect(guard.run(() => 42)).toBe(42);
    const refusal = new ReadError('empty');
    expect(() => guard.run(() => {
      throw refusal;
    })).toThrow(refusal);
    const promise = Promise.resolve('read');
    expect(guard.run(() => promise)).toBe(promise);
  });

  it('runs a reading and a check as two stages under one watchdog, within the limit', () => {
    const guard = interruptingGuard(200);
    expect(guard.runTwo(() => 20, (read) => read + 1)).toBe(21);
    let caught: unknown;
    try {
      guard.runTwo(
        () => 'read',
        () => {
          for (;;) {
            // a check stuck in a loop
          }
        },
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CheckInterrupted);
    expect((caught as CheckInterrupted).limitMs).toBe(200);
    const refusal = new ReadError('empty');
    const never = () => {
      throw new Error('the second stage runs after a first that threw');
    };
    expect(() => guard.runTwo(() => {
      throw refusal;
    }, never)).toThrow(refusal);
  });

  it('one watchdog costs less than two: a batch checked on this thread pays one per report', () => {
    const guard = interruptingGuard(10_000);
    const timed = (each: () => void) => {
      const started = cpuMs();
      for (let i = 0; i < 100; i++) each();
      return cpuMs() - started;
    };
    const two = timed(() => guard.run(() => guard.run(() => 1)));
    const one = timed(() => guard.runTwo(() => 1, (x) => x));
    expect(one).toBeLessThan(two);
  });

  it('lies beyond the core budget: a check that keeps its budget is never interrupted', () => {
    expect(interruptAfterMs()).toBe(75_000);
    expect(interruptAfterMs(1000)).toBe(2000);
    expect(interruptAfterMs(0)).toBe(1000);
  });

  it('says which file was stopped and after how long, in both languages', () => {
    const stopped = new CheckInterrupted(75_000);
    expect(failureMessage(stopped, 'a.txt', 'zh-CN')).toBe('a.txt：检查超过 75 秒仍未结束，已中止，此文件未作检查；请检查文件是否有异常内容，或反馈此文件');
    expect(failureMessage(stopped, 'a.txt', 'en')).toBe(
      'a.txt: the check had not finished after 75 s and was stopped; this file was not checked (look for unusual content, or report this file)',
    );
  });

  it('in a pool worker, restarts the job clock the main thread watches at each stage', () => {
    const memory = createClockMemory();
    const clock = new JobClock(memory);
    expect(readClock(memory)).toBeUndefined();
    clock.start(7, 3);
    const reading = readClock(memory, Date.now() + 5000)!;
    expect(reading).toMatchObject({ batch: 7, position: 3 });
    expect(reading.elapsedMs).toBeGreaterThanOrEqual(5000);
    expect(clockGuard(clock).run(() => 'checked')).toBe('checked');
    expect(clockGuard(clock).runTwo(() => 'read', (read) => `${read}, checked`)).toBe('read, checked');
    expect(readClock(memory, Date.now())!.elapsedMs).toBeLessThan(1000);
    clock.stop();
    expect(readClock(memory)).toBeUndefined();
  });
});

describe('stages under one watchdog (a batch of reports on this thread)', () => {
  it('runs the stages in order until one declines', () => {
    expect(runUnderOneWatchdog(3, (i) => i * 2, 1000)).toEqual({ results: [0, 2, 4], stop: 'done' });
    expect(runUnderOneWatchdog(5, (i) => (i < 3 ? `r${i}` : undefined), 1000)).toEqual({ results: ['r0', 'r1', 'r2'], stop: 'declined' });
    expect(runUnderOneWatchdog(0, (i) => i, 1000)).toEqual({ results: [], stop: 'done' });
  });

  it('stops a stuck stage past the limit and keeps the results of those before it', () => {
    const started = cpuMs();
    const run = runUnderOneWatchdog(
      5,
      (i) => {
        if (i === 2) {
          for (;;) {
            // a check stuck in a loop
          }
        }
        return i;
      },
      200,
      100,
    );
    expect(run).toEqual({ results: [0, 1], stop: 'interrupted' });
    expect(cpuMs() - started).toBeLessThan(2000);
    // The thread goes on checking afterwards.
    expect(runUnderOneWatchdog(2, (i) => i, 200, 100)).toEqual({ results: [0, 1], stop: 'done' });
  });

  it('starts stages only within its start time, so that each has the whole limit', () => {
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        // a slow report
      }
    };
    const run = runUnderOneWatchdog(
      20,
      (i) => {
        busy(30);
        return i;
      },
      5000,
      50,
    );
    expect(run.stop).toBe('paused');
    expect(run.results.length).toBeGreaterThanOrEqual(1);
    expect(run.results.length).toBeLessThanOrEqual(3);
    // A first stage always runs, however long the others took.
    expect(runUnderOneWatchdog(2, (i) => i, 5000, 0)).toEqual({ results: [0], stop: 'paused' });
  });

  it('lets errors other than the interruption through', () => {
    const broken = new Error('broken');
    expect(() =>
      runUnderOneWatchdog(
        2,
        () => {
          throw broken;
        },
        1000,
      ),
    ).toThrow(broken);
  });

  it('costs less than a watchdog per stage', () => {
    const guard = interruptingGuard(10_000);
    const timed = (each: () => void) => {
      const started = cpuMs();
      each();
      return cpuMs() - started;
    };
    const perStage = timed(() => {
      for (let i = 0; i < 200; i++) guard.run(() => i);
    });
    const once = timed(() => runUnderOneWatchdog(200, (i) => i, 10_000));
    expect(once).toBeLessThan(perStage);
  });
});
