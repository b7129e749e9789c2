import type { Diagnostic, Suggestion, TextEdit } from '../diagnostics/diagnostic.js';
import { editsKey } from '../diagnostics/edits-key.js';
import { applyEdits } from '../validate/index.js';
import { checkClock } from '../validate/check-clock.js';

/** Most re-checks spent verifying the suggestions of one report; suggestions left unverified are not offered. */
export const MAX_SUGGESTION_CHECKS = 24;

/**
 * Most fixed texts made while verifying the suggestions of one report (each a pass over it): re-checks,
 * and texts found to equal one already re-checked.
 */
export const MAX_FIXED_TEXTS = 4 * MAX_SUGGESTION_CHECKS;

/**
 * Keeps only the suggestions that fix their finding: each is applied to the text and the text checked
 * again (`recheck`); it is offered when its edits apply together (none overlapping), its finding is gone
 * afterwards, and no finding is new (no code and rule has more findings than before; see
 * {@link hasNewFinding} for a code with findings not listed). Spot deletions of quality findings (Pinyin
 * readings, converter leftovers) are independent of each other and verified together in one re-check
 * (one by one when together they do not verify); the others one by one, at
 * most {@link MAX_SUGGESTION_CHECKS} re-checks and {@link MAX_FIXED_TEXTS} fixed texts in all, none after
 * `deadline` (a `checkClock()` value). Suggestions that make the same text (one fix offered for several
 * findings, as localisation does for the equations one wrong cell breaks) share one re-check: the check
 * is deterministic, so its findings on that text are the same; each finding is still judged against them.
 * Past the budget only a suggestion with the edits of one already judged is judged. `recheck` gets the
 * fixed text and the edits that made it (which it may use to re-check faster, never to judge
 * differently); of its findings, in any order, only the code, rule and cells are read, and the message and
 * start of those without cells (see {@link findingIdentity}).
 * Returns new diagnostics; the input is not changed.
 */
export function verifySuggestions(
  text: string,
  diagnostics: readonly Diagnostic[],
  recheck: (text: string, edits: readonly TextEdit[]) => readonly Diagnostic[] | null,
  deadline = Number.POSITIVE_INFINITY,
): Diagnostic[] {
  const before = countFindings(diagnostics);
  let checks = 0;
  let textsMade = 0;
  const verdict = new Map<Suggestion, boolean>();
  // What each re-checked text's findings say, judged once however many suggestions made that text: first
  // by the edits (the same edits of this text make the same text, and looking them up costs no pass over
  // the text), then by the text itself, found by its length and compared with the texts of that length
  // (hashing a fixed text, a new string as long as the report, costs a pass over it each time).
  const byEdits = new Map<string, FindingsAfter | null>();
  const findingsAfter = new Map<number, { text: string; after: FindingsAfter | null }[]>();
  const fixes = (items: readonly { d: Diagnostic; s: Suggestion }[]): boolean => {
    const edits = items.flatMap(({ s }) => s.edits);
    const key = editsKey(edits);
    let after = byEdits.get(key);
    if (after === undefined) {
      // Past the budget no text is made: each costs a pass over the report, and thousands of suggestions
      // (a garbled report's spots, verified one by one) made it quadratic.
      if (checks >= MAX_SUGGESTION_CHECKS || textsMade >= MAX_FIXED_TEXTS || checkClock() > deadline) return false;
      textsMade++;
      let fixed: string;
      try {
        fixed = applyEdits(text, edits);
      } catch {
        byEdits.set(key, null);
        return false;
      }
      let sameLength = findingsAfter.get(fixed.length);
      after = sameLength?.find((known) => known.text === fixed)?.after;
      if (after === undefined) {
        checks++;
        after = judgeFindings(recheck(fixed, edits), before);
        if (sameLength === undefined) findingsAfter.set(fixed.length, (sameLength = []));
        sameLength.push({ text: fixed, after });
      }
      byEdits.set(key, after);
    }
    if (after === null || after.newFinding) return false;
    const shift = shiftThrough(edits);
    return !items.some(({ d }) => remains(after, d, shift));
  };

  const spots: { d: Diagnostic; s: Suggestion }[] = [];
  const others: { d: Diagnostic; s: Suggestion }[] = [];
  for (const d of diagnostics) {
    for (const s of d.suggestions) {
      if (d.category === 'quality' && d.suggestions.length === 1) spots.push({ d, s });
      else others.push({ d, s });
    }
  }
  if (spots.length > 0) {
    if (!overlapping(spots.flatMap(({ s }) => s.edits)) && fixes(spots)) for (const { s } of spots) verdict.set(s, true);
    else for (const item of spots) verdict.set(item.s, fixes([item]));
  }
  for (const item of others) verdict.set(item.s, fixes([item]));
  return diagnostics.map((d) =>
    d.suggestions.length === 0 ? d : { ...d, suggestions: d.suggestions.filter((s) => verdict.get(s) === true) },
  );
}

/** The findings of a re-checked text as {@link verifySuggestions} judges a suggestion by them. */
interface FindingsAfter {
  /**
   * The findings by {@link identityGroup} (empty when {@link newFinding}: not needed), with the identity of
   * each (see {@link findingIdentity}), made when a finding of the group is first looked for.
   */
  groups: Map<string, { findings: Diagnostic[]; identities?: Set<string> }>;
  /** Some code and rule has more findings than before. */
  newFinding: boolean;
}

