import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import { AstUtils } from 'langium';
import type {
  AxisNode,
  CellType,
  ChecksDecl,
  ForbiddenBody,
  MarkersDecl,
  MaxLength,
  NotCopied,
  MentionBody,
  NianbaoTemplateAstType,
  Pattern,
  ProseBody,
  Rule,
  Section,
  Table,
  Template,
  TemplateFile,
  YearsDecl,
} from '../generated/ast.js';
import {
  isArithmeticBody,
  isChecksDecl,
  isLegacyMarkersDecl,
  isMarkersDecl,
  isNoticeDecl,
  isPatchOperation,
  isTemplate,
  isProseBody,
  isRule,
  isSection,
  isTable,
  isTitleDecl,
  isYearsDecl,
} from '../generated/ast.js';
import type { NianbaoTemplateServices } from '../nianbao-template-module.js';
import { quantifierVariableName } from '../references/axis-position.js';
import type { Axis } from '../semantics/axis-tree.js';
import { allAxisNodes, axisLeaves, axisNodeId, axisOfAxisNode, axisRoots, isGroupNode, tableOfAxisNode } from '../semantics/axis-tree.js';
import { describeCellType, isWordsType, leafCellType, sameCellType } from '../semantics/cell-type.js';
import { compilePattern } from '../semantics/pattern-notation.js';
import { splitHeading } from '../semantics/section-heading.js';
import { analyzeTemplate } from '../semantics/template-analysis.js';
import { genericCheckKeys } from '../semantics/template-model.js';
import type { TemplateCheckCode, TemplateMessageArgs } from './template-check-codes.js';
import { templateCheckSeverity, templateMessage } from './template-check-codes.js';

/** Register the template checks with the validation registry. */
export function registerNianbaoTemplateChecks(services: NianbaoTemplateServices): void {
  const registry = services.validation.ValidationRegistry;
  const validator = services.validation.NianbaoTemplateValidator;
  const checks: ValidationChecks<NianbaoTemplateAstType> = {
    TemplateFile: validator.checkFileHasTemplate,
    Template: [validator.checkPatchesNeedBase, validator.checkHeader, validator.checkUniqueIds, validator.checkTablesBelongToSections, validator.checkRuleSemantics],
    YearsDecl: validator.checkYears,
    MarkersDecl: validator.checkMarkers,
    ChecksDecl: validator.checkGenericChecks,
    Section: validator.checkSection,
    MaxLength: validator.checkMaxLength,
    NotCopied: validator.checkNotCopied,
    Table: validator.checkTable,
    AxisNode: validator.checkAxisNode,
    CellType: validator.checkCellType,
    Rule: validator.checkRule,
    Pattern: validator.checkPattern,
    ProseBody: validator.checkSectionList,
    ForbiddenBody: validator.checkSectionList,
    MentionBody: validator.checkMention,
  };
  registry.register(onlyWithoutBase(checks), validator);
}

/**
 * The checks, skipped inside a template that `extends` another: such a template is checked as a whole
 * after flattening (see `parseTemplate`), where the inherited parts are known.
 */
function onlyWithoutBase(checks: ValidationChecks<NianbaoTemplateAstType>): ValidationChecks<NianbaoTemplateAstType> {
  const guarded: Record<string, unknown> = {};
  for (const [type, value] of Object.entries(checks)) {
    const list = (Array.isArray(value) ? value : [value]) as Array<(node: AstNode, accept: ValidationAcceptor) => void>;
    guarded[type] = list.map((check) =>
      check === NianbaoTemplateValidator.prototype.checkFileHasTemplate || check === NianbaoTemplateValidator.prototype.checkPatchesNeedBase
        ? check
        : function (this: unknown, node: AstNode, accept: ValidationAcceptor) {
            if (AstUtils.getContainerOfType(node, isTemplate)?.base === undefined) check.call(this, node, accept);
          },
    );
  }
  return guarded as ValidationChecks<NianbaoTemplateAstType>;
}

const kindNames = {
  section: { zh: '章节', en: 'section' },
  table: { zh: '表格', en: 'table' },
  rule: { zh: '规则', en: 'rule' },
  row: { zh: '行', en: 'row' },
  column: { zh: '列', en: 'column' },
} as const;

const arithmeticPlaceholders = ['lhs', 'rhs', 'expected', 'actual', 'addends'];

/**
 * The template checks. Messages come from the check catalogue: the diagnostic message is zh-CN, and
 * the diagnostic carries `code` and `data: { code, en }` for the English text.
 */
