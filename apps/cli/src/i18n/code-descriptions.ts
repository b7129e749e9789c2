import type { DiagnosticCode, LocalizedText } from '@nianbao/core';

/**
 * One short description per diagnostic code, in both languages, for SARIF rule metadata
 * (`shortDescription`, `messageStrings`). Typed against the core's code list, so a new code without a
 * description fails the build.
 */
export const codeDescriptions = {
  'arithmetic/equation': { 'zh-CN': '表内勾稽关系不成立', en: 'A table equation does not hold' },
  'cell/blank': { 'zh-CN': '表格有空白单元格', en: 'Blank cells in a table' },
  'cell/approximate': { 'zh-CN': '单元格不是确切数字', en: 'A cell holds an approximate number' },
  'cell/unit-missing': { 'zh-CN': '金额没有单位', en: 'An amount without a unit' },
  'cell/unit-converted': { 'zh-CN': '金额单位与模板不同，已换算', en: 'An amount in another unit, converted' },
  'cell/unit-unknown': { 'zh-CN': '金额单位不被模板接受', en: 'An amount in a unit the template does not accept' },
  'cell/invalid': { 'zh-CN': '单元格应为数字', en: 'A cell is not a number' },
  'cell/out-of-domain': { 'zh-CN': '数值超出允许范围', en: 'A value outside its domain' },
  'structure/section-missing': { 'zh-CN': '缺少部分', en: 'A section is missing' },
  'structure/heading-missing': { 'zh-CN': '缺少部分标题', en: 'A section heading is missing' },
  'structure/section-order': { 'zh-CN': '部分顺序错误', en: 'Sections out of order' },
  'structure/heading-variant': { 'zh-CN': '标题不是模板写法', en: 'A heading is not the template wording' },
  'structure/table-missing': { 'zh-CN': '缺少表格', en: 'A table is missing' },
  'structure/table-truncated': { 'zh-CN': '表格不完整', en: 'A table is cut off' },
  'structure/rows-missing': { 'zh-CN': '表格缺行', en: 'Table rows are missing' },
  'structure/header-garbled': { 'zh-CN': '表头无法辨认', en: 'A table header is unreadable' },
  'structure/header-truncated': { 'zh-CN': '表头文字不完整', en: 'Table header labels are cut short' },
  'structure/row-ambiguous': { 'zh-CN': '连写数字无法拆分', en: 'Run-together numbers cannot be split' },
  'structure/row-split-guessed': { 'zh-CN': '连写数字按勾稽关系拆分', en: 'Run-together numbers split by arithmetic' },
  'structure/extra-values': { 'zh-CN': '行内数字多于列数', en: 'A row has more numbers than columns' },
  'structure/table-repeated': { 'zh-CN': '表格重复出现', en: 'A table occurs twice' },
  'template/superseded': { 'zh-CN': '使用了已废止的格式', en: 'A superseded format is used' },
  'template/anachronistic': { 'zh-CN': '使用了尚未施行的格式', en: 'A format not yet in force is used' },
  'template/legacy-format': { 'zh-CN': '含有旧格式内容', en: 'Parts of the old pre-template format' },
  'template/unknown': { 'zh-CN': '无法识别报告格式', en: 'The report format is not recognised' },
  'template/year-unknown': { 'zh-CN': '无法读出报告年度', en: 'The report year cannot be read' },
  'text/prose-mismatch': { 'zh-CN': '正文数字与表格不符', en: 'A figure in the text disagrees with the table' },
  'text/mention-missing': { 'zh-CN': '未提及必须报告的事项', en: 'A required mention is missing' },
  'text/forbidden': { 'zh-CN': '出现不应有的内容', en: 'Content that does not belong here' },
  'text/length': { 'zh-CN': '篇幅超出', en: 'A section is too long' },
  'text/empty-section': { 'zh-CN': '部分没有实际内容', en: 'A section has no real content' },
  'quality/pinyin': { 'zh-CN': '夹杂拼音注音', en: 'Injected Pinyin readings' },
  'quality/mojibake': { 'zh-CN': '乱码', en: 'Garbled text (mojibake)' },
  'quality/converter-artefact': { 'zh-CN': '文档转换残留', en: 'Document-converter leftover' },
} as const satisfies Record<DiagnosticCode, LocalizedText>;

/** The description of a code, when it is one the core knows. */
export function describeCode(code: string): LocalizedText | undefined {
  return (codeDescriptions as Record<string, LocalizedText>)[code];
}
