import type { ServerLocale } from '../settings/index.js';

/**
 * The language server's own user-facing strings (hover texts, inlay hints, code-action titles), in both
 * catalogue languages. Findings themselves come localised from the core's catalogue.
 */
const catalogue = {
  'zh-CN': {
    cell: '单元格',
    table: '表格',
    row: '行',
    column: '列',
    value: '数值',
    raw: '原文',
    state: '状态',
    'state.number': '数字',
    'state.blank': '空白',
    'state.na': '缺失',
    'state.invalid': '非数字',
    'state.text': '文字',
    'state.approximate': '约数',
    rules: '参与的规则',
    noRules: '本单元格不参与任何算术规则。',
    holds: '成立',
    fails: '不成立',
    undecided: '无法判断（有空白或缺失的单元格）',
    findings: '相关问题',
    expected: '应为 {expected}',
    template: '模板',
    guessed: '列位置系推测',
    fixAll: '修正本文档中所有可自动修正的问题',
    acknowledge: '确认此问题（写入基线文件，不再提示）',
    section: '节',
    missingSection: '（缺失）',
    notFound: '（未找到）',
    terms: '共 {n} 项',
    colon: '：',
    comma: '，',
    open: '（',
    close: '）',
  },
  en: {
    cell: 'Cell',
    table: 'Table',
    row: 'Row',
    column: 'Column',
    value: 'Value',
    raw: 'Text',
    state: 'State',
    'state.number': 'number',
    'state.blank': 'blank',
    'state.na': 'missing',
    'state.invalid': 'not a number',
    'state.text': 'words',
    'state.approximate': 'approximate',
    rules: 'Rules it takes part in',
    noRules: 'This cell takes part in no arithmetic rule.',
    holds: 'holds',
    fails: 'does not hold',
    undecided: 'undecided (blank or missing cells)',
    findings: 'Findings',
    expected: 'expected {expected}',
    template: 'Template',
    guessed: 'column position guessed',
    fixAll: 'Fix everything that can be fixed automatically in this document',
    acknowledge: 'Acknowledge this finding (baseline file: not reported again)',
    section: 'Section',
    missingSection: '(missing)',
    notFound: '(not found)',
    terms: '{n} terms',
    colon: ': ',
    comma: ', ',
    open: ' (',
    close: ')',
  },
} as const satisfies Record<ServerLocale, Record<string, string>>;

/** A key of the server's message catalogue. */
export type ServerMessageKey = keyof (typeof catalogue)['zh-CN'];

/** The server string `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function serverMessage(
  locale: ServerLocale,
  key: ServerMessageKey,
  params: Record<string, string | number> = {},
): string {
  const text: string = catalogue[locale][key];
  return text.replace(/\{(\w+)\}/gu, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
