/**
 * The catalogue of template checks: every diagnostic the template language reports, with its code,
 * default severity and its message in zh-CN and English. Messages use `{name}` placeholders.
 */

/** Severity of a template diagnostic. */
export type TemplateSeverity = 'error' | 'warning' | 'info';

/** A message in both catalogue languages. */
export interface TemplateMessageText {
  'zh-CN': string;
  en: string;
}

interface CheckEntry {
  severity: TemplateSeverity;
  'zh-CN': string;
  en: string;
}

/** Every template check, keyed by its stable code. */
export const templateChecks = {
  'syntax-error': {
    severity: 'error',
    'zh-CN': '语法错误：{detailZh}',
    en: 'Syntax error: {detailEn}',
  },
  'unresolved-reference': {
    severity: 'error',
    'zh-CN': '无法解析引用“{name}”：没有这个名字的{target}。{hintZh}',
    en: 'Cannot resolve the reference "{name}": there is no {targetEn} of that name.{hintEn}',
  },
  'empty-file': {
    severity: 'error',
    'zh-CN': '文件中没有模板定义（应以 template <id> { … } 开头）。',
    en: 'The file defines no template (it should start with template <id> { … }).',
  },
  'missing-header': {
    severity: 'error',
    'zh-CN': '模板缺少“{field}”声明。',
    en: 'The template has no "{field}" declaration.',
  },
  'duplicate-header': {
    severity: 'error',
    'zh-CN': '“{field}”声明重复。',
    en: 'The "{field}" declaration is repeated.',
  },
  'years-reversed': {
    severity: 'error',
    'zh-CN': '适用年份的起始年 {from} 晚于结束年 {to}。',
    en: 'The first report year {from} is after the last report year {to}.',
  },
  'duplicate-id': {
    severity: 'error',
    'zh-CN': '{kindZh} id “{id}”重复。',
    en: 'Duplicate {kindEn} id "{id}".',
  },
  'duplicate-label': {
    severity: 'warning',
    'zh-CN': '同一组内标签“{label}”重复。',
    en: 'The label "{label}" is repeated among siblings.',
  },
  'duplicate-marker': {
    severity: 'warning',
    'zh-CN': '标记“{text}”重复。',
    en: 'The marker "{text}" is repeated.',
  },
  'invalid-weight': {
    severity: 'error',
    'zh-CN': '标记权重必须大于 0。',
    en: 'A marker weight must be greater than 0.',
  },
  'unknown-check': {
    severity: 'error',
    'zh-CN': '未知的通用检查“{key}”；可用：{known}。',
    en: 'Unknown generic check "{key}"; known checks: {known}.',
  },
  'duplicate-check': {
    severity: 'error',
    'zh-CN': '通用检查“{key}”设置重复。',
    en: 'The generic check "{key}" is set more than once.',
  },
  'heading-format': {
    severity: 'error',
    'zh-CN': '标题“{heading}”应写作“序号、标题”，如“一、总体情况”。',
    en: 'The heading "{heading}" must read "numeral、text", e.g. "一、总体情况".',
  },
  'alias-numeral-mismatch': {
    severity: 'error',
    'zh-CN': '别名“{alias}”的序号与章节序号“{numeral}”不一致。',
    en: 'The alias "{alias}" has a different numeral than the section ("{numeral}").',
  },
  'duplicate-alias': {
    severity: 'warning',
    'zh-CN': '别名“{alias}”重复或与标题相同。',
    en: 'The alias "{alias}" is repeated or equals the heading.',
  },
  'duplicate-numeral': {
    severity: 'error',
    'zh-CN': '章节序号“{numeral}”重复。',
    en: 'The section numeral "{numeral}" is repeated.',
  },
  'table-section-without-table': {
    severity: 'error',
    'zh-CN': '表格类章节“{section}”没有列出任何表格。',
    en: 'The table section "{section}" lists no table.',
  },
  'prose-section-with-table': {
    severity: 'error',
    'zh-CN': '文字类章节“{section}”不能列出表格；请改为 table。',
    en: 'The prose section "{section}" cannot list tables; declare it as table.',
  },
  'table-without-section': {
    severity: 'error',
    'zh-CN': '表格“{table}”没有被任何章节引用。',
    en: 'The table "{table}" is referenced by no section.',
  },
  'table-in-several-sections': {
    severity: 'error',
    'zh-CN': '表格“{table}”被多个章节引用。',
    en: 'The table "{table}" is referenced by more than one section.',
  },
  'invalid-length': {
    severity: 'error',
    'zh-CN': '篇幅上限必须大于 0。',
    en: 'The length limit must be greater than 0.',
  },
  'empty-axis': {
    severity: 'error',
    'zh-CN': '表格“{table}”没有任何{axisZh}。',
    en: 'The table "{table}" has no {axisEn}s.',
  },
  'wrong-node-kind': {
    severity: 'error',
    'zh-CN': '{axisZh}树中不能声明 {kind}；请用 {expected} 或 group。',
    en: 'A {kind} cannot be declared in the {axisEn} tree; use {expected} or group.',
  },
  'empty-group': {
    severity: 'error',
    'zh-CN': '分组“{id}”没有子节点。',
    en: 'The group "{id}" has no children.',
  },
  'leaf-with-children': {
    severity: 'error',
    'zh-CN': '列“{id}”有子节点；带子节点的表头请声明为 group（只有行可以既有子节点又有自己的数字）。',
    en: 'The column "{id}" has children; declare a header with children as group (only a row may have children and a figure of its own).',
  },
  'type-on-group': {
    severity: 'error',
    'zh-CN': '分组“{id}”本身没有数据，不能声明单元格类型。',
    en: 'The group "{id}" carries no data of its own and cannot declare a cell type.',
  },
  'empty-label': {
    severity: 'error',
    'zh-CN': '只有表格唯一的一行可以不带标签。',
    en: 'Only the single row of a table may be unlabelled.',
  },
  'invalid-span': {
    severity: 'error',
    'zh-CN': '跨列数必须大于 0。',
    en: 'A span must be greater than 0.',
  },
  'cell-type-conflict': {
    severity: 'error',
    'zh-CN': '单元格 {cell} 的行和列声明了不同的类型（{rowType} / {columnType}）。',
    en: 'Row and column of the cell {cell} declare different types ({rowType} / {columnType}).',
  },
  'invalid-money-type': {
    severity: 'error',
    'zh-CN': '金额类型：{detailZh}',
    en: 'Money type: {detailEn}',
  },
  'rule-without-table': {
    severity: 'error',
    'zh-CN': '规则“{rule}”没有指定表格：请写 rule {rule} on <表格>，或在每个单元格前写表格 id。',
    en: 'The rule "{rule}" names no table: write rule {rule} on <table>, or prefix every cell with a table id.',
  },
  'wrong-axis': {
    severity: 'error',
    'zh-CN': '“{name}”是{actualZh}，但这里需要{expectedZh}。{hintZh}',
    en: '"{name}" is a {actualEn}, but a {expectedEn} is expected here.{hintEn}',
  },
  'wrong-table': {
    severity: 'error',
    'zh-CN': '“{name}”属于表格“{actual}”，而这里的单元格在表格“{expected}”中。{hintZh}',
    en: '"{name}" belongs to the table "{actual}", but the cell here is in the table "{expected}".{hintEn}',
  },
  'variable-axis-mismatch': {
    severity: 'error',
    'zh-CN': '量词变量“{name}”遍历{actualZh}，不能用在{expectedZh}的位置。',
    en: 'The quantifier variable "{name}" ranges over {actualEn}s and cannot stand for a {expectedEn}.',
  },
  'variable-table-mismatch': {
    severity: 'error',
    'zh-CN': '量词变量“{name}”遍历表格“{actual}”，不能用于表格“{expected}”的单元格。',
    en: 'The quantifier variable "{name}" ranges over the table "{actual}" and cannot be used for cells of the table "{expected}".',
  },
  'quantifier-without-table': {
    severity: 'error',
    'zh-CN': '量词需要规则的表格（rule … on <表格>）。',
    en: 'A quantifier needs the rule\'s table (rule … on <table>).',
  },
  'unused-variable': {
    severity: 'warning',
    'zh-CN': '量词变量“{name}”没有被使用，会产生重复的等式。',
    en: 'The quantifier variable "{name}" is not used, so the equations repeat.',
  },
  'too-many-equations': {
    severity: 'error',
    'zh-CN': '规则展开后超过 {limit} 个等式。',
    en: 'The rule expands to more than {limit} equations.',
  },
  'empty-domain': {
    severity: 'error',
    'zh-CN': '量词的取值范围为空。',
    en: 'The quantifier ranges over nothing.',
  },
  'no-parent': {
    severity: 'error',
    'zh-CN': '“{name}”不在任何分组中，没有 parent。',
    en: '"{name}" is in no group and has no parent.',
  },
  'group-without-data': {
    severity: 'error',
    'zh-CN': '“{name}”是分组，本身没有数据；请用 leaves({name})。',
    en: '"{name}" is a group without data of its own; use leaves({name}).',
  },
  'not-a-single-cell': {
    severity: 'error',
    'zh-CN': '这里选中了 {count} 个单元格；多个单元格请用 sum(…)。',
    en: 'This selects {count} cells; wrap several cells in sum(…).',
  },
  'empty-selection': {
    severity: 'error',
    'zh-CN': '这里没有选中任何单元格。',
    en: 'This selects no cell.',
  },
  'except-removes-nothing': {
    severity: 'warning',
    'zh-CN': 'except 没有去掉任何元素。',
    en: 'except removes nothing.',
  },
  'previous-outside-arithmetic': {
    severity: 'error',
    'zh-CN': 'previous（上一年度报告的单元格）只能用于算术规则，不能用于正文核对。',
    en: 'previous (a cell of the previous year\'s report) is allowed in arithmetic rules only, not in prose checks.',
  },
  'similarity-out-of-range': {
    severity: 'error',
    'zh-CN': '相似度阈值 {value} 应在 0 到 1 之间。',
    en: 'The similarity threshold {value} must be between 0 and 1.',
  },
  'duplicate-addend': {
    severity: 'warning',
    'zh-CN': '单元格 {cell} 在同一侧出现了多次。',
    en: 'The cell {cell} occurs more than once on the same side.',
  },
  'type-mismatch': {
    severity: 'error',
    'zh-CN': '等式混用了不同类型的单元格：{types}。',
    en: 'The equation mixes cells of different types: {types}.',
  },
  'trivial-equation': {
    severity: 'warning',
    'zh-CN': '等式 {equation} 恒成立（两边相同），没有检查作用。',
    en: 'The equation {equation} always holds (both sides are the same) and checks nothing.',
  },
  'contradictory-rule': {
    severity: 'error',
    'zh-CN': '等式 {equation} 与 {other} 相互矛盾，任何报告都不可能同时满足。',
    en: 'The equation {equation} contradicts {other}: no report can satisfy both.',
  },
  'unsatisfiable-equation': {
    severity: 'error',
    'zh-CN': '等式 {equation} 两边相同却要求严格不等，永远不成立。',
    en: 'The equation {equation} compares a side with itself strictly and never holds.',
  },
  'never-holds-for-counts': {
    severity: 'error',
    'zh-CN': '等式 {equation} 永远不成立：移项后要求 {cells} 组成的和 {relation}，而件数不会是负数。',
    en: 'The equation {equation} never holds: rearranged, it needs a sum of {cells} {relation}, and counts are never negative.',
  },
  'always-holds-for-counts': {
    severity: 'warning',
    'zh-CN': '等式 {equation} 恒成立：移项后只要求 {cells} 组成的和 {relation}，而件数总是满足，没有检查作用。',
    en: 'The equation {equation} always holds: rearranged, it only needs a sum of {cells} {relation}, which counts always are; it checks nothing.',
  },
  'condition-never-holds': {
    severity: 'warning',
    'zh-CN': '条件永远不成立：移项后要求 {cells} 组成的和 {relation}，而件数不会是负数；等式 {equation} 从不检查。',
    en: 'The condition never holds: rearranged, it needs a sum of {cells} {relation}, and counts are never negative; the equation {equation} is never checked.',
  },
  'condition-always-holds': {
    severity: 'warning',
    'zh-CN': '条件恒成立（{cells} 组成的和总是 {relation}），when 没有作用，等式 {equation} 总要检查。',
    en: 'The condition always holds (a sum of {cells} is always {relation}): the when has no effect and {equation} is always checked.',
  },
  'constant-in-prose': {
    severity: 'error',
    'zh-CN': '正文核对的表达式只能由单元格组成，不能含常数。',
    en: 'The expression of a prose check is made of cells only; it cannot contain a constant.',
  },
  'duplicate-equation': {
    severity: 'warning',
    'zh-CN': '等式 {equation} 与 {other} 相同。',
    en: 'The equation {equation} repeats {other}.',
  },
  'redundant-equation': {
    severity: 'info',
    'zh-CN': '等式 {equation} 已由 {other} 蕴含，是多余的。',
    en: 'The equation {equation} is implied by {other} and is redundant.',
  },
  'uncovered-cells': {
    severity: 'info',
    'zh-CN': '表格“{table}”有 {count} 个数据单元格没有任何算术规则覆盖：{cells}。',
    en: 'The table "{table}" has {count} data cells no arithmetic rule covers: {cells}.',
  },
  'duplicate-option': {
    severity: 'warning',
    'zh-CN': '选项“{option}”重复，以最后一次为准。',
    en: 'The option "{option}" is repeated; the last one wins.',
  },
  'unknown-placeholder': {
    severity: 'warning',
    'zh-CN': '消息中的占位符“{{placeholder}}”没有对应的值；可用：{known}。',
    en: 'The message placeholder "{{placeholder}}" has no value; available: {known}.',
  },
  'empty-text': {
    severity: 'error',
    'zh-CN': '{field}不能为空。',
    en: 'The {fieldEn} cannot be empty.',
  },
  'invalid-pattern': {
    severity: 'error',
    'zh-CN': '模式无效：{detail}',
    en: 'Invalid pattern: {detail}',
  },
  'pattern-without-number': {
    severity: 'error',
    'zh-CN': '文字核对模式必须恰好含一个数字位 {n}（正则中为命名分组 (?<n>…)）。',
    en: 'A prose pattern must contain exactly one number slot {n} (a named group (?<n>…) in a regex).',
  },
  'regex-flags-ignored': {
    severity: 'warning',
    'zh-CN': '正则标志“{flags}”被忽略：模式总是以 gu 标志匹配。',
    en: 'The regex flags "{flags}" are ignored: patterns always match with the flags gu.',
  },
  'duplicate-section-reference': {
    severity: 'warning',
    'zh-CN': '章节“{section}”被列出了多次。',
    en: 'The section "{section}" is listed more than once.',
  },
  'unknown-base-template': {
    severity: 'error',
    'zh-CN': '找不到被继承的模板“{id}”；已知模板：{known}。',
    en: 'The template "{id}" to extend is not known; known templates: {known}.',
  },
  'inheritance-cycle': {
    severity: 'error',
    'zh-CN': '模板继承成环：{chain}。',
    en: 'The templates extend each other in a cycle: {chain}.',
  },
  'base-template-errors': {
    severity: 'error',
    'zh-CN': '被继承的模板“{id}”有 {count} 个错误，无法在其上打补丁。',
    en: 'The template "{id}" to extend has {count} errors; it cannot be patched.',
  },
  'patch-without-base': {
    severity: 'error',
    'zh-CN': '只有用 extends 继承其他模板的模板才能使用 add/remove/rename/replace。',
    en: 'add/remove/rename/replace are allowed only in a template that extends another one.',
  },
  'patch-needs-table': {
    severity: 'error',
    'zh-CN': '“{kind}”补丁：行和列要用 in <表格> 指明表格，其他部分不能带 in。',
    en: 'Patch of "{kind}": rows and columns need in <table>; other parts take no in.',
  },
  'patch-needs-target': {
    severity: 'error',
    'zh-CN': '“replace {kind}”要写出被替换的部分的 id（只有 markers 和 legacyMarkers 可以整体替换）。',
    en: '"replace {kind}" needs the id of the part it replaces (only markers and legacyMarkers are replaced as a whole).',
  },
  'patch-target-missing': {
    severity: 'error',
    'zh-CN': '被继承的模板中没有“{name}”（{kind}）。',
    en: 'The inherited template has no "{name}" among its {kind}.',
  },
  'patch-wrong-part': {
    severity: 'error',
    'zh-CN': '这里只能写“{kind}”一类的部分。',
    en: 'Only parts of the kind "{kind}" can go here.',
  },
} as const satisfies Record<string, CheckEntry>;

/** The stable code of a template check. */
export type TemplateCheckCode = keyof typeof templateChecks;

/** Values substituted into a message's `{name}` placeholders. */
export type TemplateMessageArgs = Record<string, string | number>;

/** Render the message of a check in both languages. */
export function templateMessage(code: TemplateCheckCode, args: TemplateMessageArgs = {}): TemplateMessageText {
  const entry: CheckEntry = templateChecks[code];
  return { 'zh-CN': fill(entry['zh-CN'], args), en: fill(entry.en, args) };
}

/** The default severity of a check. */
export function templateCheckSeverity(code: TemplateCheckCode): TemplateSeverity {
  return templateChecks[code].severity;
}

function fill(text: string, args: TemplateMessageArgs): string {
  return text.replace(/\{\{(\w+)\}\}|\{(\w+)\}/g, (whole, literal: string | undefined, name: string | undefined) => {
    if (literal !== undefined) {
      return `{${args[literal] ?? literal}}`;
    }
    const value = name === undefined ? undefined : args[name];
    return value === undefined ? whole : String(value);
  });
}
