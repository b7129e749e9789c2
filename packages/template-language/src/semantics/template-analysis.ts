import type { AstNode } from 'langium';
import type {
  AxisNode,
  ForbiddenBody,
  MentionBody,
  ProseBody,
  Rule,
  Section,
  Table,
  Template,
} from '../generated/ast.js';
import {
  isArithmeticBody,
  isChecksDecl,
  isForbiddenBody,
  isLegacyMarkersDecl,
  isMarkersDecl,
  isMentionBody,
  isNoticeDecl,
  isProseBody,
  isRule,
  isSection,
  isSupersedesDecl,
  isTable,
  isTitleDecl,
  isYearsDecl,
} from '../generated/ast.js';
import type { AnalysisProblem } from './analysis-problem.js';
import { ProblemCollector } from './analysis-problem.js';
import { axisLeaves, axisNodeId, axisRoots, hasOwnFigure } from './axis-tree.js';
import type { ResolvedCellType } from './cell-type.js';
import { arithmeticClass, describeCellType, isWordsType, leafCellType, resolveCellType, tableCellType } from './cell-type.js';
import { CellExpressionEvaluator } from './cell-expression-evaluator.js';
import type { SourcedEquation } from './equation-relations.js';
import { checkEquationRelations } from './equation-relations.js';
import { checkNonNegativeCells } from './non-negative-cells.js';
import { compilePattern, joinPatternSources } from './pattern-notation.js';
import { expandArithmeticRule } from './rule-expansion.js';
import { splitHeading } from './section-heading.js';
import type {
  GenericCheckKey,
  ModelAxisNode,
  ModelCell,
  ModelCheckSwitch,
  ModelRule,
  ModelSection,
  ModelTable,
  ModelTerm,
  TemplateModel,
} from './template-model.js';
import { defaultGenericCheckSeverity, genericCheckKeys } from './template-model.js';

/** The result of analysing a template: the model (plain data) and the problems found on the way. */
export interface TemplateAnalysis {
  model: TemplateModel;
  problems: AnalysisProblem[];
}

/** Most uncovered cells listed by name in one diagnostic. */
const uncoveredCellsListed = 6;

/**
 * Analyse a parsed and linked template: resolve its tables and cells, expand every rule to equations
 * over cell ids, and check what only the expansion reveals (references on the wrong axis or table,
 * selections, types of the cells of one equation, trivial, duplicate, redundant or contradictory
 * equations, cells no rule covers). Never throws on a partial AST; the model of a template with errors
 * is incomplete.
 */
export function analyzeTemplate(template: Template): TemplateAnalysis {
  const problems = new ProblemCollector();
  const members = template.members ?? [];
  const sections = members.filter(isSection);
  const tables = members.filter(isTable);
  const rules = members.filter(isRule);

  const sectionOfTable = new Map<Table, Section>();
  for (const section of sections) {
    for (const reference of section.tables ?? []) {
      if (reference.ref && !sectionOfTable.has(reference.ref)) {
        sectionOfTable.set(reference.ref, section);
      }
    }
  }

  const cells: ModelCell[] = [];
  const cellTypes = new Map<string, ResolvedCellType>();
  const modelTables = tables.map((table) => {
    const modelTable = tableModel(table, sectionOfTable.get(table));
    for (const cell of tableCells(table)) {
      cells.push(cell);
      cellTypes.set(cell.id, cell.type);
    }
    return modelTable;
  });

  const modelRules: ModelRule[] = [];
  const sourcedEquations: SourcedEquation[] = [];
  for (const rule of rules) {
    const modelRule = ruleModel(rule, problems, cellTypes, sourcedEquations);
    if (modelRule) {
      modelRules.push(modelRule);
    }
  }
  checkEquationRelations(sourcedEquations, problems);
  checkNonNegativeCells(sourcedEquations, cellTypes, problems);
  reportUncoveredCells(tables, cells, sourcedEquations, problems);

  const title = members.find(isTitleDecl);
  const notice = members.find(isNoticeDecl);
  const years = members.find(isYearsDecl);
  const model: TemplateModel = {
    id: template.name ?? '',
    title: title?.value ?? '',
    notice: notice?.value ?? '',
    years: years?.to !== undefined ? { from: years.from, to: years.to } : { from: years?.from ?? 0 },
    ...supersedesModel(template),
    markers: members
      .filter(isMarkersDecl)
      .flatMap((declaration) => declaration.markers ?? [])
      .map((marker) => ({ text: marker.text, weight: marker.weight ?? 1 })),
    legacyMarkers: members
      .filter(isLegacyMarkersDecl)
      .flatMap((declaration) => declaration.markers ?? [])
      .map((marker) => marker.text),
    sections: sections.map(sectionModel),
    tables: modelTables,
    cells,
    rules: modelRules,
    checks: checksModel(template),
  };
  return { model, problems: problems.problems };
}

