/**
 * The CLI's own words (summaries, usage and I/O errors, notes), in both catalogue languages.
 * Findings themselves are worded by the core's message catalogue; only what the CLI adds lives here.
 */
export const cliMessages = {
  'problems': {
    'zh-CN': '{total} 个问题（{details}）',
    en: '{total} {total|problem|problems} ({details})',
  },
  'errors': { 'zh-CN': '{n} 个错误', en: '{n} {n|error|errors}' },
  'warnings': { 'zh-CN': '{n} 个警告', en: '{n} {n|warning|warnings}' },
  'infos': { 'zh-CN': '{n} 个提示', en: '{n} {n|info|infos}' },
  'list-separator': { 'zh-CN': '，', en: ', ' },
  'files-checked': { 'zh-CN': '检查了 {n} 个文件', en: '{n} {n|file|files} checked' },
  'files-failed': { 'zh-CN': '{n} 个文件无法读取', en: '{n} {n|file|files} could not be read' },
  'files-fixed': { 'zh-CN': '在 {n} 个文件中应用了 {fixes} 处修复', en: '{fixes} {fixes|fix|fixes} applied in {n} {n|file|files}' },
  'files-unrecognised': {
    'zh-CN': '{n} 个文件未能识别模板，未作检查',
    en: '{n} {n|file|files} not checked: no template fits',
  },
  'no-problems': { 'zh-CN': '没有发现问题', en: 'no problems found' },
  'by-code': { 'zh-CN': '按代码统计：', en: 'By code:' },
  'max-warnings-exceeded': {
    'zh-CN': '警告数 {warnings} 超过了 --max-warnings {max}',
    en: 'too many warnings: {warnings} (--max-warnings {max})',
  },
  'severity-error': { 'zh-CN': '错误', en: 'error' },
  'severity-warning': { 'zh-CN': '警告', en: 'warning' },
  'severity-info': { 'zh-CN': '提示', en: 'info' },
  'no-template': {
    'zh-CN': '未能识别报告所用的模板，未作检查（可用 --template 指定）',
    en: 'no template fits this report; it was not checked (choose one with --template)',
  },
  'fix-not-writable': {
    'zh-CN': '{path}：未修复，无法如实改写 .{format} 文件（只修复 .txt 和 .md）',
    en: '{path}: not fixed: a .{format} file cannot be rewritten faithfully (only .txt and .md are fixed)',
  },
  'fix-encoding': {
    'zh-CN': '{path}：未修复，修复内容无法用原编码 {encoding} 写回',
    en: '{path}: not fixed: the fix cannot be written back in the file\'s encoding {encoding}',
  },
  'fix-stdin': { 'zh-CN': '--fix 不能用于标准输入', en: '--fix cannot be used with standard input' },
  'file-not-found': { 'zh-CN': '找不到文件：{path}', en: 'no such file or directory: {path}' },
  'no-files-matched': { 'zh-CN': '没有匹配的文件：{pattern}', en: 'no files match: {pattern}' },
  'unreadable': { 'zh-CN': '{path}：无法读取：{reason}', en: '{path}: cannot read: {reason}' },
  'unknown-template': {
    'zh-CN': '未知模板：{id}（可用的模板：{known}）',
    en: 'unknown template: {id} (known templates: {known})',
  },
  'template-not-compiled': {
    'zh-CN': '{path}：模板有错误，无法编译',
    en: '{path}: the template has errors and does not compile',
  },
  'invalid-option': { 'zh-CN': '选项 {option} 的值无效：{value}（{hint}）', en: 'invalid value for {option}: {value} ({hint})' },
  'stdin-twice': { 'zh-CN': '标准输入（-）只能给一次', en: 'standard input (-) can be given only once' },
  'template-list-years': { 'zh-CN': '{from}–{to} 年度', en: 'report years {from}–{to}' },
  'template-origin-builtin': { 'zh-CN': '内置', en: 'built-in' },
  'template-origin-config': { 'zh-CN': '配置 {config}', en: 'config {config}' },
  'template-origin-option': { 'zh-CN': '命令行 --templates', en: '--templates' },
  'template-file-problem': { 'zh-CN': '{path}：{reason}，已忽略', en: '{path}: {reason}; ignored' },
  'template-list-years-open': { 'zh-CN': '{from} 年度起', en: 'report years {from} onward' },
  'template-ok': { 'zh-CN': '{path}：模板无错误（{id}）', en: '{path}: the template has no errors ({id})' },
  'year-outside-template': {
    'zh-CN': '注意：{year} 年度不在模板 {id} 的适用年度内',
    en: 'note: report year {year} is outside the years of template {id}',
  },
  'internal-error': { 'zh-CN': '内部错误：{reason}', en: 'internal error: {reason}' },
  // File-system errors a user can do something about (the reason of `unreadable`).
  'reason-eacces': { 'zh-CN': '没有访问权限（EACCES）', en: 'permission denied (EACCES)' },
  'reason-eperm': { 'zh-CN': '不允许该操作（EPERM）', en: 'operation not permitted (EPERM)' },
  'reason-eisdir': { 'zh-CN': '这是一个目录（EISDIR）', en: 'is a directory (EISDIR)' },
  'reason-emfile': { 'zh-CN': '打开的文件过多（EMFILE）', en: 'too many open files (EMFILE)' },
  'reason-eio': { 'zh-CN': '输入/输出错误（EIO）', en: 'input/output error (EIO)' },
  'reason-eloop': { 'zh-CN': '符号链接形成循环（ELOOP）', en: 'too many levels of symbolic links (ELOOP)' },
  'reason-enospc': { 'zh-CN': '磁盘已满（ENOSPC）', en: 'no space left on device (ENOSPC)' },
  'reason-edquot': { 'zh-CN': '超出磁盘配额（EDQUOT）', en: 'disk quota exceeded (EDQUOT)' },
  'reason-erofs': { 'zh-CN': '文件系统只读（EROFS）', en: 'read-only file system (EROFS)' },
  // A fixed report that could not be written back (the reason is one of the reason-* texts).
  'write-failed': { 'zh-CN': '{path}：检查完成，但修改无法写回文件：{reason}', en: '{path}: checked, but the fixes could not be written back: {reason}' },
} as const;

/** A key of the CLI's message catalogue. */
export type CliMessageKey = keyof typeof cliMessages;
