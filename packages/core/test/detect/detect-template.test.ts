import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectTemplate } from '../../src/detect/index.js';
import { builtinTemplates } from '../../src/templates/index.js';
import { normalizeText } from '../../src/normalize/index.js';
import { matchKey } from '../../src/parse/match-key.js';

const detect = (text: string) => detectTemplate(normalizeText(text).text, builtinTemplates);

describe('detectTemplate', () => {
  it('recognises the 2019 format by its markers', () => {
    const d = detect('第二十条第（九）项\n信息内容\t采购项目数量\n政府集中采购\t3\n上一年项目数量\t本年增/减');
    expect(d.id).toBe('gov-disclosure-2019');
    expect(d.scores['gov-disclosure-2021']).toBe(0);
    expect(d.confidence).toBeGreaterThan(0.5);
    expect(d.legacy).toBe(false);
  });

  it('recognises the 2021 format, in Traditional script too', () => {
    const d = detect('信息內容 | 本年制發件數 | 本年廢止件數 | 現行有效件數 |');
    expect(d.id).toBe('gov-disclosure-2021');
    expect(d.scores['gov-disclosure-2021']).toBeGreaterThan(0);
  });

  it('keeps the scores of both when a report mixes their markers', () => {
    const d = detect('2021年政府信息公开工作年度报告\n本年新制作数量 上一年项目数量 本年增/减 政府集中采购\n逾期不补正');
    expect(d.id).toBe('gov-disclosure-2019');
    expect(d.scores['gov-disclosure-2021']).toBeGreaterThan(0);
    expect(d.confidence).toBeLessThan(0.9);
  });

  it('detects a pre-2019 statistics-table report as the pre-2019 format by its own markers, whatever its year', () => {
    const d = detect('某局2018年政府信息公开工作年度报告\n政府信息公开情况统计表\n指标名称\t计量单位\t本年度\t历年累计');
    // The phrases are still the official formats' legacy markers …
    expect(d.legacy).toBe(true);
    // … and the markers of the built-in pre-2019 format.
    expect(d.id).toBe('gov-disclosure-pre2019');
    expect(d.scores['gov-disclosure-2021']).toBe(0);
    const later = detect('某局2022年政府信息公开工作年度报告\n指标名称\t计量单位\t历年累计');
    expect(later.id).toBe('gov-disclosure-pre2019');
    expect(later.confidence).toBeLessThan(0.9);
  });

  it('uses the report year when no marker is found', () => {
    expect(detect('某局2020年政府信息公开工作年度报告\n一、总体情况').id).toBe('gov-disclosure-2019');
    expect(detect('某局2024年政府信息公开工作年度报告\n一、总体情况').id).toBe('gov-disclosure-2021');
  });

  it('finds nothing in nothing', () => {
    expect(detect('')).toEqual({ id: null, confidence: 0, scores: { 'gov-disclosure-2019': 0, 'gov-disclosure-2021': 0, 'gov-disclosure-pre2019': 0 }, legacy: false });
    expect(detectTemplate('', []).id).toBeNull();
  });

  it('answers for the templates a list holds now, when the list is changed between two detections', () => {
    const list = [...builtinTemplates];
    const text = normalizeText('本年制发件数 本年废止件数 现行有效件数').text;
    expect(detectTemplate(text, list).id).toBe('gov-disclosure-2021');
    const only2019 = builtinTemplates.find((t) => t.id === 'gov-disclosure-2019')!;
    list.splice(0, list.length, only2019, { ...only2019, id: 'custom', markers: [{ text: '现行有效件数', weight: 1 }], legacyMarkers: [] });
    const d = detectTemplate(text, list);
    expect(d.id).toBe('custom');
    expect(d.scores).toEqual({ 'gov-disclosure-2019': 0, custom: 1 });
  });

  it('scores each template by the weights of its markers found (a phrase counted once) and counts the legacy phrases found once', () => {
    const phrases = [...new Set(builtinTemplates.flatMap((t) => [...t.markers.map((m) => m.text), ...t.legacyMarkers]))];
    const text = fc.array(fc.oneof(fc.constantFrom(...phrases), fc.constantFrom('，', '\n', '2020年', '数量', '本年')), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.shuffledSubarray(builtinTemplates, { minLength: 1 }), (t, templates) => {
        const key = matchKey(normalizeText(t).text);
        const d = detectTemplate(normalizeText(t).text, templates);
        const legacy = new Set<string>();
        for (const template of templates) {
          const seen = new Set<string>();
          let score = 0;
          for (const marker of template.markers) {
            const k = matchKey(marker.text);
            if (k === '' || seen.has(k)) continue;
            seen.add(k);
            if (key.includes(k)) score += marker.weight;
          }
          expect(d.scores[template.id]).toBe(score);
          for (const phrase of template.legacyMarkers) if (matchKey(phrase) !== '' && key.includes(matchKey(phrase))) legacy.add(matchKey(phrase));
        }
        const best = Math.max(...templates.map((template) => d.scores[template.id]));
        expect(d.legacy).toBe(legacy.size >= 2 || (legacy.size >= 1 && best === 0));
      }),
      { numRuns: 300 },
    );
  });
});
