import type { AuditFindingRecord } from './audit-records.js';
import { SpillFile, type SpillRef } from './spill-file.js';

/**
 * The findings across reports of an audit run, in the order they were made: kept in a temporary file
 * (a run over thousands of reports makes tens of thousands), each read back when an output needs it.
 */
export class AuditFindingStore {
  private readonly spill = new SpillFile('findings');
  private readonly refs: SpillRef[] = [];

  /** Keeps a finding; returns where it is. */
  add(record: AuditFindingRecord): SpillRef {
    const ref = this.spill.append(record);
    this.refs.push(ref);
    return ref;
  }

  /** How many findings are kept. */
  get count(): number {
    return this.refs.length;
  }

  /** The finding kept at `ref`. */
  get(ref: SpillRef): AuditFindingRecord {
    return this.spill.read<AuditFindingRecord>(ref);
  }

  /** Every finding, in order (the first `limit` when given), read one at a time. */
  *all(limit = Infinity): Generator<AuditFindingRecord> {
    const end = Math.min(limit, this.refs.length);
    for (let i = 0; i < end; i++) yield this.get(this.refs[i]);
  }

  /** Removes the temporary file. */
  dispose(): void {
    this.spill.dispose();
  }
}