function supersedesModel(template: Template): { supersedes?: string[] } {
  const ids = (template.members ?? []).filter(isSupersedesDecl).flatMap((declaration) => declaration.templates ?? []);
  return ids.length > 0 ? { supersedes: [...new Set(ids)] } : {};
}

function sectionModel(section: Section): ModelSection {
  const { numeral, text } = splitHeading(section.heading ?? '');
  const items = section.items ?? [];
  const maxLength = items.find((item) => item.$type === 'MaxLength');
  const notEmpty = items.find((item) => item.$type === 'NotEmpty');
  const notCopied = items.find((item) => item.$type === 'NotCopied');
  const model: ModelSection = {
    id: section.name,
    numeral,
    heading: text,
    aliases: items
      .filter((item) => item.$type === 'SectionAlias')
      .map((alias) => splitHeading(alias.text).text)
      .filter((alias, index, all) => alias !== text && all.indexOf(alias) === index),
    kind: section.kind === 'table' ? 'table' : 'prose',
    required: !section.optional,
    tables: (section.tables ?? []).map((reference) => reference.ref?.name ?? reference.$refText),
  };
  if (section.en !== undefined) {
    model.en = section.en;
  }
  if (maxLength) {
    model.maxLength = { chars: maxLength.chars, severity: maxLength.severity };
  }
  if (notEmpty) {
    model.notEmpty = { placeholders: [...(notEmpty.placeholders ?? [])], severity: notEmpty.severity };
  }
  if (notCopied) {
    model.notCopied = { threshold: notCopied.threshold, severity: notCopied.severity };
  }
  return model;
}

function tableModel(table: Table, section: Section | undefined): ModelTable {
  const model: ModelTable = {
    id: table.name,
    label: table.label ?? '',
    section: section?.name ?? '',
    columns: axisRoots(table, 'column').map(axisNodeModel),
    rows: axisRoots(table, 'row').map(axisNodeModel),
    cellType: tableCellType(table),
    leafColumns: axisLeaves(table, 'column').map(axisNodeId),
    leafRows: axisLeaves(table, 'row').map(axisNodeId),
  };
  if (table.en !== undefined) {
    model.en = table.en;
  }
  if (table.optional) {
    model.optional = true;
  }
  if (table.appendix) {
    model.appendix = true;
  }
  if (table.caption !== undefined) {
    model.caption = table.caption;
  }
  if (table.corner !== undefined) {
    model.corner = table.corner;
  }
  return model;
}

function axisNodeModel(node: AxisNode): ModelAxisNode {
  const model: ModelAxisNode = {
    id: axisNodeId(node),
    label: node.label ?? '',
    ...(node.en !== undefined ? { en: node.en } : {}),
    aliases: [...(node.aliases ?? [])],
    children: (node.children ?? []).map(axisNodeModel),
  };
  if (node.type) {
    model.type = resolveCellType(node.type);
  }
  if (node.span !== undefined) {
    model.span = node.span;
  }
  if (node.optional) {
    model.optional = true;
  }
  if (hasOwnFigure(node)) {
    model.ownFigure = true;
  }
  return model;
}

/** A cell's declared type: a text or ignored column's, else the row's, else the column's. */
function cellTypeOf(row: ResolvedCellType | undefined, column: ResolvedCellType | undefined): ResolvedCellType | undefined {
  return column && isWordsType(column) ? column : (row ?? column);
}

