import type { ServerLocale } from '../settings/index.js';

/** Short documentation of the template keywords, shown on hover. */
const keywordDocs: Record<string, Record<ServerLocale, string>> = {
  template: { 'zh-CN': '模板：一种年度报告格式的完整描述。', en: 'A template: the full description of one annual-report format.' },
  title: { 'zh-CN': '标题（模板的名称，或规则的简短名称）。', en: 'Title (of the template, or the short name of a rule).' },
  notice: { 'zh-CN': '发布该格式的通知文号，如 国办公开办函〔2021〕30号。', en: 'The notice that issued the format, e.g. 国办公开办函〔2021〕30号.' },
  years: { 'zh-CN': '适用的报告年度：`years 2019 to 2020` 或 `years 2021 onward`。', en: 'Report years the template applies to: `years 2019 to 2020` or `years 2021 onward`.' },
  markers: { 'zh-CN': '识别标记：本格式特有的用语，用于自动识别模板（可加 `weight` 权重）。', en: 'Detection markers: phrases typical of this format (optionally with a `weight`).' },
  legacy: { 'zh-CN': '旧格式（2019 年以前统计表）的标记用语。', en: 'Phrases of the superseded, pre-2019 statistics format.' },
  checks: { 'zh-CN': '通用检查的开关与严重程度（如 `blankCells warning`、`garbledText off`）。', en: 'Switches and severities of the generic checks (e.g. `blankCells warning`, `garbledText off`).' },
  section: { 'zh-CN': '报告的一节：标识、标题、类型（`prose` 或 `table`）及所含表格。', en: 'A section of the report: id, heading, kind (`prose` or `table`) and its tables.' },
  table: { 'zh-CN': '统计表：列树、行树与默认单元格类型。', en: 'A statistical table: its column tree, row tree and default cell type.' },
  row: { 'zh-CN': '表格的一行（叶子行带数据）。', en: 'A row of a table (leaf rows carry data).' },
  column: { 'zh-CN': '表格的一列（叶子列带数据）。', en: 'A column of a table (leaf columns carry data).' },
  group: { 'zh-CN': '分组：没有自身数据的表头单元格，包含子行或子列。', en: 'A group: a header cell without data of its own, holding rows or columns.' },
  alias: { 'zh-CN': '别名：也能匹配的其他写法。', en: 'An alias: another wording that also matches.' },
  caption: { 'zh-CN': '表格前的说明行（如 第二十条第（一）项）。', en: 'The caption line before the table (e.g. 第二十条第（一）项).' },
  corner: { 'zh-CN': '表头左上角单元格的文字（如 信息内容）。', en: 'Text of the top-left header cell (e.g. 信息内容).' },
  cells: { 'zh-CN': '本表单元格的默认类型。', en: 'Default cell type of the table.' },
  columns: { 'zh-CN': '列树。', en: 'The column tree.' },
  rows: { 'zh-CN': '行树。', en: 'The row tree.' },
  count: { 'zh-CN': '非负整数（件数）。', en: 'A non-negative integer count.' },
  integer: { 'zh-CN': '有符号整数（如 本年增/减）。', en: 'A signed integer (e.g. 本年增/减).' },
  decimal: { 'zh-CN': '不带单位的小数。', en: 'A decimal number without a unit.' },
  money: { 'zh-CN': '金额：`money in "万元" accepting "元" factor 0.0001`，其他单位按系数换算。', en: 'Money: `money in "万元" accepting "元" factor 0.0001`; other units are converted.' },
  rule: { 'zh-CN': '规则：算术关系、文表一致、必须提及或禁止出现的内容。', en: 'A rule: an arithmetic relation, a prose check, a required mention or a forbidden pattern.' },
  message: { 'zh-CN': '问题提示语（中文，`en` 后为英文）；可用 {lhs} {rhs} {expected} {actual} 等占位符。', en: 'The finding message (Chinese, then English after `en`); placeholders {lhs} {rhs} {expected} {actual}….' },
  blank: { 'zh-CN': '空白单元格按 0 计（`zero`）或无法判断（`unknown`）。', en: 'A blank cell counts as 0 (`zero`) or makes the equation undecidable (`unknown`).' },
  tolerance: { 'zh-CN': '小数比较的绝对容差。', en: 'Absolute tolerance for decimals.' },
  for: { 'zh-CN': '量词：`for each column:` 对每一列展开等式。', en: 'Quantifier: `for each column:` expands the equation for every column.' },
  when: {
    'zh-CN': '条件规则：`when [a, column] > 0 : [b, column] >= 1`，仅在条件成立时检查等式。',
    en: 'Conditional rule: `when [a, column] > 0 : [b, column] >= 1` checks the equation only where the condition holds.',
  },
  sum: { 'zh-CN': '求和：`sum([rows, columns], …)`。', en: 'Sum: `sum([rows, columns], …)`.' },
  leaves: { 'zh-CN': '某分组（或整个轴）的全部叶子。', en: 'Every leaf of a group (or of the whole axis).' },
  parent: { 'zh-CN': '某行或列的上级分组。', en: 'The group containing a row or column.' },
  except: { 'zh-CN': '从集合中排除。', en: 'Removes items from a set.' },
  prose: { 'zh-CN': '文表一致检查：正文中的数字须等于表格表达式（或：`prose` 类型的节）。', en: 'Prose check: a number in the text must equal a table expression (or: a `prose` section).' },
  equals: { 'zh-CN': '正文数字应等于的表达式。', en: 'The expression the number in the text must equal.' },
  mention: { 'zh-CN': '必须提及：某节须出现其中一个短语。', en: 'Required mention: a section must contain one of the phrases.' },
  forbid: { 'zh-CN': '禁止出现：某些节不得出现的模式。', en: 'Forbidden: a pattern that must not occur in some sections.' },
  maxLength: { 'zh-CN': '节正文的字数上限（软限制）。', en: 'Soft length limit of the section body, in characters.' },
  notEmpty: { 'zh-CN': '节正文不得为空（列出的占位文字也算空）。', en: 'The section body must not be empty (the listed placeholders count as empty).' },
  optional: { 'zh-CN': '该节可以省略。', en: 'The section may be left out.' },
  error: { 'zh-CN': '严重程度：错误。', en: 'Severity: error.' },
  warning: { 'zh-CN': '严重程度：警告。', en: 'Severity: warning.' },
  info: { 'zh-CN': '严重程度：提示。', en: 'Severity: information.' },
};

/** The documentation of a template keyword in `locale`, if it has one. */
export function keywordDoc(keyword: string, locale: ServerLocale): string | undefined {
  return keywordDocs[keyword]?.[locale];
}
