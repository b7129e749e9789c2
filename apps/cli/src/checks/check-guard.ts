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

/** What {@link runUnderOneWatchdog} ran: the results of the stages that ended, and why it stopped. */
export interface WatchedStages<T> {
  /** The results of the stages that ran to their end, in order (stage `i` gave `results[i]`). */
  results: T[];
  /**
   * Why no further stage ran: `done` (all ran), `declined` (stage `results.length` returned undefined: it
   * must run otherwise), `interrupted` (stage `results.length` ran past the limit and was stopped) or
   * `paused` (the time to start stages under this watchdog was up: run the rest under another).
   */
  stop: 'done' | 'declined' | 'interrupted' | 'paused';
}

/**
 * Runs stages `0, 1, …, count - 1` one after another on this thread under one watchdog, until one
 * declines (returns undefined) or runs past `limitMs`, when V8 stops it (as {@link interruptingGuard}
 * does for one stage). Stages start only within the first `startWithinMs` and the watchdog allows
 * `limitMs + startWithinMs`, so every stage has at least `limitMs` before it is stopped. One watchdog for
 * the stages of a second costs what {@link interruptingGuard} pays per stage (0.3 ms of CPU and 1.3 ms of
 * wall time on the project's machines: a sixth of a batch of reports checked on one thread). A stage must
 * not have effects that an interruption could leave half done (write its output after the call).
 */
export function runUnderOneWatchdog<T>(count: number, stage: (i: number) => T | undefined, limitMs: number, startWithinMs = 1000): WatchedStages<T> {
  const results: T[] = [];
  let started = -1;
  let declined = false;
  const clock = process.hrtime;
  const run = () => {
    const since = clock();
    for (let i = 0; i < count; i++) {
      if (i > 0) {
        const [seconds, nanoseconds] = clock(since);
        if (seconds * 1000 + nanoseconds / 1e6 >= startWithinMs) return;
      }
      started = i;
      const result = stage(i);
      if (result === undefined) {
        declined = true;
        return;
      }
      results.push(result);
    }
  };
  try {
    interruptingGuard(limitMs + startWithinMs).run(run);
  } catch (error) {
    if (!(error instanceof CheckInterrupted)) throw error;
    // Stopped between two stages (the last one had ended): nothing was cut short.
    return { results, stop: started === results.length ? 'interrupted' : 'paused' };
  }
  if (declined) return { results, stop: 'declined' };
  return { results, stop: results.length === count ? 'done' : 'paused' };
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
