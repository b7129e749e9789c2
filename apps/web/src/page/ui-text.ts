import type { Locale, Severity } from '@nianbao/core';

/** The page's own words (the findings come worded from the core's catalogue), zh-CN first. */
const zh = {
  title: '年报检查',
  subtitle: '政府信息公开工作年度报告 · 在浏览器中检查',
  privacy: '报告只在您的浏览器中检查，不会上传到任何服务器。',
  open: '打开报告文件',
  dropHint: '或把 .docx、.html、.txt、.md 文件拖到这里',
  pasteLabel: '或粘贴报告全文：',
  pasteCheck: '检查粘贴的文本',
  pastedName: '粘贴的文本.txt',
  template: '模板',
  auto: '自动识别',
  language: 'English',
  checking: '正在检查……',
  file: '文件',
  detected: '识别的模板',
  none: '无',
  year: '年度',
  agency: '机关',
  confidence: '把握',
  findings: '检查结果',
  noFindings: '没有发现问题。',
  counts: (e: number, w: number, i: number) => `${e} 个错误，${w} 个警告，${i} 条提示`,
  at: (line: number, column: number) => `第 ${line} 行第 ${column} 列`,
  fix: '应用修正',
  fixAll: (n: number) => `修正全部可自动修正的问题（${n}）`,
  applied: (n: number) => (n > 0 ? `已应用 ${n} 处修正。` : '没有可以验证的修正。'),
  download: '下载修正后的文本',
  tables: '表格',
  notFound: '报告中未找到此表',
  proposed: '建议改为',
  text: '报告全文',
  elapsed: (ms: number) => `检查用时 ${ms} 毫秒`,
  wordNote: 'Word 文件修正后以纯文本下载。',
  failed: '无法检查：',
  severity: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
};

const en: typeof zh = {
  title: 'Annual report check',
  subtitle: 'Government information disclosure annual reports · checked in your browser',
  privacy: 'Your report is checked in this browser only; nothing is uploaded to any server.',
  open: 'Open a report file',
  dropHint: 'or drop a .docx, .html, .txt or .md file here',
  pasteLabel: 'or paste the whole report:',
  pasteCheck: 'Check the pasted text',
  pastedName: 'pasted-report.txt',
  template: 'Template',
  auto: 'Detect',
  language: '中文',
  checking: 'Checking…',
  file: 'File',
  detected: 'Template',
  none: 'none',
  year: 'Year',
  agency: 'Agency',
  confidence: 'confidence',
  findings: 'Findings',
  noFindings: 'No problems found.',
  counts: (e, w, i) => `${e} errors, ${w} warnings, ${i} notes`,
  at: (line, column) => `line ${line}, column ${column}`,
  fix: 'Apply fix',
  fixAll: (n) => `Fix everything that can be fixed automatically (${n})`,
  applied: (n) => (n > 0 ? `Applied ${n} fixes.` : 'No fix could be verified.'),
  download: 'Download the corrected text',
  tables: 'Tables',
  notFound: 'This table was not found in the report',
  proposed: 'proposed',
  text: 'Report text',
  elapsed: (ms) => `Checked in ${ms} ms`,
  wordNote: 'A corrected Word document is downloaded as plain text.',
  failed: 'Cannot check: ',
  severity: { error: 'error', warning: 'warning', info: 'note' },
};

/** The page's words in a language. */
export type UiText = typeof zh;

/** The page's words in `locale`. */
export function uiText(locale: Locale): UiText {
  return locale === 'en' ? en : zh;
}
