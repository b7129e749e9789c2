import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ForbiddenPatternRuleIR, MentionRuleIR } from '../ir/template-ir.js';
import { MAX_LISTED } from './listing-limit.js';
import { compileRulePattern, sectionTexts } from './section-search.js';
import { excerpt, originalRangeOf, trimRange } from './text-ranges.js';
import type { ValidationContext } from './validation-context.js';

function headingOf(ctx: ValidationContext, sectionId: string): string {
  const section = ctx.template.sections.find((s) => s.id === sectionId);
  return section ? ctx.sectionName(section) : sectionId;
}

function checkMention(ctx: ValidationContext, rule: MentionRuleIR): Diagnostic[] {
  const section = ctx.sectionText(rule.section);
  if (!section) return [];
  const found = (phrase: string): boolean => section.text.includes(phrase);
  if (rule.all ? rule.anyOf.every(found) : rule.anyOf.some(found)) return [];
  const params = {
    title: ctx.localized(rule.title),
    heading: headingOf(ctx, rule.section),
    phrases: ctx.list((rule.all ? rule.anyOf.filter((p) => !found(p)) : rule.anyOf).map((p) => `“${p}”`)),
  };
  return [
    ctx.diagnostic('text/mention-missing', {
      rule: rule.id,
      severity: rule.severity,
      message: ctx.localized(rule.message, params).trim() || ctx.msg('text/mention-missing', params),
      range: ctx.sectionAnchor(section.found) ?? section.range,
    }),
  ];
}

/**
 * One finding per forbidden rule and section, at the first match; the other matches are related, at most
 * `MAX_LISTED` of them (the message counts them all).
 */
function checkForbidden(ctx: ValidationContext, rule: ForbiddenPatternRuleIR): Diagnostic[] {
  const pattern = compileRulePattern(rule.pattern);
  const diagnostics: Diagnostic[] = [];
  for (const segment of sectionTexts(ctx, rule.sections)) {
    const matches: Array<{ text: string; start: number; end: number }> = [];
    let count = 0;
    for (const m of pattern.matches(segment.text)) {
      if (count++ > MAX_LISTED) continue;
      matches.push({ text: m.text, start: segment.viewStart + m.index, end: segment.viewStart + m.index + m.text.length });
    }
    if (matches.length === 0) continue;
    const ranges = matches.map((m) => originalRangeOf(ctx.view, m));
    const params = {
      title: ctx.localized(rule.title),
      heading: segment.sectionId ? headingOf(ctx, segment.sectionId) : '',
      text: excerpt(matches[0].text, 40),
      count,
    };
    diagnostics.push(
      ctx.diagnostic('text/forbidden', {
        rule: rule.id,
        severity: rule.severity,
        message: ctx.localized(rule.message, params).trim() || ctx.msg('text/forbidden', params),
        range: ranges[0],
        related: ranges.slice(1).map((range, i) => ({
          message: ctx.msg('related/match', { text: excerpt(matches[i + 1].text, 40) }),
          range,
        })),
      }),
    );
  }
  return diagnostics;
}

/** Trailing punctuation that does not make a body less empty ("无。"). */
const FILLER = /[\s。．.，,；;：:！!、…—-]+/gu;

/** A character that is not {@link FILLER}. */
const CONTENT = /[^\s。．.，,；;：:！!、…—-]/gu;

/**
 * False when `text` holds more characters besides {@link FILLER} than the longest placeholder has UTF-16
 * units, so that what is left of it is neither empty nor a placeholder; true otherwise (look closer). It
 * stops at the first characters past that bound: a body with content is not copied without its filler.
 */
export function mayBeEmpty(text: string, placeholders: readonly string[]): boolean {
  let longest = 0;
  for (const placeholder of placeholders) longest = Math.max(longest, placeholder.length);
  CONTENT.lastIndex = 0;
  for (let found = 0; found <= longest; found++) if (!CONTENT.test(text)) return true;
  return false;
}

/** Whether the UTF-16 unit `c` is white space or a line terminator, as `\s` matches them (all in the BMP). */
function isSpaceUnit(c: number): boolean {
  // Han characters and most others are past U+3000: one comparison for them.
  if (c > 0x3000) return c === 0xfeff;
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/**
 * The number of characters (code points, lone surrogates counted one each) of `text` without its white
 * space: `[...text.replace(/\s+/gu, '')].length`, counted in one pass without making either string or
 * array. A high surrogate pairs with the next unit that is not white space, as it does once that is removed.
 */
export function charactersBesideSpace(text: string): number {
  let count = 0;
  let afterHigh = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceUnit(c)) continue;
    if (afterHigh && c >= 0xdc00 && c <= 0xdfff) {
      afterHigh = false;
      continue;
    }
    count++;
    afterHigh = c >= 0xd800 && c <= 0xdbff;
  }
  return count;
}

/** Section bodies: soft length limits (info by default) and placeholders that leave a section empty. */
function checkBodies(ctx: ValidationContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const section of ctx.template.sections) {
    // A section with neither limit nor placeholders has nothing to check: its text is not made.
    if (!section.maxLength && !section.notEmpty) continue;
    const body = ctx.sectionText(section.id);
    if (!body) continue;
    const heading = ctx.sectionName(section);
    const anchor = ctx.sectionAnchor(body.found) ?? body.range;
    // A body of at most `chars` UTF-16 units has at most that many characters: nothing to count.
    if (section.maxLength && body.text.length > section.maxLength.chars) {
      const length = charactersBesideSpace(body.text);
      if (length > section.maxLength.chars) {
        diagnostics.push(
          ctx.diagnostic('text/length', {
            severity: section.maxLength.severity,
            message: ctx.msg('text/length', { heading, length, max: section.maxLength.chars }),
            range: anchor,
          }),
        );
      }
    }
    if (section.notEmpty && mayBeEmpty(body.text, section.notEmpty.placeholders)) {
      const content = body.text.replace(FILLER, '');
      const placeholders = section.notEmpty.placeholders.map((p) => p.replace(FILLER, ''));
      if (content === '' || placeholders.includes(content)) {
        const range = trimRange(ctx.text, body.range);
        diagnostics.push(
          ctx.diagnostic('text/empty-section', {
            severity: section.notEmpty.severity,
            message: ctx.msg('text/empty-section', { heading, body: excerpt(body.text.trim(), 20) }),
            range: range.end > range.start ? range : anchor,
          }),
        );
      }
    }
  }
  return diagnostics;
}

/** Required mentions, forbidden patterns, section length limits and empty sections. */
export function checkSectionText(ctx: ValidationContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of ctx.template.rules) {
    if (rule.kind === 'mention') diagnostics.push(...checkMention(ctx, rule));
    if (rule.kind === 'forbidden') diagnostics.push(...checkForbidden(ctx, rule));
  }
  diagnostics.push(...checkBodies(ctx));
  return diagnostics;
}
