import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateIR } from '../ir/template-ir.js';
import type { ParsedReport } from '../model/report.js';
import { normalizeText } from '../normalize/index.js';
import { checkArithmetic } from './check-arithmetic.js';
import { checkCells } from './check-cells.js';
import { checkProse } from './check-prose.js';
import { checkSectionText } from './check-section-text.js';
import { checkStructure } from './check-structure.js';
import { checkTemplate } from './check-template.js';
import { checkTextQuality } from './check-text-quality.js';
import type { ValidateOptions } from './validate-options.js';
import { ValidationContext } from './validation-context.js';
import { checkClock } from './check-clock.js';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Orders diagnostics by position, then severity, code, rule and message (output is stable). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start - b.range.start ||
    a.range.end - b.range.end ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    ((a.rule ?? '') < (b.rule ?? '') ? -1 : (a.rule ?? '') > (b.rule ?? '') ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/**
 * Validates a parsed report against its template: structure, template vs year, cell domains, every
 * arithmetic rule (with error localisation and fixes), prose vs table, required mentions, forbidden
 * patterns, section bodies and text quality. Everything comes from the template IR. The result is sorted
 * by position and deterministic.
 */
export function validateReport(report: ParsedReport, template: TemplateIR, options: ValidateOptions = {}): Diagnostic[] {
  const view = options.normalized ?? normalizeText(report.source.text);
  const ctx = new ValidationContext(report, template, view, options.templates ?? [], options.locale, options.findingsOnly);
  if (report.parseFailure !== undefined) return [parseFailed(ctx, report.parseFailure)];
  if (options.deadline && checkClock() > options.deadline.at) {
    return [checkTimeout(ctx, options.deadline.seconds, 'check-stage/reading')];
  }
  const checks = [checkStructure, checkTemplate, checkCells, checkArithmetic, checkProse, checkSectionText, checkTextQuality];
  const diagnostics: Diagnostic[] = [];
  for (const check of checks) {
    if (options.deadline && checkClock() > options.deadline.at) {
      diagnostics.push(checkTimeout(ctx, options.deadline.seconds, 'check-stage/validating'));
      break;
    }
    // One at a time: a check can find hundreds of thousands of spots, too many for a spread call.
    for (const diagnostic of check(ctx)) diagnostics.push(diagnostic);
  }
  // A re-check's judge counts the findings and looks them up: their order is not read.
  return options.findingsOnly ? diagnostics : diagnostics.sort(compareDiagnostics);
}

/** The one finding for a report the parser could not read (its missing parts would only be a cascade). */
function parseFailed(ctx: ValidationContext, detail: string): Diagnostic {
  const text = ctx.report.source.text;
  const firstLineEnd = text.search(/\r|\n|$/u);
  return ctx.diagnostic('structure/parse-failed', {
    message: ctx.msg('structure/parse-failed', { detail }),
    range: { start: 0, end: Math.max(0, firstLineEnd) },
  });
}

/** The finding for a check stopped by its time budget, on the first line. */
export function checkTimeout(ctx: ValidationContext, seconds: number, stage: 'check-stage/reading' | 'check-stage/validating' | 'check-stage/fixes'): Diagnostic {
  const text = ctx.report.source.text;
  const firstLineEnd = text.search(/\r|\n|$/u);
  return ctx.diagnostic('structure/check-timeout', {
    message: ctx.msg('structure/check-timeout', { seconds, stage: ctx.msg(stage, {}) }),
    range: { start: 0, end: Math.max(0, firstLineEnd) },
  });
}