export class NianbaoTemplateValidator {
  /** An empty file (or one whose template could not be parsed at all). */
  checkFileHasTemplate(file: TemplateFile, accept: ValidationAcceptor): void {
    const parsed = AstUtils.getDocument(file).parseResult;
    if (!file.template && parsed.lexerErrors.length === 0 && parsed.parserErrors.length === 0) {
      this.report(accept, 'empty-file', file, {});
    }
  }

  /** Patch operations belong to a template that `extends` another. */
  checkPatchesNeedBase(template: Template, accept: ValidationAcceptor): void {
    if (template.base !== undefined) return;
    for (const operation of (template.members ?? []).filter(isPatchOperation)) {
      this.report(accept, 'patch-without-base', operation, {});
    }
  }

  /** title, notice and years: each exactly once. */
  checkHeader(template: Template, accept: ValidationAcceptor): void {
    const members = template.members ?? [];
    const fields: Array<[string, AstNode[]]> = [
      ['title', members.filter(isTitleDecl)],
      ['notice', members.filter(isNoticeDecl)],
      ['years', members.filter(isYearsDecl)],
    ];
    for (const [field, declarations] of fields) {
      if (declarations.length === 0) {
        this.report(accept, 'missing-header', template, { field }, 'name');
      }
      for (const duplicate of declarations.slice(1)) {
        this.report(accept, 'duplicate-header', duplicate, { field });
      }
    }
    for (const duplicate of members.filter(isChecksDecl).slice(1)) {
      this.report(accept, 'duplicate-header', duplicate, { field: 'checks' });
    }
  }

  /** Section, table and rule ids are unique; so are section numerals. */
  checkUniqueIds(template: Template, accept: ValidationAcceptor): void {
    const members = template.members ?? [];
    this.reportDuplicates(accept, members.filter(isSection), 'section');
    this.reportDuplicates(accept, members.filter(isTable), 'table');
    this.reportDuplicates(accept, members.filter(isRule), 'rule');
    const numerals = new Set<string>();
    for (const section of members.filter(isSection)) {
      const { numeral, numbered } = splitHeading(section.heading ?? '');
      if (!numbered) {
        continue;
      }
      if (numerals.has(numeral)) {
        this.report(accept, 'duplicate-numeral', section, { numeral }, 'heading');
      }
      numerals.add(numeral);
    }
  }

  /** Every table is listed by exactly one section. */
  checkTablesBelongToSections(template: Template, accept: ValidationAcceptor): void {
    const members = template.members ?? [];
    const owners = new Map<Table, Section[]>();
    for (const section of members.filter(isSection)) {
      for (const reference of section.tables ?? []) {
        const table = reference.ref;
        if (table) {
          const list = owners.get(table) ?? [];
          if (!list.includes(section)) {
            list.push(section);
          }
          owners.set(table, list);
        }
      }
    }
    for (const table of members.filter(isTable)) {
      const list = owners.get(table) ?? [];
      if (list.length === 0 && !table.appendix) {
        this.report(accept, 'table-without-section', table, { table: table.name }, 'name');
      } else if (list.length > 1) {
        this.report(accept, 'table-in-several-sections', table, { table: table.name }, 'name');
      }
    }
  }

  /** What only the expansion of the rules reveals (see `analyzeTemplate`). */
  checkRuleSemantics(template: Template, accept: ValidationAcceptor): void {
    for (const problem of analyzeTemplate(template).problems) {
      this.report(accept, problem.code, problem.node, problem.args, problem.property, problem.index);
    }
  }

  /** The first report year is not after the last. */
  checkYears(years: YearsDecl, accept: ValidationAcceptor): void {
    if (years.to !== undefined && years.from > years.to) {
      this.report(accept, 'years-reversed', years, { from: years.from, to: years.to }, 'to');
    }
  }

  /** Marker weights are positive and marker texts unique. */
  checkMarkers(declaration: MarkersDecl, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    for (const marker of declaration.markers ?? []) {
      if (marker.weight !== undefined && !(marker.weight > 0)) {
        this.report(accept, 'invalid-weight', marker, {}, 'weight');
      }
      if (seen.has(marker.text)) {
        this.report(accept, 'duplicate-marker', marker, { text: marker.text }, 'text');
      }
      seen.add(marker.text);
    }
    const template = declaration.$container;
    const legacy = (template?.members ?? []).filter(isLegacyMarkersDecl).flatMap((item) => item.markers ?? []);
    const first = (template?.members ?? []).find(isMarkersDecl);
    if (first === declaration) {
      const legacySeen = new Set<string>();
      for (const marker of legacy) {
        if (legacySeen.has(marker.text)) {
          this.report(accept, 'duplicate-marker', marker, { text: marker.text }, 'text');
        }
        legacySeen.add(marker.text);
      }
    }
  }

