import { availableParallelism } from 'node:os';

// How many check workers a run takes without `--jobs`.
//
// A worker is dear to start: Node's start-up in a new thread, the command line loaded, then V8 compiling and
// tiering up the engine's functions all over again, as the main thread does. Measured on the project's
// 2-core machines (2026-12-06, the bench's mix, CPU of the whole process): two files on two workers 0.73–0.77
// s against 0.27–0.28 s on the main thread, wall 0.51–0.55 against 0.27 s. Where the workers take every
// core, the main thread (loading the command line, listing and dispatching the files, writing the output)
// shares a core with one of them, and the run gains only once each worker has many files. The old default
// (one worker per core from 8 files on) made a 2-core run slower than `--jobs 1` up to about 200 files, wall
// time, means of 3–4 interleaved runs: 8 files 0.61 against 0.39 s, 16 files 0.70 / 0.50, 32 files 0.74 /
// 0.64, 64 files 0.85 / 0.78, 128 files 1.03 / 0.98, 192 files 1.12 / 1.10; at 256 files as often ahead as
// behind (three sets of 3–5 runs within half an hour: 1.22 / 1.24, 1.48 / 1.24, 1.33 / 1.40 s), ahead from 384
// (1.39 / 1.48 and 1.48 / 1.92 s) and 512 files (1.51 / 1.68 and 1.64 / 2.18 s), at about 1 s more CPU each
// time. Between 256 and 384 files, where two workers on two cores win no time, the run keeps the CPU.
// Where a core is left for the main thread (three cores or more), a worker's start-up runs beside it and
// pays for itself after a few dozen reports: that case is reasoned from the figures above, not measured
// (the project has no machine of more than two cores).

/** Files per worker, at least, when the workers leave a core to the main thread. */
export const filesPerWorker = 16;

/** Files per worker, at least, for workers on every core (the main thread sharing one with them). */
export const filesPerWorkerOnEveryCore = 192;

/**
 * The number of jobs of a run of `files` files: `requested` (`--jobs N`) when given, at most one per file;
 * otherwise as many workers as pay for their start-up (see the header comment) — one per core when each
 * has at least {@link filesPerWorkerOnEveryCore} files, else up to one fewer than the cores with at least
 * {@link filesPerWorker} files each — and 1 (the main thread checks, no worker) when that is fewer than two:
 * one worker would only move the checks off the main thread.
 * @param cores the machine's (default `availableParallelism()`)
 */
export function defaultJobs(files: number, requested?: number, cores: number = availableParallelism()): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, files));
  const everyCore = Math.floor(files / filesPerWorkerOnEveryCore) >= cores ? cores : 0;
  const besideMain = Math.min(cores - 1, Math.floor(files / filesPerWorker));
  const workers = Math.max(everyCore, besideMain);
  return workers >= 2 ? workers : 1;
}
