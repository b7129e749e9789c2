import type { LocalizedText } from '../ir/template-ir.js';
import type { DiagnosticCode } from './diagnostic-codes.js';

/**
 * The message catalogue: one entry per diagnostic code (the message of the finding), one short
 * description per code (`code-description/<code>`, for SARIF rules and listings), one per reader refusal
 * (`read/<code>`, see ReadError) and per fragment (pieces the validator composes: localisation sentences,
 * fixes, related-location labels). Chinese is the default language; every entry has the same
 * `{placeholders}` in both languages. The type makes a code without a message or a description fail the build.
 */
export const catalogue = {
  // ── diagnostic codes ─────────────────────────────────────────────────────────────────────────────
  'arithmetic/equation': {
    'zh-CN': '{title}不成立（{binding}）：{lhsText} = {actual}，{rhsText} = {expected}。',
    en: '{title} does not hold ({binding}): {lhsText} = {actual}, {rhsText} = {expected}.',
  },
  'arithmetic/table-doubtful': {
    'zh-CN': '表格“{table}”有 {count} 个等式不成立（{rules}）；{reason}，这更可能是本工具读错了表格（如部分行的数值错列），而不是报告有误，因此不逐条报告算术错误。已读取 {rows} 行（版式：{layout}），请对照原表核对。',
    en: 'Table "{table}" breaks {count} equations ({rules}); {reason}, which points to a misreading of the table by this tool (e.g. values shifted by a column in some rows) rather than errors in the report, so no arithmetic error is reported for it. {rows} rows were read (layout: {layout}); please check them against the original.',
  },
  'arithmetic/table-doubtful-unexplained': {
    'zh-CN': '改动不超过 {max} 个单元格无法解释这些不一致',
    en: 'no change of at most {max} cells explains them',
  },
  'arithmetic/table-doubtful-guessed': {
    'zh-CN': '其中 {count} 个单元格的列位置是推测的',
    en: 'the columns of {count} of their cells were guessed',
  },
  'cell/blank': {
    'zh-CN': '{table}有 {count} 个空白单元格；模板要求每格填写数字（无则填 0），计算时空白按 0 计。',
    en: '{table} has {count} blank cells; the template expects a number in every cell (0 for none); arithmetic counts a blank as 0.',
  },
  'cell/approximate': {
    'zh-CN': '{table}有 {count} 个单元格不是确切数字：{values}。',
    en: '{table} has {count} cells that are not exact numbers: {values}.',
  },
  'cell/unit-missing': {
    'zh-CN': '{table}有 {count} 个金额没有写单位（应为{unit}）：{values}。',
    en: '{table} has {count} amounts written without a unit (expected {unit}): {values}.',
  },
  'cell/unit-converted': {
    'zh-CN': '{table}有 {count} 个金额不是以{unit}填写，已换算为{unit}：{values}。',
    en: '{table} has {count} amounts not written in {unit}; converted to {unit}: {values}.',
  },
  'cell/unit-unknown': {
    'zh-CN': '{table}有 {count} 个金额的单位不是模板接受的单位（{accepted}）：{values}。',
    en: '{table} has {count} amounts in a unit the template does not accept ({accepted}): {values}.',
  },
  'cell/invalid': {
    'zh-CN': '{cell}应填数字，实际为“{raw}”；涉及该单元格的规则未核对。',
    en: '{cell} should be a number but reads "{raw}"; rules that use this cell were not checked.',
  },
  'cell/out-of-domain': {
    'zh-CN': '{cell}应为{domain}，实际为 {raw}。',
    en: '{cell} should be {domain} but is {raw}.',
  },
  'structure/section-missing': {
    'zh-CN': '缺少第{numeral}部分“{heading}”。',
    en: 'Section {numeral} "{heading}" is missing.',
  },
  'structure/heading-missing': {
    'zh-CN': '缺少第{numeral}部分的标题“{heading}”（内容在，标题不在）。',
    en: 'The heading of section {numeral} "{heading}" is missing (its content is there).',
  },
  'structure/section-order': {
    'zh-CN': '第{numeral}部分“{heading}”的位置不对：应排在第{previous}部分之后。',
    en: 'Section {numeral} "{heading}" is out of order: it belongs after section {previous}.',
  },
  'structure/heading-variant': {
    'zh-CN': '标题“{written}”不是模板的写法“{expected}”。',
    en: 'Heading "{written}" is not the template\'s wording "{expected}".',
  },
  'structure/table-missing': {
    'zh-CN': '缺少表格“{table}”。',
    en: 'Table "{table}" is missing.',
  },
  'structure/table-truncated': {
    'zh-CN': '表格“{table}”不完整，缺少最后 {count} 行：{rows}；只核对现有各行能判定的规则。',
    en: 'Table "{table}" is cut off; its last {count} rows are missing: {rows}. Only rules decidable from the rows present were checked.',
  },
  'structure/rows-missing': {
    'zh-CN': '表格“{table}”缺少 {count} 行：{rows}。',
    en: 'Table "{table}" lacks {count} rows: {rows}.',
  },
  'structure/group-unsplit': {
    'zh-CN': '表格“{table}”未按格式分项填报：{groups}。已按合计读取并核对。',
    en: 'Table "{table}" does not split rows as the format does: {groups}. The values were read and checked as totals.',
  },
  'structure/group-unsplit-item': {
    'zh-CN': '“{group}”只填了一行，格式要求分为 {count} 项（{rows}）',
    en: '"{group}" is one row where the format has {count} ({rows})',
  },
  'structure/header-garbled': {
    'zh-CN': '表格“{table}”的表头无法辨认，数值按位置读取。',
    en: 'The header of table "{table}" is unreadable; values were read by position.',
  },
  'structure/header-truncated': {
    'zh-CN': '表格“{table}”的表头文字不完整，数值按位置读取。',
    en: 'The header labels of table "{table}" are cut short; values were read by position.',
  },
  'structure/row-ambiguous': {
    'zh-CN': '表格“{table}”的“{row}”一行数字连写在一起，无法唯一拆分，该行未核对。',
    en: 'Row "{row}" of table "{table}" has its numbers run together and cannot be split unambiguously; it was not checked.',
  },
  'structure/row-split-guessed': {
    'zh-CN': '表格“{table}”的“{row}”一行数字连写在一起，已按表内勾稽关系拆分（推测）。',
    en: 'Row "{row}" of table "{table}" has its numbers run together; they were split by the table\'s arithmetic (a guess).',
  },
  'structure/extra-values': {
    'zh-CN': '表格“{table}”的“{row}”一行的数字多于列数。',
    en: 'Row "{row}" of table "{table}" has more numbers than columns.',
  },
  'structure/parse-failed': {
    'zh-CN': '读取报告时出现内部错误（{detail}），未作检查。请反馈此问题。',
    en: 'An internal error occurred while reading the report ({detail}); nothing was checked. Please report this.',
  },
  'structure/table-repeated': {
    'zh-CN': '表格“{table}”出现了不止一次，只核对第一次出现的。',
    en: 'Table "{table}" occurs more than once; only the first occurrence was checked.',
  },
  'structure/rows-out-of-order': {
    'zh-CN': '表格“{table}”的行序与模板不同（如“{row}”不在模板规定的位置）；各行已按行名读取。',
    en: 'The rows of table "{table}" are not in the template\'s order (e.g. "{row}" is out of place); each row was read by its label.',
  },
  'structure/row-label-variant': {
    'zh-CN': '表格“{table}”有 {count} 个行标签与格式的文字不同：{rows}。已按最接近的行读取，请核对并改正标签。',
    en: 'Table "{table}" prints {count} row labels unlike the format: {rows}. Each was read as the nearest row; please check and correct the labels.',
  },
  'structure/row-label-variant-item': {
    'zh-CN': '“{written}”（格式为“{row}”）',
    en: '"{written}" (the format has "{row}")',
  },
  'structure/group-row-values': {
    'zh-CN': '表格“{table}”的分组行“{row}”填有数字（{values}）；模板在分组行不设单元格，这些数字没有读取、没有核对。',
    en: 'The group row "{row}" of table "{table}" holds numbers ({values}); the template has no cells on a group row, so they were neither read nor checked.',
  },
  'structure/table-transposed': {
    'zh-CN': '表格“{table}”行列转置（每组一行，而非模板的一行），已按各组名称读取。',
    en: 'Table "{table}" is transposed (one row per column group instead of the template\'s single row); it was read by the group labels.',
  },
  'template/superseded': {
    'zh-CN': '这是 {year} 年度的报告，却使用了适用于 {years} 年度的格式“{template}”。',
    en: 'This is a report for {year}, but it uses the format "{template}", which applies to {years}.',
  },
  'template/anachronistic': {
    'zh-CN': '这是 {year} 年度的报告，却使用了 {from} 年度起才适用的格式“{template}”。',
    en: 'This is a report for {year}, but it uses the format "{template}", which applies from {from} only.',
  },
  'template/legacy-format': {
    'zh-CN': '报告含有模板施行前旧格式的内容（{markers}），不是“{template}”的格式。',
    en: 'The report contains parts of the old, pre-template format ({markers}), not the format "{template}".',
  },
  'template/unknown': {
    'zh-CN': '未能识别报告格式：没有找到任何模板（{templates}）的标志性内容，也读不出可对照的报告年度，未作检查。',
    en: 'The report format was not recognised: none of the templates ({templates}) has its markers here and no report year selects one; nothing was checked.',
  },
  'template/year-unknown': {
    'zh-CN': '无法从标题或首段读出报告年度，未核对格式“{template}”是否适用。',
    en: 'The report year could not be read from the title or first paragraph; whether "{template}" applies was not checked.',
  },
  'text/prose-mismatch': {
    'zh-CN': '{title}：正文写 {actual}，表格为 {expected}。',
    en: '{title}: the text says {actual}, the table {expected}.',
  },
  'text/prose-doubtful': {
    'zh-CN': '正文有 {count} 处数字与表格“{table}”不一致，但所涉单元格（{cells}）的列位置是本工具推测的，可能是读错了表格，因此不作为报告的错误提示。请对照原表核对。',
    en: '{count} figures of the text disagree with table "{table}", but the columns of the cells involved ({cells}) were guessed by this tool, which may have misread the table, so they are not reported as errors of the report. Please check them against the original.',
  },
  'text/mention-missing': {
    'zh-CN': '{title}：“{heading}”中未提及{phrases}。',
    en: '{title}: "{heading}" does not mention {phrases}.',
  },
  'text/forbidden': {
    'zh-CN': '{title}：“{heading}”中出现“{text}”。',
    en: '{title}: "{heading}" contains "{text}".',
  },
  'text/length': {
    'zh-CN': '“{heading}”正文 {length} 字，超过 {max} 字。',
    en: '"{heading}" runs to {length} characters, more than {max}.',
  },
  'text/empty-section': {
    'zh-CN': '“{heading}”没有实际内容（“{body}”）。',
    en: '"{heading}" has no real content ("{body}").',
  },
  'text/findings-omitted': {
    'zh-CN': '另有 {count} 处“{kind}”未逐一列出（每类最多列出 {max} 处；修改后再次检查可看到其余各处）。',
    en: '{count} more findings of "{kind}" are not listed (at most {max} of a kind are; check again after fixing them to see the rest).',
  },
  'quality/pinyin': {
    'zh-CN': '“{text}”中夹杂拼音注音“{reading}”（繁简转换造成的乱码）。',
    en: 'Pinyin reading "{reading}" injected into "{text}" (a script-conversion fault).',
  },
  'quality/mojibake': {
    'zh-CN': '乱码：“{text}”。',
    en: 'Garbled text (mojibake): "{text}".',
  },
  'quality/converter-artefact': {
    'zh-CN': '文档转换残留：“{text}”。',
    en: 'Document-converter leftover: "{text}".',
  },
  'quality/spots-omitted': {
    'zh-CN': '另有 {count} 处“{kind}”未逐一列出（每类最多列出 {max} 处；修改后再次检查可看到其余各处）。',
    en: '{count} more spots of "{kind}" are not listed (at most {max} of a kind are; check again after fixing them to see the rest).',
  },
  'audit/cross-year': {
    'zh-CN': '{title}与上一年度报告不衔接（{binding}）：本年度 {lhsText} = {actual}，{rhsText} = {expected}。',
    en: '{title} does not follow on from the previous year\'s report ({binding}): {lhsText} = {actual}, {rhsText} = {expected}.',
  },
  'audit/copied-text': {
    'zh-CN': '“{section}”与上一年度（{previousYear} 年）报告的同一部分相似度为 {similarity}%（阈值 {threshold}%），疑似照搬上年内容。',
    en: '"{section}" is {similarity}% similar to the same section of the previous year\'s ({previousYear}) report (threshold {threshold}%): it looks copied.',
  },
  'audit/duplicate-report': {
    'zh-CN': '{agency} {year} 年度的报告不止一份（另见 {other}）；跨年度核对只用其中第一份。',
    en: 'There is more than one {year} report of {agency} (see also {other}); cross-year checks use the first one only.',
  },

  // ── fragments ────────────────────────────────────────────────────────────────────────────────────
  'localize/unique': {
    'zh-CN': '最可能出错的是：{changes}；这样改可使所有相关等式成立。',
    en: 'Most likely wrong: {changes}; this makes every related equation hold.',
  },
  'localize/unique-corroborated': {
    'zh-CN': '最可能出错的是：{changes}；这样改可使所有相关等式成立，也与正文“{text}”一致。',
    en: 'Most likely wrong: {changes}; this makes every related equation hold and agrees with the text "{text}".',
  },
  'localize/ambiguous': {
    'zh-CN': '无法唯一确定出错的单元格，同样简单的改法有 {count} 种，例如：{alternatives}。',
    en: 'No unique localisation: {count} equally small fixes, e.g. {alternatives}.',
  },
  'localize/none': {
    'zh-CN': '改动不超过 {max} 个单元格无法使所有等式成立，无法确定出错的单元格。',
    en: 'No change of at most {max} cells makes every equation hold; no unique localisation.',
  },
  'localize/capped': {
    'zh-CN': '出错单元格的搜索已达上限，无法唯一确定出错的单元格。',
    en: 'The search for the wrong cell hit its limit; no unique localisation.',
  },
  'localize/change': {
    'zh-CN': '{cell}由 {from} 改为 {to}',
    en: '{cell} from {from} to {to}',
  },
  'localize/slip-swap': {
    'zh-CN': '（{written} 疑为 {intended} 相邻两位数字颠倒）',
    en: ' ({written} looks like {intended} with two adjacent digits swapped)',
  },
  'localize/slip-extra-digit': {
    'zh-CN': '（{written} 疑为 {intended} 多打了一位数字）',
    en: ' ({written} looks like {intended} with a digit added)',
  },
  'localize/slip-missing-digit': {
    'zh-CN': '（{written} 疑为 {intended} 漏打了一位数字）',
    en: ' ({written} looks like {intended} with a digit dropped)',
  },
  'localize/or': { 'zh-CN': '；或', en: '; or ' },
  'list/separator': { 'zh-CN': '、', en: ', ' },
  'list/range': { 'zh-CN': '{first}至{last}', en: '{first} to {last}' },
  'list/more': { 'zh-CN': '等 {count} 项', en: ' and {count} more' },
  'fix/cells': { 'zh-CN': '改为：{changes}', en: 'Change {changes}' },
  'fix/heading': { 'zh-CN': '改为“{expected}”', en: 'Replace with "{expected}"' },
  'fix/delete-pinyin': { 'zh-CN': '删除拼音“{reading}”', en: 'Delete the Pinyin "{reading}"' },
  'fix/delete-artefact': { 'zh-CN': '删除“{text}”', en: 'Delete "{text}"' },
  'related/previous-year-cell': { 'zh-CN': '上一年度（{year} 年）{cell} = {value}', en: 'Previous year ({year}): {cell} = {value}' },
  'related/previous-year-section': { 'zh-CN': '上一年度（{year} 年）报告的“{section}”', en: 'The previous year\'s ({year}) "{section}"' },
  'related/duplicate-report': { 'zh-CN': '同一机关同一年度的另一份报告', en: 'Another report of the same agency and year' },
  'related/operand': { 'zh-CN': '{cell} = {value}', en: '{cell} = {value}' },
  'related/operand-blank': { 'zh-CN': '{cell}：空白（按 0 计）', en: '{cell}: blank (counted as 0)' },
  'related/cell': { 'zh-CN': '{cell}：{raw}', en: '{cell}: {raw}' },
  'related/table-cells': { 'zh-CN': '{table}', en: '{table}' },
  'related/match': { 'zh-CN': '“{text}”', en: '"{text}"' },
  'related/title': { 'zh-CN': '报告标题：{year} 年度', en: 'Report title: year {year}' },
  'related/marker': { 'zh-CN': '格式标志“{text}”', en: 'Format marker "{text}"' },
  'domain/count': { 'zh-CN': '非负整数', en: 'a non-negative whole number' },
  'domain/integer': { 'zh-CN': '整数', en: 'a whole number' },
  'expr/previous-year': { 'zh-CN': '上年{cell}', en: 'last year\'s {cell}' },
  'expr/more': {
    'zh-CN': '{first} + … + {last}（共 {count} 项）',
    en: '{first} + … + {last} ({count} terms)',
  },
  'structure/row-split-guessed-rows': {
    'zh-CN': '表格“{table}”有 {count} 行的数字连写在一起（{rows}），已按表内勾稽关系拆分（推测）。',
    en: 'In table "{table}", {count} rows have their numbers run together ({rows}); they were split by the table\'s arithmetic (a guess).',
  },
  'structure/row-ambiguous-rows': {
    'zh-CN': '表格“{table}”有 {count} 行的数字连写在一起（{rows}），无法唯一拆分，这些行未核对。',
    en: 'In table "{table}", {count} rows have their numbers run together ({rows}) and cannot be split unambiguously; they were not checked.',
  },
  'template/use-instead': { 'zh-CN': '{year} 年度应使用“{expected}”。', en: 'A {year} report should use "{expected}".' },
  'template/legacy-unchecked': {
    'zh-CN': '报告使用的是模板施行前的旧格式（{markers}），不是任何模板（{templates}）的格式，未按模板检查。',
    en: 'The report is in the old, pre-template format ({markers}), none of the templates ({templates}); it was not checked against a template.',
  },
  'template/before-templates': {
    'zh-CN': '{year} 年度早于各模板的适用年度（最早为 {from} 年度）。',
    en: 'The year {year} is before the years of every template (the earliest is {from}).',
  },
  'template/unknown-year': {
    'zh-CN': '未能识别报告格式：没有找到任何模板（{templates}）的标志性内容，报告年度 {year} 也不在任何模板的适用年度内，未作检查。',
    en: 'The report format was not recognised: none of the templates ({templates}) has its markers here and the report year {year} is in none of their years; nothing was checked.',
  },
  'sentence/join': { 'zh-CN': '', en: ' ' },
  'binding/none': { 'zh-CN': '全表', en: 'whole table' },
  'years/open': { 'zh-CN': '{from} 年起', en: '{from} onward' },
  'years/closed': { 'zh-CN': '{from}—{to}', en: '{from}–{to}' },

  // ── code descriptions: one short line per diagnostic code (SARIF rules, listings) ─────────────────
  'code-description/arithmetic/table-doubtful': { 'zh-CN': '表格读取存疑，未作算术判定', en: 'A table reading is doubtful; no arithmetic verdict' },
  'code-description/arithmetic/equation': { 'zh-CN': '表内勾稽关系不成立', en: 'A table equation does not hold' },
  'code-description/cell/blank': { 'zh-CN': '表格有空白单元格', en: 'Blank cells in a table' },
  'code-description/cell/approximate': { 'zh-CN': '单元格不是确切数字', en: 'A cell holds an approximate number' },
  'code-description/cell/unit-missing': { 'zh-CN': '金额没有单位', en: 'An amount without a unit' },
  'code-description/cell/unit-converted': { 'zh-CN': '金额单位与模板不同，已换算', en: 'An amount in another unit, converted' },
  'code-description/cell/unit-unknown': { 'zh-CN': '金额单位不被模板接受', en: 'An amount in a unit the template does not accept' },
  'code-description/cell/invalid': { 'zh-CN': '单元格应为数字', en: 'A cell is not a number' },
  'code-description/cell/out-of-domain': { 'zh-CN': '数值超出允许范围', en: 'A value outside its domain' },
  'code-description/structure/section-missing': { 'zh-CN': '缺少部分', en: 'A section is missing' },
  'code-description/structure/heading-missing': { 'zh-CN': '缺少部分标题', en: 'A section heading is missing' },
  'code-description/structure/section-order': { 'zh-CN': '部分顺序错误', en: 'Sections out of order' },
  'code-description/structure/heading-variant': { 'zh-CN': '标题不是模板写法', en: 'A heading is not the template wording' },
  'code-description/structure/table-missing': { 'zh-CN': '缺少表格', en: 'A table is missing' },
  'code-description/structure/table-truncated': { 'zh-CN': '表格不完整', en: 'A table is cut off' },
  'code-description/structure/rows-missing': { 'zh-CN': '表格缺行', en: 'Table rows are missing' },
  'code-description/structure/header-garbled': { 'zh-CN': '表头无法辨认', en: 'A table header is unreadable' },
  'code-description/structure/header-truncated': { 'zh-CN': '表头文字不完整', en: 'Table header labels are cut short' },
  'code-description/structure/group-unsplit': {
    'zh-CN': '分项只填一行',
    en: 'A row group is printed as one row',
  },
  'code-description/structure/row-ambiguous': { 'zh-CN': '连写数字无法拆分', en: 'Run-together numbers cannot be split' },
  'code-description/structure/row-split-guessed': { 'zh-CN': '连写数字按勾稽关系拆分', en: 'Run-together numbers split by arithmetic' },
  'code-description/structure/extra-values': { 'zh-CN': '行内数字多于列数', en: 'A row has more numbers than columns' },
  'code-description/structure/table-repeated': { 'zh-CN': '表格重复出现', en: 'A table occurs twice' },
  'code-description/structure/row-label-variant': { 'zh-CN': '行标签与格式文字不同', en: 'A row label is worded unlike the format' },
  'code-description/structure/group-row-values': { 'zh-CN': '分组行填有数字，未核对', en: 'Numbers on a group row, not checked' },
  'code-description/structure/rows-out-of-order': { 'zh-CN': '表格行序与模板不同', en: 'Table rows out of the template order' },
  'code-description/structure/table-transposed': { 'zh-CN': '表格行列转置', en: 'A table is transposed' },
  'code-description/template/superseded': { 'zh-CN': '使用了已废止的格式', en: 'A superseded format is used' },
  'code-description/template/anachronistic': { 'zh-CN': '使用了尚未施行的格式', en: 'A format not yet in force is used' },
  'code-description/template/legacy-format': { 'zh-CN': '含有旧格式内容', en: 'Parts of the old pre-template format' },
  'code-description/structure/check-timeout': { 'zh-CN': '检查超出时间限制', en: 'The check ran out of time' },
  'code-description/structure/parse-failed': { 'zh-CN': '读取报告时出现内部错误', en: 'Internal error while reading the report' },
  'code-description/template/unknown': { 'zh-CN': '无法识别报告格式', en: 'The report format is not recognised' },
  'code-description/template/year-unknown': { 'zh-CN': '无法读出报告年度', en: 'The report year cannot be read' },
  'code-description/text/prose-mismatch': { 'zh-CN': '正文数字与表格不符', en: 'A figure in the text disagrees with the table' },
  'code-description/text/prose-doubtful': {
    'zh-CN': '正文与读取存疑的表格不符，未作判定',
    en: 'The text disagrees with a doubtfully read table; no verdict',
  },
  'code-description/text/mention-missing': { 'zh-CN': '未提及必须报告的事项', en: 'A required mention is missing' },
  'code-description/text/forbidden': { 'zh-CN': '出现不应有的内容', en: 'Content that does not belong here' },
  'code-description/text/length': { 'zh-CN': '篇幅超出', en: 'A section is too long' },
  'code-description/text/empty-section': { 'zh-CN': '部分没有实际内容', en: 'A section has no real content' },
  'code-description/text/findings-omitted': { 'zh-CN': '同类问题过多，未逐一列出', en: 'Too many findings of a kind to list' },
  'code-description/quality/pinyin': { 'zh-CN': '夹杂拼音注音', en: 'Injected Pinyin readings' },
  'code-description/quality/mojibake': { 'zh-CN': '乱码', en: 'Garbled text (mojibake)' },
  'code-description/quality/converter-artefact': { 'zh-CN': '文档转换残留', en: 'Document-converter leftover' },
  'code-description/quality/spots-omitted': { 'zh-CN': '同类问题过多，未逐一列出', en: 'Too many spots of a kind to list' },
  'code-description/audit/cross-year': { 'zh-CN': '与上一年度报告的数据不衔接', en: 'Figures do not follow on from the previous year' },
  'code-description/audit/copied-text': { 'zh-CN': '正文照搬上一年度报告', en: 'Section copied from the previous year\'s report' },
  'code-description/audit/duplicate-report': { 'zh-CN': '同一机关同一年度有多份报告', en: 'Several reports of one agency and year' },

  'structure/check-timeout': {
    'zh-CN': '报告未能在 {seconds} 秒内检查完（停在{stage}），以下结果不完整；请检查报告是否有异常内容（极长的行、重复的表格），或反馈此文件。',
    en: 'The report could not be checked within {seconds} s (stopped while {stage}); the findings are incomplete. Look for unusual content (very long lines, repeated tables), or report this file.',
  },
  'check-stage/reading': { 'zh-CN': '读取结构时', en: 'reading the structure' },
  'check-stage/validating': { 'zh-CN': '核对规则时', en: 'checking the rules' },
  'check-stage/fixes': { 'zh-CN': '验证修改建议时', en: 'verifying the suggested fixes' },

  // ── reader refusals (ReadError) ──────────────────────────────────────────────────────────────────
  'read/binary': {
    'zh-CN': '文件是二进制数据，不是文本：请提供 .txt、.md、.html 或 .docx 格式的年度报告。',
    en: 'The file is binary data, not text: provide the annual report as .txt, .md, .html or .docx.',
  },
  'read/unsupported-format': {
    'zh-CN': '不支持的文件格式{aside}：请另存为 .docx、.html 或 .txt 后再检查。',
    en: 'Unsupported file format{aside}: save the report as .docx, .html or .txt and check it again.',
  },
  'read/too-large': {
    'zh-CN': '文件过大（{size}，上限 {maxBytes}）。',
    en: 'The file is too large ({size}; the limit is {maxBytes}).',
  },
  'read/empty': {
    'zh-CN': '文件为空，没有可检查的文字。',
    en: 'The file is empty: there is no text to check.',
  },
  'read/decode-failed': {
    'zh-CN': '无法识别文件的字符编码（已尝试 UTF-8、UTF-16、GB18030、Big5）：请以 UTF-8 编码另存后再检查。',
    en: 'The character encoding could not be recognised (tried UTF-8, UTF-16, GB18030, Big5): save the file as UTF-8 and check it again.',
  },
  'read/docx-invalid': {
    'zh-CN': '无法读取 Word 文档：文件已损坏或不是 .docx 格式{aside}。',
    en: 'The Word document cannot be read: it is damaged or not a .docx file{aside}.',
  },
  'read/too-deep': {
    'zh-CN': '网页的标签嵌套超过 {depth} 层，不是可读取的报告页面：请将报告另存为 .docx 或 .txt 后再检查。',
    en: 'The page nests its tags more than {depth} levels deep, which no report page does: save the report as .docx or .txt and check it again.',
  },
  'read/docx-too-large': {
    'zh-CN': 'Word 文档解压后过大（超过 {maxBytes}），可能是恶意构造的压缩文件，未作检查。',
    en: 'The Word document is too large once uncompressed (over {maxBytes}); it may be a maliciously crafted archive and was not checked.',
  },
  // An optional detail after the subject of a refusal: the format of an unsupported file, the cause of a bad .docx.
  'read/aside': { 'zh-CN': '（{text}）', en: ' ({text})' },
} as const satisfies CatalogueShape;

/**
 * What the catalogue must hold: a message and a description for every diagnostic code (a missing one fails
 * the build here), and any other `area/name` entries. An intersection, not a union of keys: a union would
 * fold the code literals into the `${string}/${string}` pattern and check nothing.
 */
type CatalogueShape = Record<DiagnosticCode | `code-description/${DiagnosticCode}`, LocalizedText> &
  Record<`${string}/${string}`, LocalizedText>;

/** A key of the catalogue: a diagnostic code, a code description, a reader refusal or a fragment. */
export type MessageKey = keyof typeof catalogue;