  /** Generic check switches name known checks, once each. */
  checkGenericChecks(declaration: ChecksDecl, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    for (const setting of declaration.switches ?? []) {
      if (!(genericCheckKeys as readonly string[]).includes(setting.key)) {
        this.report(accept, 'unknown-check', setting, { key: setting.key, known: genericCheckKeys.join(', ') }, 'key');
      } else if (seen.has(setting.key)) {
        this.report(accept, 'duplicate-check', setting, { key: setting.key }, 'key');
      }
      seen.add(setting.key);
    }
  }

  /** Heading format, aliases, and tables only in table sections. */
  checkSection(section: Section, accept: ValidationAcceptor): void {
    const heading = splitHeading(section.heading ?? '');
    if (!heading.numbered) {
      this.report(accept, 'heading-format', section, { heading: section.heading ?? '' }, 'heading');
    }
    const aliases = new Set<string>([heading.text]);
    for (const item of section.items ?? []) {
      if (item.$type !== 'SectionAlias') {
        continue;
      }
      const alias = splitHeading(item.text);
      if (alias.numbered && heading.numbered && alias.numeral !== heading.numeral) {
        this.report(accept, 'alias-numeral-mismatch', item, { alias: item.text, numeral: heading.numeral }, 'text');
      }
      if (aliases.has(alias.text)) {
        this.report(accept, 'duplicate-alias', item, { alias: item.text }, 'text');
      }
      aliases.add(alias.text);
    }
    const tables = section.tables ?? [];
    if (section.kind === 'table' && tables.length === 0) {
      this.report(accept, 'table-section-without-table', section, { section: section.name }, 'kind');
    }
    if (section.kind === 'prose' && tables.length > 0) {
      this.report(accept, 'prose-section-with-table', section, { section: section.name }, 'tables', 0);
    }
    tables.forEach((reference, index) => {
      if (tables.findIndex((other) => other.$refText === reference.$refText) < index) {
        this.report(accept, 'duplicate-id', section, { kindZh: kindNames.table.zh, kindEn: kindNames.table.en, id: reference.$refText }, 'tables', index);
      }
    });
  }

  /** A length limit is positive. */
  checkMaxLength(limit: MaxLength, accept: ValidationAcceptor): void {
    if (!(limit.chars > 0)) {
      this.report(accept, 'invalid-length', limit, {}, 'chars');
    }
  }

  /** A similarity threshold is a fraction. */
  checkNotCopied(limit: NotCopied, accept: ValidationAcceptor): void {
    if (!(limit.threshold >= 0 && limit.threshold <= 1)) {
      this.report(accept, 'similarity-out-of-range', limit, { value: String(limit.threshold) }, 'threshold');
    }
  }

  /** Both axes present; ids, labels, cell ids and cell types consistent. */
  checkTable(table: Table, accept: ValidationAcceptor): void {
    for (const axis of ['column', 'row'] as const) {
      if (axisRoots(table, axis).length === 0) {
        const args = { table: table.name, axisZh: kindNames[axis].zh, axisEn: kindNames[axis].en };
        const message = templateMessage('empty-axis', args);
        const keyword = axis === 'row' ? 'rows' : 'columns';
        accept('error', message['zh-CN'], { node: table, keyword, code: 'empty-axis', data: { code: 'empty-axis', en: message.en } });
      }
      this.checkAxisIds(table, axis, accept);
    }
    const rows = axisLeaves(table, 'row');
    const columns = axisLeaves(table, 'column');
    // Ids are unique per axis and ID terminals contain no dots, so cell ids cannot collide.
    for (const row of rows) {
      for (const column of columns) {
        const id = `${table.name}.${axisNodeId(row)}.${axisNodeId(column)}`;
        const rowType = leafCellType(row);
        const columnType = leafCellType(column);
        // A text or ignored column (计量单位) holds words in every row, whatever the row's figures are.
        if (rowType && columnType && !isWordsType(columnType) && !sameCellType(rowType, columnType)) {
          this.report(accept, 'cell-type-conflict', row, {
            cell: id,
            rowType: describeCellType(rowType),
            columnType: describeCellType(columnType),
          }, 'type');
        }
      }
    }
  }

