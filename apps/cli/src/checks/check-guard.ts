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
 * wherever it is, inside a regular expression too. Costs about 0.2 ms per stage (a watchdog thread).
 */
export function interruptingGuard(limitMs: number): CheckGuard {
  return {
    run<T>(stage: () => T): T {
      script ??= new vm.Script('globalThis[Symbol.for("nianbao.check-stage")]()');
      const slots = globalThis as unknown as Record<symbol, (() => T) | undefined>;
      slots[stageSlot] = stage;
      try {
        return script.runInThisContext({ timeout: limitMs }) as T;
      } catch (error) {
        if ((error as NodeJS.ErrnoException | undefined)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new CheckInterrupted(limitMs);
        throw error;
      } finally {
        delete slots[stageSlot];
      }
    },
  };
}

/**
 * A guard for a pool worker: each stage restarts the job's clock, and the main thread, watching the
 * clock, terminates the worker when a stage runs past the limit.
 */
export function clockGuard(clock: JobClock): CheckGuard {
  return {
    run<T>(stage: () => T): T {
      clock.lap();
      return stage();
    },
  };
}
