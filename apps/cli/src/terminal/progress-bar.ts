/** Where a progress bar draws: a terminal stream. */
export interface ProgressTarget {
  write(text: string): unknown;
  columns?: number;
}

/** A one-line progress bar redrawn in place with `\r`, at most every `intervalMs`. */
export class ProgressBar {
  private done = 0;
  private lastDraw = 0;
  private drawn = false;
  private held = false;

  /**
   * @param target the terminal (stderr)
   * @param total the number of steps
   * @param intervalMs the least time between two redraws
   * @param now the clock (injectable for tests)
   */
  constructor(
    private readonly target: ProgressTarget,
    private readonly total: number,
    private readonly intervalMs = 100,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one step done; redraws when enough time passed or when finished, unless held (see {@link hold}). */
  tick(): void {
    this.done++;
    if (this.held) return;
    const time = this.now();
    if (this.done >= this.total || time - this.lastDraw >= this.intervalMs) {
      this.lastDraw = time;
      this.draw();
    }
  }

  /**
   * Holds the bar back (not drawn) while other output on the same terminal has a line still open, which a
   * redraw (`\r`) would overwrite; released, it is drawn again at the next tick that is due.
   */
  hold(held: boolean): void {
    this.held = held;
  }

  /** Erases the bar so that later output starts on a clean line. */
  clear(): void {
    if (!this.drawn) return;
    this.target.write('\r\x1b[2K');
    this.drawn = false;
  }

  private draw(): void {
    const counter = ` ${this.done}/${this.total}`;
    const percent = this.total === 0 ? 100 : Math.floor((this.done / this.total) * 100);
    const room = Math.max(10, Math.min(40, (this.target.columns ?? 80) - counter.length - 8));
    const filled = this.total === 0 ? room : Math.round((this.done / this.total) * room);
    // ASCII only: block characters are East Asian "ambiguous" and double width in Chinese terminals.
    const bar = '#'.repeat(filled) + '-'.repeat(room - filled);
    this.target.write(`\r[${bar}] ${String(percent).padStart(3)}%${counter}`);
    this.drawn = true;
  }
}
