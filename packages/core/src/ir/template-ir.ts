import { z } from 'zod';

/**
 * The template IR: the one contract between the template DSL and everything that runs reports.
 *
 * A template compiles to one `TemplateIR` object. It is plain JSON (no functions, no classes), so the
 * built-in templates are compiled at build time and shipped as data. Every equation is already expanded
 * to cell ids: the validator needs no knowledge of the DSL.
 */

/** A message in both catalogue languages. Placeholders are written `{name}`. */
export const localizedTextSchema = z.object({
  'zh-CN': z.string(),
  en: z.string(),
});
/** A message in both catalogue languages. */
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Diagnostic severity, as declared by a template. */
export const severitySchema = z.enum(['error', 'warning', 'info']);
/** Diagnostic severity, as declared by a template. */
export type Severity = z.infer<typeof severitySchema>;

/** A unit a money/decimal cell accepts, with the factor that converts it to the cell's unit. */
export const acceptedUnitSchema = z.object({
  unit: z.string(),
  /** value-in-cell-unit = value × factor (元 → 万元: 0.0001). */
  factor: z.number(),
});

/** What a cell may hold. */
export const cellTypeSchema = z.discriminatedUnion('kind', [
  /** A non-negative integer count. */
  z.object({ kind: z.literal('count') }),
  /** A signed integer (e.g. 2019 本年增/减). */
  z.object({ kind: z.literal('integer') }),
  /** A decimal number without a unit. */
  z.object({ kind: z.literal('decimal') }),
  /** Words, not a figure (e.g. 计量单位): kept as written, never checked, never in a rule. */
  z.object({ kind: z.literal('text') }),
  /** A column read past and never checked (e.g. 备注). */
  z.object({ kind: z.literal('ignored') }),
  /** An amount of money: normalised to `unit`; other accepted units are converted. */
  z.object({
    kind: z.literal('money'),
    unit: z.string(),
    accepted: z.array(acceptedUnitSchema),
    /** True when a value written without any unit is a finding. */
    unitRequired: z.boolean(),
  }),
]);
/** What a cell may hold. */
export type CellType = z.infer<typeof cellTypeSchema>;

/** A node of a column tree or row tree. Leaves carry data; inner nodes are groups. */
export interface AxisNode {
  /** Id, unique within its axis of its table (e.g. `naturalPerson`, `results.total`). */
  id: string;
  /** The label exactly as the notice writes it (Simplified Chinese). Empty for an unlabelled single row. */
  label: string;
  /** English label, for messages in English (the Chinese label otherwise). */
  en?: string;
  /** Variant wordings that also match this node. */
  aliases: string[];
  /** Children; empty for a leaf. */
  children: AxisNode[];
  /** Cell type for the cells of this leaf (overrides the table default). */
  type?: CellType;
  /** Layout hint: how many physical columns this node spans in the official Word table (merged cells). */
  span?: number;
  /** True when the row (or every row under the group) may be missing from a report without a finding. */
  optional?: boolean;
  /**
   * True for a row with children that carries a figure of its own (收到申请数 above 当面申请数, 传真申请数 …):
   * it is a leaf row (in `leafRows`, before its children) and a group (`leaves(x)` in rules: its children).
   */
  ownFigure?: boolean;
}
/** Schema of {@link AxisNode}. */
export const axisNodeSchema: z.ZodType<AxisNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    label: z.string(),
    en: z.string().optional(),
    aliases: z.array(z.string()),
    children: z.array(axisNodeSchema),
    type: cellTypeSchema.optional(),
    span: z.number().int().positive().optional(),
    optional: z.boolean().optional(),
    ownFigure: z.boolean().optional(),
  }),
);

/** A statistical table (or one captioned block of one, such as 第二十条第（一）项 in section 二). */
export const tableSchema = z.object({
  id: z.string(),
  /** Human name of the table. */
  label: z.string(),
  /** English name of the table, for messages in English. */
  en: z.string().optional(),
  /** The section the table belongs to. */
  section: z.string(),
  /** Caption line that precedes the table in the report (e.g. 第二十条第（一）项), if any. */
  caption: z.string().optional(),
  /** Label of the top-left header cell (e.g. 信息内容), if any. */
  corner: z.string().optional(),
  /** Column tree. */
  columns: z.array(axisNodeSchema),
  /** Row tree. */
  rows: z.array(axisNodeSchema),
  /** Default cell type. */
  cellType: cellTypeSchema,
  /** True when the table may be missing from a report without a finding. */
  optional: z.boolean().optional(),
  /** True for a table outside the numbered sections (附件：…统计表); its `section` is empty. */
  appendix: z.boolean().optional(),
  /** Leaf column ids in reading order (derived, for convenience). */
  leafColumns: z.array(z.string()),
  /** Leaf row ids in reading order (derived, for convenience). */
  leafRows: z.array(z.string()),
});
/** A statistical table. */
export type TableIR = z.infer<typeof tableSchema>;

