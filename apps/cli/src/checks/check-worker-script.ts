import { readdirSync } from 'node:fs';
import type { Worker, WorkerOptions } from 'node:worker_threads';

/**
 * The argument worker threads are started with (their `process.argv[2]`): the launcher and `main` tell a
 * worker by it without loading node:worker_threads, which `--help` and `templates` do not need.
 */
export const checkWorkerArgument = '--nianbao-check-worker';

/** Young-generation size of each worker thread, in MB (V8's default grows far larger under load). */
export const workerYoungGenerationMb = 48;

/** How every check worker is started: its `argv` (see {@link checkWorkerArgument}) and heap limits. */
export function checkWorkerOptions(): Pick<WorkerOptions, 'resourceLimits' | 'argv'> {
  // A small young generation: reports are checked one by one, and a big nursery only costs memory.
  return { resourceLimits: { maxYoungGenerationSizeMb: workerYoungGenerationMb }, argv: [checkWorkerArgument] };
}

let script = new URL('./check-worker.js', import.meta.url);

/** The module the worker threads of `--jobs N` start from: by default the check-worker module beside this one. */
export function checkWorkerScript(): URL {
  return script;
}

/**
 * Makes the worker threads of later runs start from `entry` instead: the bundled CLI is one file, and its
 * launcher serves checks when it runs off the main thread. (A module of its own, so that setting it does
 * not load the checks and the core.)
 */
export function setCheckWorkerScript(entry: URL): void {
  script = entry;
}

/**
 * The number of jobs a command line asks for with `--jobs N` / `-j N` (also `--jobs=N`, `-jN`), before
 * it is parsed; undefined when it asks for none or for something that is not a whole number. Only used
 * to start workers early (see {@link startCheckWorkers}): the parsed option decides the run.
 */
export function requestedJobsOf(args: readonly string[]): number | undefined {
  let value: string | undefined;
  for (const [i, arg] of args.entries()) {
    if (arg === '--') break;
    if (arg === '--jobs' || arg === '-j') value = args[i + 1];
    else if (arg.startsWith('--jobs=')) value = arg.slice('--jobs='.length);
    else if (/^-j\d/.test(arg)) value = arg.slice(2);
  }
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** Whether a command line names `--jobs` / `-j` (before `--`), with any value or none. */
export function namesJobs(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--jobs' || arg === '-j' || arg.startsWith('--jobs=') || /^-j\d/.test(arg)) return true;
  }
  return false;
}

/** Entries per job the folders given must hold, at least, for the workers of `--jobs N` to start early (see `runFullCli`). */
export const earlyStartEntriesPerJob = 16;

/**
 * How many entries the arguments that name folders hold, at their top level (arguments that are not
 * folders — files, globs, option values — count nothing).
 */
export function folderEntriesOf(args: readonly string[]): number {
  let entries = 0;
  for (const arg of args) {
    if (arg.startsWith('-')) continue;
    try {
      entries += readdirSync(arg).length;
    } catch {
      // not a folder
    }
  }
  return entries;
}

/**
 * Starts `count` check workers from `entry` now, before the command line is loaded and its inputs
 * listed, so that their start-up overlaps that of the main thread. They start without settings and
 * wait: a pool that takes one (see {@link StartedCheckWorkers.take}) sends them first. Until then they do
 * not keep the process alive (unref'd), and one that fails to start is dropped.
 */
export function startCheckWorkers(entry: URL, count: number): StartedCheckWorkers {
  const started = new StartedCheckWorkers();
  if (count <= 0) return started;
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  for (let i = 0; i < count; i++) started.add(new Worker(entry, checkWorkerOptions()));
  return started;
}

let early: StartedCheckWorkers | undefined;

/** Hands the workers started before the command line was loaded (see `runFullCli`) to the run that uses them. */
export function setStartedCheckWorkers(workers: StartedCheckWorkers | undefined): void {
  early = workers;
}

/** The workers started before the command line was loaded, if any (see {@link setStartedCheckWorkers}). */
export function startedCheckWorkers(): StartedCheckWorkers | undefined {
  return early;
}

/** Check workers started before their run (see {@link startCheckWorkers}), waiting for a pool to take them. */
export class StartedCheckWorkers {
  private readonly waiting: Worker[] = [];

  /** Keeps `worker` until it is taken; a worker that ends meanwhile (it could not start) is forgotten. */
  add(worker: Worker): void {
    worker.unref();
    const drop = () => {
      const at = this.waiting.indexOf(worker);
      if (at >= 0) this.waiting.splice(at, 1);
    };
    worker.once('error', drop);
    worker.once('exit', drop);
    this.waiting.push(worker);
  }

  /** A waiting worker, now the caller's (it keeps the process alive again), or undefined when none is left. */
  take(): Worker | undefined {
    const worker = this.waiting.shift();
    worker?.ref();
    return worker;
  }

  /** How many workers wait. */
  get size(): number {
    return this.waiting.length;
  }

  /** Stops the workers nobody took (the run needed fewer). */
  stop(): void {
    for (const worker of this.waiting.splice(0)) void worker.terminate();
  }
}