/** The data cells of a table, row-major; a row's type wins over its column's, which wins over the table's. */
function tableCells(table: Table): ModelCell[] {
  const fallback = tableCellType(table);
  const columns = axisLeaves(table, 'column');
  return axisLeaves(table, 'row').flatMap((row) =>
    columns.map((column) => ({
      id: CellExpressionEvaluator.cellId(table, row, column),
      table: table.name,
      row: axisNodeId(row),
      column: axisNodeId(column),
      type: cellTypeOf(leafCellType(row), leafCellType(column)) ?? fallback,
    })),
  );
}

function ruleModel(
  rule: Rule,
  problems: ProblemCollector,
  cellTypes: Map<string, ResolvedCellType>,
  sourcedEquations: SourcedEquation[],
): ModelRule | undefined {
  const body = rule.body;
  const base = {
    id: rule.name,
    title: { 'zh-CN': rule.title?.zh ?? '', en: rule.title?.en ?? '' },
    severity: rule.severity,
    message: { 'zh-CN': rule.message?.zh ?? '', en: rule.message?.en ?? '' },
  };
  if (!body) {
    return undefined;
  }
  if (isArithmeticBody(body)) {
    const table = rule.table?.ref ?? firstSelectionTable(body);
    const expanded = expandArithmeticRule(rule, body, rule.table?.ref, problems);
    if (!expanded) {
      return undefined;
    }
    for (const equation of expanded.equations) {
      checkEquationTypes([...equation.lhs, ...equation.rhs], cellTypes, body.equation, problems);
      if (equation.when) checkEquationTypes([...equation.when.lhs, ...equation.when.rhs], cellTypes, body.condition, problems);
      sourcedEquations.push({ equation, node: body.equation, ...(body.condition ? { conditionNode: body.condition } : {}) });
    }
    const options = body.options ?? [];
    const blank = [...options].reverse().find((option) => option.blank !== undefined)?.blank ?? 'zero';
    const tolerance = [...options].reverse().find((option) => option.tolerance !== undefined)?.tolerance ?? 0;
    const crossYear = expanded.equations.some((equation) =>
      [...equation.lhs, ...equation.rhs, ...(equation.when?.lhs ?? []), ...(equation.when?.rhs ?? [])].some((term) => term.previous),
    );
    const kind = crossYear ? 'crossYear' : 'arithmetic';
    return { ...base, kind, blank, tolerance, table: table?.name ?? '', equations: expanded.equations };
  }
  if (isProseBody(body)) {
    return proseModel(rule, body, base, problems, cellTypes);
  }
  if (isMentionBody(body)) {
    return mentionModel(body, base);
  }
  if (isForbiddenBody(body)) {
    return forbiddenModel(body, base, problems);
  }
  return undefined;
}

function proseModel(
  rule: Rule,
  body: ProseBody,
  base: Omit<ModelRule, 'kind'>,
  problems: ProblemCollector,
  cellTypes: Map<string, ResolvedCellType>,
): ModelRule | undefined {
  const compiled = body.pattern ? compilePattern(body.pattern) : undefined;
  if (!body.expression) {
    return undefined;
  }
  const evaluator = new CellExpressionEvaluator(problems, rule.table?.ref);
  const value = evaluator.evaluateLinear(body.expression, new Map());
  if (!value) {
    return undefined;
  }
  if (value.constant !== 0) {
    problems.report('constant-in-prose', body, {}, 'expression');
    return undefined;
  }
  const expression = value.terms;
  if (expression.some((term) => term.previous)) {
    problems.report('previous-outside-arithmetic', body, {}, 'expression');
    return undefined;
  }
  checkEquationTypes(expression, cellTypes, body.expression, problems);
  return {
    ...base,
    kind: 'prose',
    sections: sectionIds(body.sections),
    pattern: compiled?.ok ? compiled.source : '',
    expression,
  };
}

function mentionModel(body: MentionBody, base: Omit<ModelRule, 'kind'>): ModelRule {
  return {
    ...base,
    kind: 'mention',
    section: body.section?.ref?.name ?? body.section?.$refText ?? '',
    anyOf: [...(body.anyOf ?? [])],
    ...(body.all ? { all: true } : {}),
  };
}

