import { applyEdits, type CheckResult } from '@nianbao/core';
import { mapBytes } from './byte-map.js';
import { improves, selectFixes, type FixCandidate } from './select-fixes.js';
import { spliceBytes } from './splice-bytes.js';

/** Source formats `--fix` rewrites: plain text is written back byte for byte outside the edits. */
export const fixableFormats: ReadonlySet<string> = new Set(['txt', 'md']);

/** Most single-fix re-checks tried when the fixes together do not verify. */
const maxSingleAttempts = 200;

/** What {@link fixReport} did. */
export type FixOutcome =
  | { kind: 'none' }
  | { kind: 'skipped'; reason: 'format' | 'encoding' }
  | { kind: 'fixed'; bytes: Uint8Array; result: CheckResult; applied: number };

/**
 * Applies the safe fixes of a checked report to its bytes, verifying each by checking again: all
 * candidates at once first, and when that is not strictly better, one by one, keeping those that are.
 * Nothing is written here; the caller writes `bytes` when the outcome is `fixed`.
 */
export async function fixReport(
  bytes: Uint8Array,
  first: CheckResult,
  recheck: (bytes: Uint8Array) => Promise<CheckResult>,
): Promise<FixOutcome> {
  if (selectFixes(first.diagnostics).length === 0) return { kind: 'none' };
  if (!fixableFormats.has(first.source.format)) return { kind: 'skipped', reason: 'format' };
  const attempt = async (
    current: { bytes: Uint8Array; result: CheckResult },
    candidates: FixCandidate[],
  ): Promise<{ bytes: Uint8Array; result: CheckResult } | 'encoding' | undefined> => {
    const map = mapBytes(current.bytes, current.result.source.encoding);
    if (!map || map.text !== current.result.source.text) return 'encoding';
    const edits = candidates.flatMap((candidate) => candidate.suggestion.edits);
    const spliced = spliceBytes(current.bytes, map, edits, current.result.source.encoding);
    if (!spliced) return 'encoding';
    const result = await recheck(spliced);
    // The bytes written must read back as exactly the edited text.
    if (result.source.text !== applyEdits(current.result.source.text, edits)) return 'encoding';
    return improves(current.result.diagnostics, result.diagnostics) ? { bytes: spliced, result } : undefined;
  };

  const all = selectFixes(first.diagnostics);
  const together = await attempt({ bytes, result: first }, all);
  if (together === 'encoding') return { kind: 'skipped', reason: 'encoding' };
  if (together) return { kind: 'fixed', ...together, applied: all.length };

  let current = { bytes, result: first };
  let applied = 0;
  const rejected = new Set<string>();
  for (let tries = 0; tries < maxSingleAttempts; tries++) {
    const next = selectFixes(current.result.diagnostics, rejected)[0];
    if (!next) break;
    const single = await attempt(current, [next]);
    if (single && single !== 'encoding') {
      current = single;
      applied++;
    } else {
      rejected.add(next.key);
    }
  }
  return applied > 0 ? { kind: 'fixed', ...current, applied } : { kind: 'none' };
}
