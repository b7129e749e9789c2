import type { ProseCheckIR, TemplateIR } from '../ir/template-ir.js';
import { Rational } from '../localize/index.js';
import { parseProseNumber } from './prose-number.js';
import { compileRulePattern, sectionTexts, type RulePattern, type TextSegment } from './section-search.js';
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

/**
 * The statements last found, with the rules and texts they were found in: found again in the same texts
 * by the same rules, they are the same. A fix's re-check that rewrites digits of table cells by as many
 * leaves the prose as it was (the rows blanked, every offset in place), and most fixes do.
 */
let lastFound: { rules: ProseRules; segmentsOf: TextSegment[][]; statements: readonly ProseStatement[] } | undefined;

function findStatements(ctx: ValidationContext): readonly ProseStatement[] {
  const known = proseRulesOf(ctx.template);
  const { rules, sectionLists } = known;
  // Most prose rules search the same sections: their texts are looked up once per list of sections.
  const segmentsOf = sectionLists.map((ids) => sectionTexts(ctx, ids));
  if (lastFound !== undefined && lastFound.rules === known && sameSegments(lastFound.segmentsOf, segmentsOf)) return lastFound.statements;
  const statements: ProseStatement[] = [];
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
  lastFound = { rules: known, segmentsOf, statements };
  return statements;
}

/** Whether two lists of lists of searched texts are the same texts at the same places. */
function sameSegments(a: readonly TextSegment[][], b: readonly TextSegment[][]): boolean {
  if (a.length !== b.length) return false;
  for (let l = 0; l < a.length; l++) {
    if (a[l].length !== b[l].length) return false;
    for (let s = 0; s < a[l].length; s++) {
      const [x, y] = [a[l][s], b[l][s]];
      if (x.viewStart !== y.viewStart || x.sectionId !== y.sectionId || x.text !== y.text) return false;
    }
  }
  return true;
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
