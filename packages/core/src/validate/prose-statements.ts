import type { ProseCheckIR, TemplateIR } from '../ir/template-ir.js';
import { Rational } from '../localize/index.js';
import { parseProseNumber } from './prose-number.js';
import { compileRulePattern, sectionTexts, type RulePattern } from './section-search.js';
import type { ValidationContext } from './validation-context.js';

/** A figure the prose states about the tables: a match of a prose rule's pattern, with its number. */
export interface ProseStatement {
  rule: ProseCheckIR;
  /** The number as written ("17", "十二") and its value. */
  written: string;
  value: number;
  /** The whole match and its range in the normalised view. */
  text: string;
  viewStart: number;
  viewEnd: number;
}

/**
 * Every figure the prose restates, by the template's prose rules: each rule's pattern matched on the
 * prose of its sections (table rows left out, see `sectionText`), with the number of its group `n`.
 * Matches whose number cannot be read are left out.
 */
export function proseStatements(ctx: ValidationContext): readonly ProseStatement[] {
  // The arithmetic check asks for them as evidence (when an equation fails), the prose check always.
  let statements = statementsOf.get(ctx);
  if (statements === undefined) statementsOf.set(ctx, (statements = findStatements(ctx)));
  return statements;
}

/** The statements of each validation, found once (a validation does not change its report). */
const statementsOf = new WeakMap<ValidationContext, readonly ProseStatement[]>();

function findStatements(ctx: ValidationContext): ProseStatement[] {
  const statements: ProseStatement[] = [];
  const { rules, sectionLists } = proseRulesOf(ctx.template);
  // Most prose rules search the same sections: their texts are looked up once per list of sections.
  const segmentsOf = sectionLists.map((ids) => sectionTexts(ctx, ids));
  for (let r = 0; r < rules.length; r++) {
    const { rule, pattern, list } = rules[r];
    const segments = segmentsOf[list];
    for (let s = 0; s < segments.length; s++) {
      const segment = segments[s];
      for (const m of pattern.matches(segment.text)) {
        const written = m.n;
        const value = written === undefined ? null : parseProseNumber(written);
        if (value === null) continue;
        const viewStart = segment.viewStart + m.index;
        statements.push({ rule, written: written!.trim(), value, text: m.text, viewStart, viewEnd: viewStart + m.text.length });
      }
    }
  }
  return statements;
}

/** A template's prose rules in order, each with its pattern and the index of its list of sections. */
interface ProseRules {
  rules: { rule: ProseCheckIR; pattern: RulePattern; list: number }[];
  /** The distinct lists of sections the rules search (equal lists once). */
  sectionLists: (readonly string[])[];
}

const proseRules = new WeakMap<TemplateIR, ProseRules>();

/** The {@link ProseRules} of `template`, made once per template. */
function proseRulesOf(template: TemplateIR): ProseRules {
  let known = proseRules.get(template);
  if (known === undefined) {
    const sectionLists: (readonly string[])[] = [];
    const keys: string[] = [];
    const rules: ProseRules['rules'] = [];
    for (const rule of template.rules) {
      if (rule.kind !== 'prose') continue;
      const key = JSON.stringify(rule.sections);
      let list = keys.indexOf(key);
      if (list < 0) {
        list = keys.push(key) - 1;
        sectionLists.push(rule.sections);
      }
      rules.push({ rule, pattern: compileRulePattern(rule.pattern, true), list });
    }
    known = { rules, sectionLists };
    proseRules.set(template, known);
  }
  return known;
}

/**
 * The value of a prose rule's cell expression (blank cells count 0), or null when an operand cannot be
 * read (absent, invalid, approximate).
 */
export function proseExpressionValue(ctx: ValidationContext, rule: ProseCheckIR): Rational | null {
  let total = Rational.ZERO;
  for (const term of rule.expression) {
    const cell = ctx.reportCell(term.cell);
    if (cell.state === 'blank') continue;
    if (cell.state !== 'number' || cell.value === null || !Number.isFinite(cell.value)) return null;
    total = total.add(Rational.fromNumber(term.coef).mul(Rational.fromNumber(cell.value)));
  }
  return total;
}
