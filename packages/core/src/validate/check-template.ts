import type { Diagnostic, RelatedLocation } from '../diagnostics/diagnostic.js';
import type { TemplateIR } from '../ir/template-ir.js';
import type { OffsetRange } from '../model/report.js';
import { matchKey } from '../parse/match-key.js';
import { originalRangeOf } from './text-ranges.js';
import type { ValidationContext } from './validation-context.js';

/** Where each phrase first occurs in the normalised text, mapped to the original (phrases not found are left out). */
function occurrences(ctx: ValidationContext, phrases: readonly string[]): Array<{ text: string; range: OffsetRange }> {
  const found: Array<{ text: string; range: OffsetRange }> = [];
  for (const phrase of phrases) {
    if (!phrase) continue;
    const at = ctx.view.text.indexOf(phrase);
    if (at >= 0) found.push({ text: phrase, range: originalRangeOf(ctx.view, { start: at, end: at + phrase.length }) });
  }
  return found.sort((a, b) => a.range.start - b.range.start);
}

function markerScore(ctx: ValidationContext, template: TemplateIR): number {
  const detected = ctx.report.detection.scores[template.id];
  if (typeof detected === 'number') return detected;
  return template.markers.reduce((score, marker) => score + (ctx.view.text.includes(marker.text) ? marker.weight : 0), 0);
}

function yearsText(ctx: ValidationContext, template: TemplateIR): string {
  return template.years.to === undefined
    ? ctx.msg('years/open', { from: template.years.from })
    : ctx.msg('years/closed', { from: template.years.from, to: template.years.to });
}

function covers(template: TemplateIR, year: number): boolean {
  return year >= template.years.from && (template.years.to === undefined || year <= template.years.to);
}

/** The formats a report may be written in, and the phrases of older formats to look for (see {@link candidatesOf}). */
interface Candidates {
  /** The template in use, then the other templates. */
  candidates: readonly TemplateIR[];
  /** The legacy phrases of every candidate that the template in use does not list among its markers. */
  legacyPhrases: readonly string[];
  /** How many legacy phrases the candidates list, the template's own markers among them. */
  legacyCount: number;
}

/** The candidates of each template in use, by the list of templates it came with (both are immutable). */
const candidatesByTemplate = new WeakMap<TemplateIR, WeakMap<readonly TemplateIR[], Candidates>>();

/** The {@link Candidates} of `template` among `templates`, worked out once per template and list, not per report. */
function candidatesOf(template: TemplateIR, templates: readonly TemplateIR[]): Candidates {
  let byList = candidatesByTemplate.get(template);
  if (byList === undefined) candidatesByTemplate.set(template, (byList = new WeakMap()));
  let known = byList.get(templates);
  if (known === undefined) {
    const candidates = [template, ...templates.filter((t) => t.id !== template.id)];
    // A phrase the template in use lists among its own markers (an old-format template's 指标名称) is
    // evidence for that template, not for an older format than it.
    const own = new Set(template.markers.map((m) => matchKey(m.text)));
    const allLegacy = [...new Set(candidates.flatMap((t) => t.legacyMarkers))];
    const legacyPhrases = allLegacy.filter((phrase) => !own.has(matchKey(phrase)));
    byList.set(templates, (known = { candidates, legacyPhrases, legacyCount: allLegacy.length }));
  }
  return known;
}

/**
 * Template vs report year. The format the report is written in is the candidate template (the one used
 * and `options.templates`) with the highest marker score; a report year after that format's years is a
 * superseded template, one before them an anachronism; the template that covers the year is named.
 * Phrases of the pre-template format are a legacy-format finding. An unreadable year is an info.
 */
export function checkTemplate(ctx: ValidationContext): Diagnostic[] {
  if (!ctx.enabled('template/superseded')) return [];
  const diagnostics: Diagnostic[] = [];
  const { template } = ctx;
  const { candidates, legacyPhrases, legacyCount } = candidatesOf(template, ctx.templates);
  const titleRange = ctx.report.info.titleRange;
  const legacy = occurrences(ctx, legacyPhrases);
  const detectedLegacy = ctx.report.detection.legacy && legacyPhrases.length === legacyCount;
  if (detectedLegacy || legacy.length >= 2) {
    diagnostics.push(
      ctx.diagnostic('template/legacy-format', {
        message: ctx.msg('template/legacy-format', {
          markers: ctx.list(legacy.map((l) => l.text)),
          template: template.title,
        }),
        range: legacy[0]?.range ?? titleRange ?? { start: 0, end: 0 },
        related: legacy.slice(1).map((l) => ({ message: ctx.msg('related/marker', { text: l.text }), range: l.range })),
      }),
    );
  }

  const year = ctx.report.info.year;
  if (year === null) {
    diagnostics.push(
      ctx.diagnostic('template/year-unknown', {
        message: ctx.msg('template/year-unknown', { template: template.title }),
        range: titleRange ?? { start: 0, end: 0 },
      }),
    );
    return diagnostics;
  }

  let format = template;
  let best = markerScore(ctx, template);
  for (const candidate of candidates) {
    const score = markerScore(ctx, candidate);
    if (score > best) {
      format = candidate;
      best = score;
    }
  }
  if (covers(format, year)) return diagnostics;
  const code = year < format.years.from ? 'template/anachronistic' : 'template/superseded';
  const markers = occurrences(
    ctx,
    format.markers.map((m) => m.text),
  );
  const related: RelatedLocation[] = markers
    .slice(0, 5)
    .map((m) => ({ message: ctx.msg('related/marker', { text: m.text }), range: m.range }));
  let text = ctx.msg(code, { year, years: yearsText(ctx, format), from: format.years.from, template: format.title });
  const instead = candidates.find((t) => t !== format && covers(t, year));
  if (instead) text += ctx.msg('sentence/join') + ctx.msg('template/use-instead', { year, expected: instead.title });
  diagnostics.push(
    ctx.diagnostic(code, {
      message: text,
      range: titleRange ?? markers[0]?.range ?? { start: 0, end: 0 },
      related,
    }),
  );
  return diagnostics;
}
