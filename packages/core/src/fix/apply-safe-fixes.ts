import type { CheckResult } from '../check/index.js';
import type { TextEdit } from '../diagnostics/diagnostic.js';
import { improves, selectFixes, type FixCandidate } from './select-fixes.js';

/** A document being fixed (bytes, text… whatever the caller rewrites) and the result of checking it. */
export interface FixState<T> {
  document: T;
  result: CheckResult;
}

/**
 * Applies edits (UTF-16 offsets into `current.result.source.text`) to a document and checks it again.
 * `refused` when the edits cannot be written faithfully (e.g. an encoding that cannot hold them).
 */
export type ApplyAndRecheck<T> = (current: FixState<T>, edits: TextEdit[]) => Promise<FixState<T> | 'refused'>;

/** {@link ApplyAndRecheck} done at once (see {@link applySafeFixesSync}). */
export type ApplyAndRecheckSync<T> = (current: FixState<T>, edits: TextEdit[]) => FixState<T> | 'refused';

/** What {@link applySafeFixes} did. */
export type SafeFixOutcome<T> =
  | { kind: 'none' }
  | { kind: 'refused' }
  | { kind: 'fixed'; state: FixState<T>; applied: number };

/** Most single-fix re-checks tried when the fixes together do not verify. */
const maxSingleAttempts = 200;

/** One re-check the fixing procedure asks for: these edits applied to that state. */
interface RecheckRequest<T> {
  current: FixState<T>;
  edits: TextEdit[];
}

/**
 * Applies the safe fixes of a checked document (see {@link selectFixes}), verifying each by checking
 * again: all candidates at once first, and when that is not strictly better ({@link improves}), one by
 * one, keeping those that are. `refused` when writing all of them at once was refused. The one fixing
 * procedure behind the CLI's `--fix` and the web page's "fix all".
 */
export async function applySafeFixes<T>(first: FixState<T>, applyAndRecheck: ApplyAndRecheck<T>): Promise<SafeFixOutcome<T>> {
  const steps = safeFixSteps(first);
  let step = steps.next();
  while (!step.done) step = steps.next(await applyAndRecheck(step.value.current, step.value.edits));
  return step.value;
}

/**
 * {@link applySafeFixes} with re-checks made at once: the same procedure, for a caller whose reading and
 * checking are synchronous (the CLI fixing plain text under one watchdog for many reports).
 */
export function applySafeFixesSync<T>(first: FixState<T>, applyAndRecheck: ApplyAndRecheckSync<T>): SafeFixOutcome<T> {
  const steps = safeFixSteps(first);
  let step = steps.next();
  while (!step.done) step = steps.next(applyAndRecheck(step.value.current, step.value.edits));
  return step.value;
}

/**
 * The fixing procedure of {@link applySafeFixes}, as steps: each yields the re-check it needs and is resumed
 * with its outcome; it returns what was done.
 */
function* safeFixSteps<T>(first: FixState<T>): Generator<RecheckRequest<T>, SafeFixOutcome<T>, FixState<T> | 'refused'> {
  function* attempt(current: FixState<T>, candidates: FixCandidate[]): Generator<RecheckRequest<T>, FixState<T> | 'refused' | undefined, FixState<T> | 'refused'> {
    const next = yield { current, edits: candidates.flatMap((candidate) => candidate.suggestion.edits) };
    if (next === 'refused') return 'refused';
    return improves(current.result.diagnostics, next.result.diagnostics) ? next : undefined;
  }

  const all = selectFixes(first.result.diagnostics);
  if (all.length === 0) return { kind: 'none' };
  const together = yield* attempt(first, all);
  if (together === 'refused') return { kind: 'refused' };
  if (together) return { kind: 'fixed', state: together, applied: all.length };

  let current = first;
  let applied = 0;
  const rejected = new Set<string>();
  for (let tries = 0; tries < maxSingleAttempts; tries++) {
    const next = selectFixes(current.result.diagnostics, rejected)[0];
    if (!next) break;
    const single = yield* attempt(current, [next]);
    if (single && single !== 'refused') {
      current = single;
      applied++;
    } else {
      rejected.add(next.key);
    }
  }
  return applied > 0 ? { kind: 'fixed', state: current, applied } : { kind: 'none' };
}
