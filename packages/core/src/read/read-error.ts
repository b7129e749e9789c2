/** Why a file could not be read. */
export type ReadErrorCode = 'binary' | 'unsupported-format' | 'too-large' | 'empty' | 'decode-failed' | 'docx-invalid';

/** The languages reader messages are written in. */
export type ReadMessageLocale = 'zh-CN' | 'en';

/** Facts a reader message may quote. */
export interface ReadErrorDetails {
  /** The file name, if known. */
  fileName?: string;
  /** The recognised format of an unsupported file (`PDF`, `Word 97-2003 (.doc)`, `PNG`…). */
  format?: string;
  /** File size in bytes (too-large). */
  size?: number;
  /** The limit in bytes (too-large). */
  maxBytes?: number;
  /** Underlying cause (docx-invalid, decode-failed). */
  cause?: string;
}

/** A file the reader refuses, with a stable code and a message in Chinese (default) or English. */
export class ReadError extends Error {
  /**
   * @param code why the file was refused
   * @param details facts for the message
   */
  constructor(
    readonly code: ReadErrorCode,
    readonly details: ReadErrorDetails = {},
  ) {
    super(readErrorMessage(code, details, 'zh-CN'));
    this.name = 'ReadError';
  }

  /** The message in `locale`. */
  localizedMessage(locale: ReadMessageLocale): string {
    return readErrorMessage(this.code, this.details, locale);
  }
}

/** The reader's message catalogue: one entry per code, Chinese and English. */
export const readErrorMessages: Readonly<
  Record<ReadErrorCode, Readonly<Record<ReadMessageLocale, (details: ReadErrorDetails) => string>>>
> = {
  binary: {
    'zh-CN': () => '文件是二进制数据，不是文本：请提供 .txt、.md、.html 或 .docx 格式的年度报告。',
    en: () => 'The file is binary data, not text: provide the annual report as .txt, .md, .html or .docx.',
  },
  'unsupported-format': {
    'zh-CN': (d) => `不支持的文件格式${d.format ? `（${d.format}）` : ''}：请另存为 .docx、.html 或 .txt 后再检查。`,
    en: (d) => `Unsupported file format${d.format ? ` (${d.format})` : ''}: save the report as .docx, .html or .txt and check it again.`,
  },
  'too-large': {
    'zh-CN': (d) => `文件过大（${formatSize(d.size)}，上限 ${formatSize(d.maxBytes)}）。`,
    en: (d) => `The file is too large (${formatSize(d.size)}; the limit is ${formatSize(d.maxBytes)}).`,
  },
  empty: {
    'zh-CN': () => '文件为空，没有可检查的文字。',
    en: () => 'The file is empty: there is no text to check.',
  },
  'decode-failed': {
    'zh-CN': () => '无法识别文件的字符编码（已尝试 UTF-8、UTF-16、GB18030、Big5）：请以 UTF-8 编码另存后再检查。',
    en: () => 'The character encoding could not be recognised (tried UTF-8, UTF-16, GB18030, Big5): save the file as UTF-8 and check it again.',
  },
  'docx-invalid': {
    'zh-CN': (d) => `无法读取 Word 文档：文件已损坏或不是 .docx 格式${d.cause ? `（${d.cause}）` : ''}。`,
    en: (d) => `The Word document cannot be read: it is damaged or not a .docx file${d.cause ? ` (${d.cause})` : ''}.`,
  },
};

/** The message for `code` in `locale`. */
export function readErrorMessage(code: ReadErrorCode, details: ReadErrorDetails, locale: ReadMessageLocale): string {
  return readErrorMessages[code][locale](details);
}

function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return '?';
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
