import vm from 'node:vm';
import { DEFAULT_CHECK_BUDGET_MS } from '@nianbao/core';
import type { JobClock } from './job-clock.js';

/**
 * The hard time limit of a report's check. The core keeps its own budget (`budgetMs`) by looking at the
 * clock between steps; a stage that never returns (a loop inside one step) never looks. Each synchronous
 * stage of a check — reading the bytes, checking the text, each re-check of `--fix` — runs under a guard
 * that stops it past {@link interruptAfterMs}: on the main thread V8 interrupts it; in a pool worker the
 * main thread terminates the worker (see `OrderedWorkerPool`).
 */
export interface CheckGuard {
  /** Runs one synchronous stage; throws {@link CheckInterrupted} when the stage ran past the limit. */
  run<T>(stage: () => T): T;
  /**
   * Runs two synchronous stages one after the other, the second given what the first returned: each within
   * the limit, or (where guarding a stage has a cost of its own) both within it. For a report's reading and
   * its check: the limit lies beyond the check's budget by a quarter of it (at least 1 s), and reading a
   * report is a small part of a check.
   */
  runTwo<A, B>(first: () => A, second: (first: A) => B): B;
}

/** A check stopped at the hard time limit. */
export class CheckInterrupted extends Error {
  /** @param limitMs the limit it ran past */
  constructor(readonly limitMs: number) {
    super(`check interrupted after ${limitMs} ms`);
    this.name = 'CheckInterrupted';
  }
}

/**
 * The hard limit for a core budget of `budgetMs`: beyond the budget by a quarter of it (at least a
 * second), so that a check that keeps its budget is never interrupted, only one stuck in a stage.
 */
export function interruptAfterMs(budgetMs = DEFAULT_CHECK_BUDGET_MS): number {
  return Math.ceil(budgetMs + Math.max(1000, budgetMs / 4));
}

/** Where the script of {@link interruptingGuard} finds the stage to run (a global slot, empty between stages). */
const stageSlot = Symbol.for('nianbao.check-stage');
let script: vm.Script | undefined;

/**
 * A guard for the main thread: each stage runs from a script with a timeout (node:vm), which V8 stops
 * wherever it is, inside a regular expression too. Each call starts and ends a watchdog thread: about
 * 0.3 ms of CPU and 1.3 ms of wall time on the project's machines, a quarter of a batch's time on one
 * thread when a report's reading and its check were two stages; `runTwo` runs both under one watchdog.
 */
export function interruptingGuard(limitMs: number): CheckGuard {
  const within = <T>(stage: () => T, timeoutMs: number): T => {
    script ??= new vm.Script('globalThis[Symbol.for("nianbao.check-stage")]()');
    const slots = globalThis as unknown as Record<symbol, (() => T) | undefined>;
    slots[stageSlot] = stage;
    try {
      return script.runInThisContext({ timeout: timeoutMs }) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException | undefined)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new CheckInterrupted(timeoutMs);
      throw error;
    } finally {
      delete slots[stageSlot];
    }
  };
  return {
    run: (stage) => within(stage, limitMs),
    runTwo: (first, second) => within(() => second(first()), limitMs),
  };
}

/**
 * A guard for a pool worker: each stage restarts the job's clock, and the main thread, watching the
 * clock, terminates the worker when a stage runs past the limit.
 */
export function clockGuard(clock: JobClock): CheckGuard {
  const run = <T>(stage: () => T): T => {
    clock.lap();
    return stage();
  };
  return { run, runTwo: (first, second) => run(() => second(run(first))) };
}