  /** Node kind fits its tree; groups have children and no type; leaves have no children. */
  checkAxisNode(node: AxisNode, accept: ValidationAcceptor): void {
    const axis = axisOfAxisNode(node);
    const id = axisNodeId(node);
    if (node.kind !== 'group' && node.kind !== axis) {
      this.report(accept, 'wrong-node-kind', node, {
        kind: node.kind,
        expected: axis,
        axisZh: kindNames[axis].zh,
        axisEn: kindNames[axis].en,
      }, 'kind');
    }
    const children = node.children ?? [];
    if (isGroupNode(node) && children.length === 0) {
      this.report(accept, 'empty-group', node, { id }, 'name');
    }
    // A row with children is a parent row with a figure of its own; a column cannot be one.
    if (node.kind === 'column' && children.length > 0) {
      this.report(accept, 'leaf-with-children', node, { id }, 'name');
    }
    if (isGroupNode(node) && node.type) {
      this.report(accept, 'type-on-group', node, { id }, 'type');
    }
    if ((node.label ?? '').trim() === '') {
      const table = tableOfAxisNode(node);
      const singleRow = table !== undefined && axis === 'row' && allAxisNodes(table, 'row').length === 1;
      if (!singleRow) {
        this.report(accept, 'empty-label', node, {}, 'label');
      }
    }
    if (node.span !== undefined && !(node.span > 0)) {
      this.report(accept, 'invalid-span', node, {}, 'span');
    }
  }

  /** Money: a unit, positive factors, no accepted unit equal to the cell's own. */
  checkCellType(type: CellType, accept: ValidationAcceptor): void {
    if (type.kind !== 'money') {
      return;
    }
    if ((type.unit ?? '').trim() === '') {
      this.report(accept, 'invalid-money-type', type, { detailZh: '单位不能为空', detailEn: 'the unit cannot be empty' }, 'unit');
    }
    const units = new Set<string>([type.unit ?? '']);
    (type.accepted ?? []).forEach((accepted, index) => {
      if (!(accepted.factor > 0)) {
        this.report(accept, 'invalid-money-type', accepted, { detailZh: '换算系数必须大于 0', detailEn: 'a factor must be greater than 0' }, 'factor');
      }
      if (units.has(accepted.unit)) {
        this.report(accept, 'invalid-money-type', type, {
          detailZh: `单位“${accepted.unit}”重复`,
          detailEn: `the unit "${accepted.unit}" is repeated`,
        }, 'accepted', index);
      }
      units.add(accepted.unit);
    });
  }

  /** A rule has a table (when it needs one), texts, sane options and known message placeholders. */
  checkRule(rule: Rule, accept: ValidationAcceptor): void {
    for (const [field, fieldEn, text] of [
      ['标题', 'title', rule.title],
      ['消息', 'message', rule.message],
    ] as const) {
      if (!text) continue;
      // Each language is named and pointed at on its own: an empty English text is not an empty message.
      if ((text.zh ?? '').trim() === '') {
        this.report(accept, 'empty-text', text, { field: `${field}的中文文本`, fieldEn: `Chinese text of the ${fieldEn}` }, 'zh');
      }
      if ((text.en ?? '').trim() === '') {
        this.report(accept, 'empty-text', text, { field: `${field}的英文文本（en）`, fieldEn: `English text (en) of the ${fieldEn}` }, 'en');
      }
    }
    const body = rule.body;
    if (!body) {
      return;
    }
    if (isArithmeticBody(body) || isProseBody(body)) {
      if (!rule.table && this.hasSelectionWithoutTable(body)) {
        this.report(accept, 'rule-without-table', rule, { rule: rule.name }, 'name');
      }
    }
    if (!isArithmeticBody(body)) {
      return;
    }
    const seen = new Set<string>();
    for (const option of body.options ?? []) {
      const name = option.blank !== undefined ? 'blank' : 'tolerance';
      if (seen.has(name)) {
        this.report(accept, 'duplicate-option', option, { option: name });
      }
      seen.add(name);
    }
    const known = [...arithmeticPlaceholders, ...(body.quantifiers ?? []).map(quantifierVariableName)];
    if (rule.message) {
      for (const [text, property] of [
        [rule.message.zh, 'zh'],
        [rule.message.en, 'en'],
      ] as const) {
        for (const match of (text ?? '').matchAll(/\{(\w+)\}/g)) {
          if (!known.includes(match[1])) {
            this.report(accept, 'unknown-placeholder', rule.message, { placeholder: match[1], known: known.join(', ') }, property);
          }
        }
      }
    }
  }

