import { readFile } from 'node:fs/promises';
import type { BaselineEntry } from '@nianbao/core';
import { acknowledgedFingerprints, BaselineError, parseBaseline, serializeBaseline } from '@nianbao/core/baseline';
import { writeAtomically } from '../fix/write-atomically.js';
import type { BaselineState } from '../format/sarif-formatter.js';

/**
 * The baseline of an audit run: which findings were acknowledged (read from `--baseline FILE`), and the
 * entries of a new baseline of every finding seen (written with `--update-baseline`).
 */
export class AuditBaseline {
  private readonly entries: BaselineEntry[] = [];
  acknowledgedCount = 0;

  private constructor(
    private readonly acknowledged: ReadonlySet<string> | undefined,
    /** Whether the entries of the run are kept for {@link write} (only then: they would fill memory). */
    private readonly recording: boolean,
  ) {}

  /** Reads the baseline file; a missing file is an empty baseline when it is about to be written. */
  static async load(file: string | undefined, updating: boolean): Promise<AuditBaseline> {
    if (!file) return new AuditBaseline(undefined, false);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (updating && (error as NodeJS.ErrnoException).code === 'ENOENT') return new AuditBaseline(new Set(), true);
      throw error;
    }
    return new AuditBaseline(acknowledgedFingerprints(parseBaseline(text)), updating);
  }

  /** Whether a baseline was given (SARIF then marks `baselineState`). */
  get active(): boolean {
    return this.acknowledged !== undefined;
  }

  /** The state of a finding, remembering it for an updated baseline. */
  classify(fingerprint: string, entry: Omit<BaselineEntry, 'fingerprint'>): BaselineState | undefined {
    if (this.recording) this.entries.push({ fingerprint, ...entry });
    if (!this.acknowledged) return undefined;
    if (this.acknowledged.has(fingerprint)) {
      this.acknowledgedCount++;
      return 'unchanged';
    }
    return 'new';
  }

  /** Writes every finding seen as the new baseline; returns how many. */
  async write(file: string): Promise<number> {
    const text = serializeBaseline(this.entries);
    await writeAtomically(file, new TextEncoder().encode(text));
    return new Set(this.entries.map((entry) => entry.fingerprint)).size;
  }
}

export { BaselineError };
