import type { TemplateIR } from '../ir/template-ir.js';
import type { TemplateDetection } from '../model/report.js';
import { KeyPhrases, matchKey } from '../parse/match-key.js';
import { readReportInfo } from './report-info.js';

/**
 * Which template a report follows, from the phrases typical of each format (the IR's weighted
 * `markers`): 2019 has 本年新制作数量, 上一年项目数量, 政府集中采购…; 2021 has 本年制发件数, 现行有效件数,
 * 逾期不补正…. Phrases of the pre-2019 statistics tables (`legacyMarkers`: 指标名称, 历年累计…) set `legacy`.
 * When no marker is found the report year decides (low confidence). Scores of every template are kept,
 * so a validator can tell a 2021+ report in the 2019 format or a 2020 report with 2021 markers.
 */

/** The comparison form of a text or phrase: its match key (no whitespace, punctuation or symbols). */
const bare = matchKey;

/** The comparison forms of a template's markers, computed once per template object. */
interface MarkerKeys {
  /** Distinct non-empty marker keys with the weight of their first marker. */
  markers: { key: string; weight: number }[];
  /** Keys of the legacy phrases. */
  legacy: string[];
}

const markerKeyCache = new WeakMap<TemplateIR, MarkerKeys>();

function markerKeys(template: TemplateIR): MarkerKeys {
  let keys = markerKeyCache.get(template);
  if (!keys) {
    const markers: MarkerKeys['markers'] = [];
    const seen = new Set<string>();
    for (const marker of template.markers) {
      const key = bare(marker.text);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      markers.push({ key, weight: marker.weight });
    }
    keys = { markers, legacy: template.legacyMarkers.map(bare) };
    markerKeyCache.set(template, keys);
  }
  return keys;
}

/** A search for every marker and legacy key of a set of templates, with the index of each key. */
interface MarkerSearch {
  phrases: KeyPhrases;
  index: Map<string, number>;
}

/** Searches by their keys, one per line (bounded: emptied when full). */
const markerSearches = new Map<string, MarkerSearch>();
const MARKER_SEARCHES = 64;

/**
 * How a list of templates is scored from the phrases found: per template its markers (by index in the
 * search) and their weights; the legacy keys of all of them once each.
 */
interface ListScoring {
  search: MarkerSearch;
  templates: { id: string; markers: number[]; weights: number[]; total: number }[];
  legacy: number[];
}

/**
 * The search of each list of templates met, with the templates it had then (most callers pass the same
 * list every time; working out its keys again cost a tenth of the detection).
 */
const searchOfList = new WeakMap<TemplateIR[], { members: TemplateIR[]; scoring: ListScoring }>();

/**
 * The search for the distinct non-empty marker and legacy keys of `templates`. A template is not changed
 * once loaded (as {@link markerKeys} assumes); a list may be, so its search is used again only while it
 * holds the same templates.
 */
function listScoring(templates: TemplateIR[]): ListScoring {
  const kept = searchOfList.get(templates);
  if (kept && kept.members.length === templates.length && kept.members.every((t, i) => t === templates[i])) return kept.scoring;
  const search = searchByKeys(templates);
  const legacy: number[] = [];
  const legacySeen = new Set<string>();
  const scoring: ListScoring = {
    search,
    templates: templates.map((template) => {
      const keys = markerKeys(template);
      for (const key of keys.legacy) {
        if (key === '' || legacySeen.has(key)) continue;
        legacySeen.add(key);
        legacy.push(search.index.get(key)!);
      }
      return {
        id: template.id,
        markers: keys.markers.map((marker) => search.index.get(marker.key)!),
        weights: keys.markers.map((marker) => marker.weight),
        total: keys.markers.reduce((sum, marker) => sum + marker.weight, 0),
      };
    }),
    legacy,
  };
  searchOfList.set(templates, { members: [...templates], scoring });
  return scoring;
}

/** The search for the keys of `templates`, shared by the lists with the same keys. */
function searchByKeys(templates: TemplateIR[]): MarkerSearch {
  const index = new Map<string, number>();
  for (const template of templates) {
    const keys = markerKeys(template);
    for (const marker of keys.markers) if (!index.has(marker.key)) index.set(marker.key, index.size);
    for (const key of keys.legacy) if (key !== '' && !index.has(key)) index.set(key, index.size);
  }
  const phrases = [...index.keys()];
  const id = phrases.join('\n');
  let search = markerSearches.get(id);
  if (!search) {
    search = { phrases: new KeyPhrases(phrases), index };
    if (markerSearches.size >= MARKER_SEARCHES) markerSearches.clear();
    markerSearches.set(id, search);
  }
  return search;
}

/** Detects the template of a report from its normalised text. Never throws. */
export function detectTemplate(normalizedText: string, templates: TemplateIR[]): TemplateDetection {
  // Every marker looked for in the text's match key (no whitespace, punctuation or symbols) in one pass.
  const scoring = listScoring(templates);
  const found = scoring.search.phrases.foundIn(normalizedText);
  const scores: Record<string, number> = {};
  const totals: Record<string, number> = {};
  for (const template of scoring.templates) {
    let score = 0;
    for (let m = 0; m < template.markers.length; m++) if (found[template.markers[m]]) score += template.weights[m];
    scores[template.id] = score;
    totals[template.id] = template.total;
  }
  let legacyFound = 0;
  for (const index of scoring.legacy) if (found[index]) legacyFound++;
  const ranked = templates.map((t) => t.id).sort((a, b) => scores[b] - scores[a]);
  const best = ranked[0];
  const bestScore = best === undefined ? 0 : scores[best];
  const secondScore = ranked.length > 1 ? scores[ranked[1]] : 0;
  const legacy = legacyFound >= 2 || (legacyFound >= 1 && bestScore === 0);
  if (best === undefined) return { id: null, confidence: 0, scores, legacy };
  if (bestScore === 0 || bestScore === secondScore) {
    const year = readReportInfo(normalizedText).year;
    const tied = bestScore === 0 ? templates : templates.filter((t) => scores[t.id] === bestScore);
    const byYear = year === null ? undefined : tied.find((t) => t.years.from <= year && (t.years.to ?? Infinity) >= year);
    if (byYear) return { id: byYear.id, confidence: bestScore === 0 ? 0.2 : 0.4, scores, legacy };
    if (bestScore === 0) return { id: null, confidence: 0, scores, legacy };
    return { id: tied[0].id, confidence: 0.3, scores, legacy };
  }
  const share = bestScore / (bestScore + secondScore);
  const coverage = totals[best] > 0 ? Math.min(1, bestScore / totals[best]) : 0;
  const confidence = Math.round(share * (0.5 + 0.5 * coverage) * 100) / 100;
  return { id: best, confidence, scores, legacy };
}
