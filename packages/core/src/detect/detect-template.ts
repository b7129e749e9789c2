import type { TemplateIR } from '../ir/template-ir.js';
import type { TemplateDetection } from '../model/report.js';
import { matchKey } from '../parse/match-key.js';
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

/** Detects the template of a report from its normalised text. Never throws. */
export function detectTemplate(normalizedText: string, templates: TemplateIR[]): TemplateDetection {
  const text = bare(normalizedText);
  const scores: Record<string, number> = {};
  const totals: Record<string, number> = {};
  let legacyFound = 0;
  const legacySeen = new Set<string>();
  for (const template of templates) {
    let score = 0;
    let total = 0;
    const keys = markerKeys(template);
    for (const marker of keys.markers) {
      total += marker.weight;
      if (text.includes(marker.key)) score += marker.weight;
    }
    scores[template.id] = score;
    totals[template.id] = total;
    for (const key of keys.legacy) {
      if (key === '' || legacySeen.has(key)) continue;
      legacySeen.add(key);
      if (text.includes(key)) legacyFound++;
    }
  }
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
