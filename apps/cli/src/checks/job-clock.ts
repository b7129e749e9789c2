/**
 * Which job a pool worker is running and since when, in memory shared with the main thread: the main
 * thread reads it to stop a worker stuck in one job (a stage looping synchronously answers no message),
 * at no cost to the jobs themselves (no message per job).
 */

/** Slots of a clock: the running batch's id + 1 (0 when idle), the job's place in it, the lap's start (ms since the epoch). */
const BATCH = 0;
const POSITION = 1;
const SINCE = 2;

/** What a worker's clock says: the job it runs and for how long its current lap has run. */
export interface ClockReading {
  batch: number;
  position: number;
  elapsedMs: number;
}

/** The worker's side: marks the job it starts, each new lap of it (a re-check), and the end of a batch. */
export class JobClock {
  private readonly slots: BigInt64Array;

  /** @param memory the clock's shared memory (from {@link createClockMemory}) */
  constructor(memory: SharedArrayBuffer) {
    this.slots = new BigInt64Array(memory);
  }

  /** The job at `position` of batch `batch` starts now. */
  start(batch: number, position: number): void {
    Atomics.store(this.slots, SINCE, BigInt(Date.now()));
    Atomics.store(this.slots, POSITION, BigInt(position));
    Atomics.store(this.slots, BATCH, BigInt(batch + 1));
  }

  /** The running job starts a new stage with a time limit of its own: its time counts from now. */
  lap(): void {
    Atomics.store(this.slots, SINCE, BigInt(Date.now()));
  }

  /** The worker runs no job. */
  stop(): void {
    Atomics.store(this.slots, BATCH, 0n);
  }
}

/** Shared memory for one worker's {@link JobClock}. */
export function createClockMemory(): SharedArrayBuffer {
  return new SharedArrayBuffer(3 * BigInt64Array.BYTES_PER_ELEMENT);
}

/** The main thread's side: what the clock in `memory` says now, or undefined when its worker is idle. */
export function readClock(memory: SharedArrayBuffer, now = Date.now()): ClockReading | undefined {
  const slots = new BigInt64Array(memory);
  const batch = Number(Atomics.load(slots, BATCH));
  if (batch === 0) return undefined;
  return {
    batch: batch - 1,
    position: Number(Atomics.load(slots, POSITION)),
    elapsedMs: now - Number(Atomics.load(slots, SINCE)),
  };
}
