import {
  applyEdits,
  applySafeFixes,
  applySafeFixesSync,
  selectFixes,
  type CheckResult,
  type FixState,
  type SafeFixOutcome,
  type TextEdit,
} from '@nianbao/core';
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
  const early = outcomeBeforeFixing(first);
  if (early) return early;
  const outcome = await applySafeFixes({ document: bytes, result: first }, async (current, edits) => {
    const spliced = splicedBytes(current, edits);
    return spliced ? readBack(current, edits, spliced, await recheck(spliced)) : 'refused';
  });
  return fixOutcomeOf(outcome);
}

/**
 * {@link fixReport} with the re-checks made at once (`recheck` reads and checks synchronously, as plain
 * text is read): the `--fix` of reports checked on the main thread, under the watchdog of their batch.
 */
export function fixReportSync(bytes: Uint8Array, first: CheckResult, recheck: (bytes: Uint8Array) => CheckResult): FixOutcome {
  const early = outcomeBeforeFixing(first);
  if (early) return early;
  const outcome = applySafeFixesSync({ document: bytes, result: first }, (current, edits) => {
    const spliced = splicedBytes(current, edits);
    return spliced ? readBack(current, edits, spliced, recheck(spliced)) : 'refused';
  });
  return fixOutcomeOf(outcome);
}

/** The outcome of a report with nothing to fix, or whose format is not rewritten; undefined otherwise. */
function outcomeBeforeFixing(first: CheckResult): FixOutcome | undefined {
  if (selectFixes(first.diagnostics).length === 0) return { kind: 'none' };
  if (!fixableFormats.has(first.source.format)) return { kind: 'skipped', reason: 'format' };
  return undefined;
}

/** The document's bytes with `edits` spliced in, or undefined when they cannot be written faithfully. */
function splicedBytes(current: FixState<Uint8Array>, edits: TextEdit[]): Uint8Array | undefined {
  const map = mapBytes(current.document, current.result.source.encoding);
  if (!map || map.text !== current.result.source.text) return undefined;
  return spliceBytes(current.document, map, edits, current.result.source.encoding);
}

/** The state after a re-check of `spliced`: refused unless its bytes read back as exactly the edited text. */
function readBack(current: FixState<Uint8Array>, edits: TextEdit[], spliced: Uint8Array, result: CheckResult): FixState<Uint8Array> | 'refused' {
  if (result.source.text !== applyEdits(current.result.source.text, edits)) return 'refused';
  return { document: spliced, result };
}

function fixOutcomeOf(outcome: SafeFixOutcome<Uint8Array>): FixOutcome {
  if (outcome.kind === 'refused') return { kind: 'skipped', reason: 'encoding' };
  if (outcome.kind === 'none') return outcome;
  return { kind: 'fixed', bytes: outcome.state.document, result: outcome.state.result, applied: outcome.applied };
}