function forbiddenModel(body: ForbiddenBody, base: Omit<ModelRule, 'kind'>, problems: ProblemCollector): ModelRule {
  const sources = (body.patterns ?? []).map(compilePattern).flatMap((compiled) => (compiled.ok ? [compiled.source] : []));
  const pattern = sources.length > 0 ? joinPatternSources(sources) : '';
  if (sources.length > 1) {
    try {
      new RegExp(pattern, 'gu');
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      problems.report('invalid-pattern', body, { detail }, 'patterns');
    }
  }
  return { ...base, kind: 'forbidden', sections: sectionIds(body.sections), pattern };
}

function sectionIds(references: ProseBody['sections'] | undefined): string[] {
  const ids = (references ?? []).map((reference) => reference.ref?.name ?? reference.$refText);
  return ids.filter((id, index) => ids.indexOf(id) === index);
}

function firstSelectionTable(body: AstNode): Table | undefined {
  const stack: AstNode[] = [body];
  while (stack.length > 0) {
    const node = stack.shift() as AstNode;
    if (node.$type === 'CellSelection') {
      const table = (node as { table?: { ref?: Table } }).table?.ref;
      if (table) {
        return table;
      }
    }
    for (const value of Object.entries(node)) {
      const [key, child] = value;
      if (key.startsWith('$')) {
        continue;
      }
      for (const candidate of Array.isArray(child) ? child : [child]) {
        if (candidate && typeof candidate === 'object' && '$type' in candidate) {
          stack.push(candidate as AstNode);
        }
      }
    }
  }
  return undefined;
}

function checkEquationTypes(
  terms: ModelTerm[],
  cellTypes: Map<string, ResolvedCellType>,
  node: AstNode | undefined,
  problems: ProblemCollector,
): void {
  if (!node) {
    return;
  }
  const classes = new Map<string, string>();
  for (const term of terms) {
    const type = cellTypes.get(term.cell);
    if (type) {
      classes.set(arithmeticClass(type), describeCellType(type));
    }
  }
  if (classes.has('text') || classes.has('ignored') || classes.size > 1) {
    const types = [...new Set(terms.map((term) => cellTypes.get(term.cell)).filter((type) => type !== undefined).map(describeCellType))];
    problems.report('type-mismatch', node, { types: types.join(', ') });
  }
}

function reportUncoveredCells(
  tables: Table[],
  cells: ModelCell[],
  equations: SourcedEquation[],
  problems: ProblemCollector,
): void {
  const covered = new Set<string>();
  for (const { equation } of equations) {
    for (const term of [...equation.lhs, ...equation.rhs, ...(equation.when?.lhs ?? []), ...(equation.when?.rhs ?? [])]) {
      covered.add(term.cell);
    }
  }
  for (const table of tables) {
    const uncovered = cells.filter((cell) => cell.table === table.name && !covered.has(cell.id));
    if (uncovered.length === 0) {
      continue;
    }
    const listed = uncovered.slice(0, uncoveredCellsListed).map((cell) => cell.id);
    const more = uncovered.length > listed.length ? ', …' : '';
    problems.report('uncovered-cells', table, { table: table.name, count: uncovered.length, cells: listed.join(', ') + more }, 'name');
  }
}

function checksModel(template: Template): Record<GenericCheckKey, ModelCheckSwitch> {
  const checks = Object.fromEntries(
    genericCheckKeys.map((key) => [key, { enabled: true, severity: defaultGenericCheckSeverity[key] }]),
  ) as Record<GenericCheckKey, ModelCheckSwitch>;
  for (const declaration of (template.members ?? []).filter(isChecksDecl)) {
    for (const setting of declaration.switches ?? []) {
      const key = setting.key as GenericCheckKey;
      if (!genericCheckKeys.includes(key)) {
        continue;
      }
      checks[key] = setting.off
        ? { enabled: false, severity: defaultGenericCheckSeverity[key] }
        : { enabled: true, severity: setting.severity ?? defaultGenericCheckSeverity[key] };
    }
  }
  return checks;
}
