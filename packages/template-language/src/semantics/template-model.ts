import type { ResolvedCellType } from './cell-type.js';

/**
 * The analysed template: plain data with the shape of the template IR of `@nianbao/core` (without its
 * version tag). The core compiler adds the version and checks it against the IR schema.
 */

/** A severity as declared by a template. */
export type ModelSeverity = 'error' | 'warning' | 'info';

/** A message in both catalogue languages. */
export interface ModelText {
  'zh-CN': string;
  en: string;
}

/** A node of a row or column tree. */
export interface ModelAxisNode {
  id: string;
  label: string;
  en?: string;
  aliases: string[];
  children: ModelAxisNode[];
  type?: ResolvedCellType;
  span?: number;
  optional?: boolean;
  ownFigure?: boolean;
}

/** A table. */
export interface ModelTable {
  id: string;
  label: string;
  en?: string;
  section: string;
  caption?: string;
  corner?: string;
  columns: ModelAxisNode[];
  rows: ModelAxisNode[];
  cellType: ResolvedCellType;
  optional?: boolean;
  appendix?: boolean;
  leafColumns: string[];
  leafRows: string[];
}

/** A data cell. */
export interface ModelCell {
  id: string;
  table: string;
  row: string;
  column: string;
  type: ResolvedCellType;
}

/** A section. */
export interface ModelSection {
  id: string;
  numeral: string;
  heading: string;
  en?: string;
  aliases: string[];
  kind: 'prose' | 'table';
  required: boolean;
  tables: string[];
  maxLength?: { chars: number; severity: ModelSeverity };
  notEmpty?: { placeholders: string[]; severity: ModelSeverity };
  /** The body must be less similar than `threshold` (0..1) to the same agency's previous report. */
  notCopied?: { threshold: number; severity: ModelSeverity };
}

/** coefficient × cell. */
export interface ModelTerm {
  cell: string;
  coef: number;
  /** The cell of the same agency's report of the year before (cross-year rules only). */
  previous?: true;
}

/** A comparison operator. */
export type ModelOperator = '=' | '<=' | '>=' | '<' | '>';

/** A comparison `Σ lhs + lhsConstant  op  Σ rhs + rhsConstant` (constants omitted when 0). */
export interface ModelComparison {
  lhs: ModelTerm[];
  op: ModelOperator;
  rhs: ModelTerm[];
  lhsConstant?: number;
  rhsConstant?: number;
}

/** One expanded (in)equation; with `when`, checked only where that condition holds. */
export interface ModelEquation extends ModelComparison {
  id: string;
  when?: ModelComparison;
  bindings: Record<string, string>;
}

interface ModelRuleBase {
  id: string;
  title: ModelText;
  severity: ModelSeverity;
  message: ModelText;
}

/** An arithmetic rule expanded to equations. */
export interface ModelArithmeticRule extends ModelRuleBase {
  kind: 'arithmetic';
  blank: 'zero' | 'unknown';
  tolerance: number;
  table: string;
  equations: ModelEquation[];
}

/**
 * An arithmetic rule some of whose cells are read from the same agency's report of the year before
 * (`previous`): checked only when both years are audited together.
 */
export interface ModelCrossYearRule extends ModelRuleBase {
  kind: 'crossYear';
  blank: 'zero' | 'unknown';
  tolerance: number;
  table: string;
  equations: ModelEquation[];
}

/** A number in prose that must equal a cell expression. */
export interface ModelProseCheck extends ModelRuleBase {
  kind: 'prose';
  sections: string[];
  pattern: string;
  expression: ModelTerm[];
}

/** A required mention. */
export interface ModelMentionRule extends ModelRuleBase {
  kind: 'mention';
  section: string;
  anyOf: string[];
  /** Every phrase must occur (not just one). */
  all?: boolean;
}

/** A forbidden pattern. */
export interface ModelForbiddenPatternRule extends ModelRuleBase {
  kind: 'forbidden';
  sections: string[];
  pattern: string;
}

/** Any rule. */
export type ModelRule =
  | ModelArithmeticRule
  | ModelCrossYearRule
  | ModelProseCheck
  | ModelMentionRule
  | ModelForbiddenPatternRule;

/** A generic check switched on or off with a severity. */
export interface ModelCheckSwitch {
  enabled: boolean;
  severity: ModelSeverity;
}

/** The generic checks of the engine a template configures (keys as in the IR). */
export const genericCheckKeys = [
  'blankCells',
  'approximateNumbers',
  'units',
  'garbledText',
  'converterArtefacts',
  'headingWording',
  'templateYear',
] as const;

/** Key of a generic check. */
export type GenericCheckKey = (typeof genericCheckKeys)[number];

/** Severity of each generic check when the template does not set it. */
export const defaultGenericCheckSeverity: Record<GenericCheckKey, ModelSeverity> = {
  blankCells: 'warning',
  approximateNumbers: 'warning',
  units: 'warning',
  garbledText: 'warning',
  converterArtefacts: 'warning',
  headingWording: 'warning',
  templateYear: 'warning',
};

/** A detection marker. */
export interface ModelMarker {
  text: string;
  weight: number;
}

/** The analysed template. */
export interface TemplateModel {
  id: string;
  title: string;
  notice: string;
  years: { from: number; to?: number };
  /** Templates this one replaces (their years end before this one's first year). */
  supersedes?: string[];
  markers: ModelMarker[];
  legacyMarkers: string[];
  sections: ModelSection[];
  tables: ModelTable[];
  cells: ModelCell[];
  rules: ModelRule[];
  checks: Record<GenericCheckKey, ModelCheckSwitch>;
}
