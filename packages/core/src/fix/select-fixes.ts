import type { Diagnostic, DiagnosticCategory, Suggestion } from '../diagnostics/diagnostic.js';
import { editsKey } from '../diagnostics/edits-key.js';

/**
 * Categories whose single suggestion `--fix` may apply. Arithmetic fixes change the one cell that
 * satisfies every violated equation at once; quality fixes delete what a converter injected (Pinyin
 * readings, artefacts such as "[bookmark: _GoBack]"). Prose-vs-table findings are left alone (the
 * prose or the table may be the wrong side), and so are structural ones (a missing section cannot be
 * written by a tool).
 */
export const fixableCategories: ReadonlySet<DiagnosticCategory> = new Set<DiagnosticCategory>(['arithmetic', 'quality']);

/** A fix `--fix` considers: one diagnostic's only suggestion. */
export interface FixCandidate {
  /** Identity of the finding it fixes (see {@link findingKey}). */
  key: string;
  suggestion: Suggestion;
}

/** Identity of a finding across re-checks: code, rule, cells and message; not its offsets. */
export function findingKey(diagnostic: Diagnostic): string {
  return [diagnostic.code, diagnostic.rule ?? '', (diagnostic.cells ?? []).join(','), diagnostic.message].join('\u0000');
}

/**
 * The fixes worth trying: the only suggestion of each fixable diagnostic (several suggestions mean a
 * choice a person must make), the same edits once even when several findings propose them, and none
 * that overlaps an earlier one.
 */
export function selectFixes(diagnostics: readonly Diagnostic[], rejected: ReadonlySet<string> = new Set()): FixCandidate[] {
  const candidates: FixCandidate[] = [];
  const seenEdits = new Set<string>();
  const taken: Array<{ start: number; end: number }> = [];
  for (const diagnostic of diagnostics) {
    if (!fixableCategories.has(diagnostic.category) || diagnostic.suggestions.length !== 1) continue;
    const key = findingKey(diagnostic);
    if (rejected.has(key)) continue;
    const suggestion = diagnostic.suggestions[0];
    if (suggestion.edits.length === 0) continue;
    const edits = editsKey(suggestion.edits);
    if (seenEdits.has(edits)) continue;
    const overlaps = suggestion.edits.some((edit) => taken.some((other) => overlap(edit.range, other)));
    if (overlaps) continue;
    seenEdits.add(edits);
    taken.push(...suggestion.edits.map((edit) => edit.range));
    candidates.push({ key, suggestion });
  }
  return candidates;
}

/**
 * True when a re-check after fixing is strictly better: fewer findings, and none that was not there
 * before (a fix that moves a problem elsewhere is no fix). Findings a report did not list (counted by a
 * `quality/spots-omitted` or `text/findings-omitted` finding, see `Diagnostic.omitted`) count as findings
 * of their code: after fixing the listed ones, the next ones are listed in their place, and they were
 * there before.
 */
export function improves(before: readonly Diagnostic[], after: readonly Diagnostic[]): boolean {
  const weight = (diagnostics: readonly Diagnostic[]): number => diagnostics.reduce((n, d) => n + (d.omitted?.count ?? 1), 0);
  if (weight(after) >= weight(before)) return false;
  const remaining = new Map<string, number>();
  // Spots of each code that were there before without being listed.
  const unlisted = new Map<string, number>();
  for (const diagnostic of before) {
    if (diagnostic.omitted) {
      unlisted.set(diagnostic.omitted.code, (unlisted.get(diagnostic.omitted.code) ?? 0) + diagnostic.omitted.count);
      continue;
    }
    const key = findingKey(diagnostic);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  for (const diagnostic of after) {
    if (diagnostic.omitted) continue;
    const key = findingKey(diagnostic);
    const count = remaining.get(key) ?? 0;
    if (count > 0) {
      remaining.set(key, count - 1);
      continue;
    }
    // Not listed before: one of the spots that were not listed, or new.
    const spots = unlisted.get(diagnostic.code) ?? 0;
    if (spots === 0) return false;
    unlisted.set(diagnostic.code, spots - 1);
  }
  for (const diagnostic of after) {
    if (!diagnostic.omitted) continue;
    const spots = unlisted.get(diagnostic.omitted.code) ?? 0;
    if (spots < diagnostic.omitted.count) return false;
    unlisted.set(diagnostic.omitted.code, spots - diagnostic.omitted.count);
  }
  return true;
}

/** True when two edits' ranges intersect, or both insert at the same point (their order would be a guess). */
function overlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const insertionsAtOnePoint = a.start === a.end && b.start === b.end && a.start === b.start;
  return insertionsAtOnePoint || (a.start < b.end && b.start < a.end);
}