/** One data cell: the cross product of a leaf row and a leaf column. */
export const cellSchema = z.object({
  /** `${table}.${row}.${column}`. */
  id: z.string(),
  table: z.string(),
  row: z.string(),
  column: z.string(),
  type: cellTypeSchema,
});
/** One data cell. */
export type CellIR = z.infer<typeof cellSchema>;

/** A section of the report. */
export const sectionSchema = z.object({
  id: z.string(),
  /** Chinese numeral of the heading: 一 … 六. */
  numeral: z.string(),
  /** Heading text after the numeral and 、 (e.g. 总体情况). */
  heading: z.string(),
  /** English heading, for messages in English. */
  en: z.string().optional(),
  /** Accepted variant headings (text after the numeral). */
  aliases: z.array(z.string()),
  kind: z.enum(['prose', 'table']),
  required: z.boolean(),
  /** Tables of this section, in order. */
  tables: z.array(z.string()),
  /** Soft length limit of the section body, in characters. */
  maxLength: z.object({ chars: z.number().int().positive(), severity: severitySchema }).optional(),
  /** Bodies that count as empty (e.g. 无, 无。); an empty body of a section with this set is a finding. */
  notEmpty: z.object({ placeholders: z.array(z.string()), severity: severitySchema }).optional(),
  /**
   * Audits of several years: the body must be less similar than `threshold` (0..1, Sørensen–Dice on
   * normalised text) to the same section of the same agency's report of the year before.
   */
  notCopied: z.object({ threshold: z.number().min(0).max(1), severity: severitySchema }).optional(),
});
/** A section of the report. */
export type SectionIR = z.infer<typeof sectionSchema>;

/**
 * A term of a linear expression: coefficient × cell. `previous`: the cell of the same agency's report of
 * the year before (cross-year rules only).
 */
export const termSchema = z.object({ cell: z.string(), coef: z.number(), previous: z.literal(true).optional() });
/** A term of a linear expression. */
export type Term = z.infer<typeof termSchema>;

/**
 * A comparison of two linear expressions: Σ lhs + lhsConstant  op  Σ rhs + rhsConstant. A side may have
 * no term (`[a, b] >= 0` has an empty right side); constants are omitted when 0.
 */
export const comparisonSchema = z.object({
  lhs: z.array(termSchema),
  op: z.enum(['=', '<=', '>=', '<', '>']),
  rhs: z.array(termSchema),
  lhsConstant: z.number().optional(),
  rhsConstant: z.number().optional(),
});
/** A comparison of two linear expressions. */
export type ComparisonIR = z.infer<typeof comparisonSchema>;

/**
 * One expanded (in)equation of an arithmetic rule: Σ lhs + lhsConstant  op  Σ rhs + rhsConstant. With
 * `when` (a conditional rule), it is checked only on a report where that condition holds; a condition
 * with an unreadable cell decides nothing, and the equation is then not checked either.
 */
export const equationSchema = z.object({
  /** `${rule}[${binding}]`, e.g. `R1[naturalPerson]`. */
  id: z.string(),
  ...comparisonSchema.shape,
  /** The condition under which the equation applies (`when … :`). */
  when: comparisonSchema.optional(),
  /** The quantifier bindings that produced this equation, e.g. `{ column: 'naturalPerson' }`. */
  bindings: z.record(z.string(), z.string()),
});
/** One expanded (in)equation. */
export type EquationIR = z.infer<typeof equationSchema>;

/** An arithmetic rule, expanded to equations. */
export const arithmeticRuleSchema = z.object({
  kind: z.literal('arithmetic'),
  id: z.string(),
  /** Short name (e.g. 勾稽关系). */
  title: localizedTextSchema,
  severity: severitySchema,
  /** Message; placeholders {lhs} {rhs} {expected} {actual} and each binding name. */
  message: localizedTextSchema,
  /** What a blank cell counts as: zero, or the equation is undecidable. */
  blank: z.enum(['zero', 'unknown']),
  /** Absolute tolerance for decimals. */
  tolerance: z.number().nonnegative(),
  /** The table the rule is about (first one its expressions use). */
  table: z.string(),
  equations: z.array(equationSchema),
});
/** An arithmetic rule. */
export type ArithmeticRuleIR = z.infer<typeof arithmeticRuleSchema>;

/**
 * An arithmetic rule some of whose terms read the same agency's report of the year before: not checked
 * on one report, only by an audit that has both years. Cells of the earlier report are matched by id, so
 * the rule also holds across a change of template wherever both have the cell.
 */
