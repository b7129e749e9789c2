import { distance } from 'fastest-levenshtein';

/** A "did you mean" hint in both languages, appended to a message; empty strings when there is none. */
export interface NameHint {
  zh: string;
  en: string;
}

/** No hint. */
export const noHint: NameHint = { zh: '', en: '' };

/** At most this many candidates are named in one hint. */
const listed = 3;

function quoteZh(names: readonly string[]): string {
  return names.slice(0, listed).map((name) => `“${name}”`).join('或');
}

function quoteEn(names: readonly string[]): string {
  return names.slice(0, listed).map((name) => `"${name}"`).join(' or ');
}

/** The candidates nearest to `name` by edit distance, when near enough to be a typo (about a third of its length). */
export function nearestNames(name: string, candidates: Iterable<string>): string[] {
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best = limit + 1;
  let nearest: string[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === name || Math.abs(candidate.length - name.length) > limit) continue;
    const d = distance(name, candidate);
    if (d < best) {
      best = d;
      nearest = [candidate];
    } else if (d === best) {
      nearest.push(candidate);
    }
  }
  return nearest.sort();
}

/**
 * A hint for a row or column written as `name` where it does not resolve as wanted: the qualified ids of
 * that place that end in `.name` (a nested row written without its groups: `total` for `results.total`),
 * else the ids nearest by edit distance (a typo), else none.
 */
export function axisNameHint(name: string, candidates: readonly string[]): NameHint {
  const qualified = name.includes('.') ? [] : candidates.filter((id) => id.endsWith(`.${name}`)).sort();
  if (qualified.length > 0) {
    return {
      zh: `下级的行、列要写上所在组的完整 id：是不是${quoteZh(qualified)}？`,
      en: ` Nested rows and columns are named by their full id, groups included: did you mean ${quoteEn(qualified)}?`,
    };
  }
  return nameHint(name, candidates);
}

/** A hint naming the candidates nearest to `name` (a misspelt id or keyword), or none. */
export function nameHint(name: string, candidates: Iterable<string>): NameHint {
  const nearest = nearestNames(name, candidates);
  if (nearest.length === 0) return noHint;
  return { zh: `是不是${quoteZh(nearest)}？`, en: ` Did you mean ${quoteEn(nearest)}?` };
}
