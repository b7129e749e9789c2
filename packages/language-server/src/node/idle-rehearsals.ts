// Rehearsals of an edit's check while the check worker is idle.
//
// V8 compiles a function well only once it has run many times: the first checks after an open are two to
// five times slower than the same checks later (50 KB: 25–50 ms for the first few edits, 4–8 ms once
// warm), which is what the user typing into a report they just opened waits for. So, once the worker has
// been idle a moment after a check, it rehearses edits of the buffer it checked last (a number typed over
// in one of its table cells, checked as the user's edit would be and thrown away), a few times in the
// worker's life, one at a time: a job that arrives meanwhile waits for one rehearsal at most.
//
// The collection that gives the worker's memory back after 10 s idle (`idle-collection.ts`, V8's
// last-resort kind) also clears the object shapes no live object has, and V8 throws away the optimized
// code built on them (about thirty functions, the prose matcher and the cell code among them; seen with
// `--trace-deopt`, reason "embedded weak objects cleared"): the first two or three edits after such a
// pause took 20–30 ms instead of 6–12 for a 50 KB report. So a few rehearsals follow each collection,
// outside the budget (`afterCollection`). They take back a little of what the collection gave: the young
// generation they fill (about 8 MB of the worker's 12, which the first edit would fill anyway), not the old
// generation the checks grew (the resident set of the server with 20 reports open, settled: about 121 →
// 126 MB). They do not take it all back: the first edit after the collection still took 7–8 ms of the
// worker's time instead of 4 (twelve rehearsals did no better), which is why the collection waits until
// the worker has been idle 10 s, longer than a pause to read the findings.

/** How many rehearsals, and how much time, the worker's rehearsals may take. */
export interface RehearsalBudget {
  count: number;
  ms: number;
}

/**
 * Runs `rehearse(n)` (true when it rehearsed) once the thread has been idle `idleMs` after a job, one
 * rehearsal per turn of the event loop, until the round's budget is spent or there is nothing to rehearse
 * on (then the budget is kept for later); the next job interrupts the round, which goes on once the
 * thread is idle again, until `budget` is spent. Time is read from `now`. The timers do not keep the
 * thread alive.
 */
export class IdleRehearsals {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private immediate: ReturnType<typeof setImmediate> | undefined;
  private left: RehearsalBudget;
  private next = 0;
  /** Rehearsals owed to the collection that just ran (see {@link afterCollection}), outside the budget. */
  private owed = 0;

  constructor(
    private readonly rehearse: (n: number) => boolean,
    private readonly idleMs: number,
    budget: RehearsalBudget,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.left = { ...budget };
  }

  /** A job is about to run: the rehearsal waiting for the thread to be idle waits again. */
  interrupt(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.immediate !== undefined) clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
  }

  /**
   * The heap was just collected the way that drops compiled code (`idle-collection.ts`): `count`
   * rehearsals run now, one per turn of the event loop, outside the budget, so that the first edits
   * after the pause find the code compiled again. The next job cancels those not yet run (it compiles
   * the code itself).
   */
  afterCollection(count: number): void {
    this.interrupt();
    this.owed = count;
    if (count > 0) this.schedule();
  }

  /** A job ran: the round goes on once the thread has been idle `idleMs`. */
  worked(): void {
    this.interrupt();
    this.owed = 0;
    if (this.left.count <= 0 || this.left.ms <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.step();
    }, this.idleMs);
    this.timer.unref?.();
  }

  private step(): void {
    const started = this.now();
    let rehearsed = false;
    try {
      rehearsed = this.rehearse(this.next);
    } catch {
      // A rehearsal that fails changes nothing a check depends on; the round ends.
    }
    // Nothing to rehearse on (no report checked yet): the round ends with its budget kept.
    if (!rehearsed) {
      this.owed = 0;
      return;
    }
    this.next++;
    if (this.owed > 0) {
      this.owed -= 1;
      if (this.owed > 0) this.schedule();
      return;
    }
    this.left.count -= 1;
    this.left.ms -= this.now() - started;
    if (this.left.count <= 0 || this.left.ms <= 0) return;
    this.schedule();
  }

  private schedule(): void {
    this.immediate = setImmediate(() => {
      this.immediate = undefined;
      this.step();
    });
    this.immediate.unref?.();
  }
}