export const crossYearRuleSchema = arithmeticRuleSchema.extend({ kind: z.literal('crossYear') });
/** A cross-year rule. */
export type CrossYearRuleIR = z.infer<typeof crossYearRuleSchema>;

/** A number restated in prose must equal a cell expression. */
export const proseCheckSchema = z.object({
  kind: z.literal('prose'),
  id: z.string(),
  title: localizedTextSchema,
  severity: severitySchema,
  message: localizedTextSchema,
  /** Sections searched (all when empty). */
  sections: z.array(z.string()),
  /** ECMAScript regex source (flags `gu`) with a named group `n` for the number; matched on normalised text. */
  pattern: z.string(),
  /** The expression the number must equal. */
  expression: z.array(termSchema),
});
/** A prose-vs-table check. */
export type ProseCheckIR = z.infer<typeof proseCheckSchema>;

/** A section must mention one of some phrases. */
export const mentionRuleSchema = z.object({
  kind: z.literal('mention'),
  id: z.string(),
  title: localizedTextSchema,
  severity: severitySchema,
  message: localizedTextSchema,
  section: z.string(),
  /** The phrases; one of them must occur, or every one of them when `all` is true. */
  anyOf: z.array(z.string()),
  all: z.boolean().optional(),
});
/** A required mention. */
export type MentionRuleIR = z.infer<typeof mentionRuleSchema>;

/** A pattern that must not occur in some sections (e.g. old-format statistics in 一). */
export const forbiddenPatternRuleSchema = z.object({
  kind: z.literal('forbidden'),
  id: z.string(),
  title: localizedTextSchema,
  severity: severitySchema,
  message: localizedTextSchema,
  sections: z.array(z.string()),
  /** ECMAScript regex source (flags `gu`), matched on normalised text. */
  pattern: z.string(),
});
/** A forbidden pattern. */
export type ForbiddenPatternRuleIR = z.infer<typeof forbiddenPatternRuleSchema>;

/** Any rule of a template. */
export const ruleSchema = z.discriminatedUnion('kind', [
  arithmeticRuleSchema,
  crossYearRuleSchema,
  proseCheckSchema,
  mentionRuleSchema,
  forbiddenPatternRuleSchema,
]);
/** Any rule of a template. */
export type RuleIR = z.infer<typeof ruleSchema>;

/** A generic check of the engine that a template switches on or off, with a severity. */
export const checkSwitchSchema = z.object({ enabled: z.boolean(), severity: severitySchema });

/** The generic detectors and their severities. Keys are stable. */
export const checksSchema = z.object({
  /** Blank cells in a table (one finding per table). */
  blankCells: checkSwitchSchema,
  /** Approximate numbers ("19万", "2千余") in a count cell. */
  approximateNumbers: checkSwitchSchema,
  /** Money without a unit, or in a unit other than the cell's. */
  units: checkSwitchSchema,
  /** Injected Pinyin readings, mojibake, U+FFFD. */
  garbledText: checkSwitchSchema,
  /** Converter artefacts such as "[bookmark: _GoBack]". */
  converterArtefacts: checkSwitchSchema,
  /** Headings that are neither the template's nor an alias. */
  headingWording: checkSwitchSchema,
  /** Report year outside the template's years, or another template's markers. */
  templateYear: checkSwitchSchema,
});
/** The generic detectors and their severities. */
export type ChecksIR = z.infer<typeof checksSchema>;

/** A detection marker: a phrase typical of this format. */
export const markerSchema = z.object({ text: z.string(), weight: z.number().positive() });

/** A compiled template. */
export const templateIRSchema = z.object({
  irVersion: z.literal(1),
  id: z.string(),
  title: z.string(),
  /** Issuing notice, e.g. 国办公开办函〔2021〕30号. */
  notice: z.string(),
  /** Report years the template applies to (inclusive; `to` absent = still in force). */
  years: z.object({ from: z.number().int(), to: z.number().int().optional() }),
  /** Templates this one replaces: in a set of templates, their years end before this one's first year. */
  supersedes: z.array(z.string()).optional(),
  markers: z.array(markerSchema),
  /** Phrases of the superseded, pre-template format (e.g. 指标名称, 历年累计). */
  legacyMarkers: z.array(z.string()),
  sections: z.array(sectionSchema),
  tables: z.array(tableSchema),
  /** Every data cell, table by table, row-major. */
  cells: z.array(cellSchema),
  rules: z.array(ruleSchema),
  checks: checksSchema,
});
/** A compiled template. */
export type TemplateIR = z.infer<typeof templateIRSchema>;

/** Parse and check an unknown value as a template IR; throws a ZodError when it is not one. */
export function parseTemplateIR(value: unknown): TemplateIR {
  return templateIRSchema.parse(value);
}
