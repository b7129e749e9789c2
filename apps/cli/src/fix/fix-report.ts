import { applyEdits, applySafeFixes, selectFixes, type CheckResult } from '@nianbao/core';
import { mapBytes } from './byte-map.js';
import { spliceBytes } from './splice-bytes.js';

/** Source formats `--fix` rewrites: plain text is written back byte for byte outside the edits. */
export const fixableFormats: ReadonlySet<string> = new Set(['txt', 'md']);

/** What {@link fixReport} did. */
export type FixOutcome =
  | { kind: 'none' }
  | { kind: 'skipped'; reason: 'format' | 'encoding' }
  | { kind: 'fixed'; bytes: Uint8Array; result: CheckResult; applied: number };

/**
 * Applies the safe fixes of a checked report to its bytes (core's `applySafeFixes`: verified by checking
 * again), splicing the edits into the bytes so that encoding, byte-order mark and line endings stay as
 * they were. Nothing is written here; the caller writes `bytes` when the outcome is `fixed`.
 */
export async function fixReport(
  bytes: Uint8Array,
  first: CheckResult,
  recheck: (bytes: Uint8Array) => Promise<CheckResult>,
): Promise<FixOutcome> {
  if (selectFixes(first.diagnostics).length === 0) return { kind: 'none' };
  if (!fixableFormats.has(first.source.format)) return { kind: 'skipped', reason: 'format' };
  const outcome = await applySafeFixes({ document: bytes, result: first }, async (current, edits) => {
    const map = mapBytes(current.document, current.result.source.encoding);
    if (!map || map.text !== current.result.source.text) return 'refused';
    const spliced = spliceBytes(current.document, map, edits, current.result.source.encoding);
    if (!spliced) return 'refused';
    const result = await recheck(spliced);
    // The bytes written must read back as exactly the edited text.
    if (result.source.text !== applyEdits(current.result.source.text, edits)) return 'refused';
    return { document: spliced, result };
  });
  if (outcome.kind === 'refused') return { kind: 'skipped', reason: 'encoding' };
  if (outcome.kind === 'none') return outcome;
  return { kind: 'fixed', bytes: outcome.state.document, result: outcome.state.result, applied: outcome.applied };
}