/** {@link FindingsAfter} of `after`, the findings of a re-check (null: it failed), `before` counted (see {@link countFindings}). */
function judgeFindings(after: readonly Diagnostic[] | null, before: FindingCounts): FindingsAfter | null {
  if (after === null) return null;
  const newFinding = hasNewFinding(countFindings(after), before);
  const groups: FindingsAfter['groups'] = new Map();
  if (newFinding) return { groups, newFinding };
  for (const a of after) {
    const key = identityGroup(a);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { findings: [a] });
    else group.findings.push(a);
  }
  return { groups, newFinding };
}

/**
 * Whether the finding `d` is still among the findings `after` a fix: one of them has its identity (`shift`
 * maps an offset before the fix to the text after it). Only the findings of its {@link identityGroup}
 * can: their identities are made then, once.
 */
function remains(after: FindingsAfter, d: Diagnostic, shift: (offset: number) => number): boolean {
  const group = after.groups.get(identityGroup(d));
  if (group === undefined) return false;
  group.identities ??= new Set(group.findings.map((a) => findingIdentity(a)));
  return group.identities.has(findingIdentity(d, shift));
}

/**
 * What every finding of one identity shares (see {@link findingIdentity}): its code up to the first `|`,
 * which is the identity's text before its first `|`.
 */
function identityGroup(d: Diagnostic): string {
  const bar = d.code.indexOf('|');
  return bar < 0 ? d.code : d.code.slice(0, bar);
}

/**
 * The identity of a finding across a fix: code, rule and cells, else message and start (`shift` maps an
 * offset before the fix to the text after it).
 */
function findingIdentity(d: Diagnostic, shift: (offset: number) => number = (offset) => offset): string {
  const where = d.cells && d.cells.length > 0 ? [...d.cells].sort().join(',') : `${d.message}@${shift(d.range.start)}`;
  return `${d.code}|${d.rule ?? ''}|${where}`;
}

/** How many findings a check has of each code and rule, and of each code with those it did not list. */
interface FindingCounts {
  /** By code and rule (`code|rule`), of the findings listed, with their code. */
  byRule: Map<string, { code: string; n: number }>;
  /** By code: those listed and those counted by a `…-omitted` finding (see `Diagnostic.omitted`). */
  byCode: Map<string, number>;
  /** The codes some findings of which were not listed. */
  capped: Set<string>;
}

function countFindings(diagnostics: readonly Diagnostic[]): FindingCounts {
  const counts: FindingCounts = { byRule: new Map(), byCode: new Map(), capped: new Set() };
  for (const d of diagnostics) {
    if (d.omitted) {
      counts.byCode.set(d.omitted.code, (counts.byCode.get(d.omitted.code) ?? 0) + d.omitted.count);
      counts.capped.add(d.omitted.code);
      continue;
    }
    const key = `${d.code}|${d.rule ?? ''}`;
    const entry = counts.byRule.get(key);
    if (entry) entry.n++;
    else counts.byRule.set(key, { code: d.code, n: 1 });
    counts.byCode.set(d.code, (counts.byCode.get(d.code) ?? 0) + 1);
  }
  return counts;
}

/**
 * Whether a check has a finding the one before did not: more findings of some code and rule. Of a code
 * some findings of which were not listed (before or after), the first listed are not the same ones when
 * the fix makes some go (the next take their place, possibly of another rule): its findings are counted
 * all together, listed or not.
 */
function hasNewFinding(after: FindingCounts, before: FindingCounts): boolean {
  const capped = (code: string): boolean => before.capped.has(code) || after.capped.has(code);
  for (const [key, { code, n }] of after.byRule) {
    if (!capped(code) && n > (before.byRule.get(key)?.n ?? 0)) return true;
  }
  for (const [code, n] of after.byCode) if (capped(code) && n > (before.byCode.get(code) ?? 0)) return true;
  return false;
}

/**
 * Maps an offset of a text to the same place after `edits`: an edit moves the offsets from its end on (an
 * insertion, those after it). A binary search over the edits' thresholds, so that a fix of thousands of
 * spots maps each of its findings without a pass over all its edits.
 */
function shiftThrough(edits: readonly TextEdit[]): (offset: number) => number {
  if (edits.length === 0) return (offset) => offset;
  const moves = edits
    .map((e) => ({ from: e.range.end > e.range.start ? e.range.end : e.range.start + 1, delta: e.newText.length - (e.range.end - e.range.start) }))
    .sort((a, b) => a.from - b.from);
  const thresholds = moves.map((m) => m.from);
  const total: number[] = [];
  let sum = 0;
  for (const m of moves) total.push((sum += m.delta));
  return (offset) => {
    // The number of edits whose threshold is at or before the offset.
    let lo = 0;
    let hi = thresholds.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (thresholds[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? offset : offset + total[lo - 1];
  };
}

function overlapping(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].range.start < sorted[i - 1].range.end || sorted[i].range.start === sorted[i - 1].range.start) return true;
  }
  return false;
}