  /** A pattern compiles; a prose pattern has exactly one number slot. */
  checkPattern(pattern: Pattern, accept: ValidationAcceptor): void {
    const property = pattern.regex !== undefined ? 'regex' : 'notation';
    const compiled = compilePattern(pattern);
    if (!compiled.ok) {
      this.reportWithDetail(accept, 'invalid-pattern', pattern, compiled.detailZh, compiled.detailEn, property);
      return;
    }
    if (isProseBody(pattern.$container) && compiled.numberSlots !== 1) {
      this.report(accept, 'pattern-without-number', pattern, {}, property);
    }
    if (compiled.ignoredFlags !== '') {
      this.report(accept, 'regex-flags-ignored', pattern, { flags: compiled.ignoredFlags }, property);
    }
  }

  /** A section is listed once. */
  checkSectionList(body: ProseBody | ForbiddenBody, accept: ValidationAcceptor): void {
    const sections = body.sections ?? [];
    sections.forEach((reference, index) => {
      if (sections.findIndex((other) => other.$refText === reference.$refText) < index) {
        this.report(accept, 'duplicate-section-reference', body, { section: reference.$refText }, 'sections', index);
      }
    });
  }

  /** A required mention names something to look for. */
  checkMention(body: MentionBody, accept: ValidationAcceptor): void {
    (body.anyOf ?? []).forEach((text, index) => {
      if (text.trim() === '') {
        this.report(accept, 'empty-text', body, { field: '提及内容', fieldEn: 'mention' }, 'anyOf', index);
      }
    });
  }

  private checkAxisIds(table: Table, axis: Axis, accept: ValidationAcceptor): void {
    const byId = new Map<string, AxisNode>();
    for (const node of allAxisNodes(table, axis)) {
      const id = axisNodeId(node);
      if (byId.has(id)) {
        this.report(accept, 'duplicate-id', node, { kindZh: kindNames[axis].zh, kindEn: kindNames[axis].en, id }, 'name');
      }
      byId.set(id, node);
    }
    const groups: AxisNode[][] = [axisRoots(table, axis), ...allAxisNodes(table, axis).map((node) => node.children ?? [])];
    for (const siblings of groups) {
      const labels = new Set<string>();
      for (const node of siblings) {
        const label = node.label ?? '';
        if (label !== '' && labels.has(label)) {
          this.report(accept, 'duplicate-label', node, { label }, 'label');
        }
        labels.add(label);
      }
    }
  }

  private hasSelectionWithoutTable(body: AstNode): boolean {
    const stack: unknown[] = [body];
    while (stack.length > 0) {
      const node = stack.pop();
      if (!node || typeof node !== 'object') {
        continue;
      }
      if ((node as AstNode).$type === 'CellSelection' && !(node as { table?: unknown }).table) {
        return true;
      }
      for (const [key, value] of Object.entries(node)) {
        if (!key.startsWith('$')) {
          for (const child of Array.isArray(value) ? value : [value]) {
            if (child && typeof child === 'object' && '$type' in child) {
              stack.push(child);
            }
          }
        }
      }
    }
    return false;
  }

  private reportDuplicates(accept: ValidationAcceptor, nodes: Array<AstNode & { name: string }>, kind: keyof typeof kindNames): void {
    const seen = new Set<string>();
    for (const node of nodes) {
      if (seen.has(node.name)) {
        this.report(accept, 'duplicate-id', node, { kindZh: kindNames[kind].zh, kindEn: kindNames[kind].en, id: node.name }, 'name');
      }
      seen.add(node.name);
    }
  }

  private reportWithDetail(
    accept: ValidationAcceptor,
    code: TemplateCheckCode,
    node: AstNode,
    detailZh: string,
    detailEn: string,
    property: string,
  ): void {
    const zh = templateMessage(code, { detail: detailZh })['zh-CN'];
    const en = templateMessage(code, { detail: detailEn }).en;
    accept(templateCheckSeverity(code), zh, { node, property, code, data: { code, en } });
  }

  private report(
    accept: ValidationAcceptor,
    code: TemplateCheckCode,
    node: AstNode,
    args: TemplateMessageArgs,
    property?: string,
    index?: number,
  ): void {
    const message = templateMessage(code, args);
    accept(templateCheckSeverity(code), message['zh-CN'], { node, property, index, code, data: { code, en: message.en } });
  }
}
