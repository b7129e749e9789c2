import { DEFAULT_LOCALE, message, type Locale, type MessageKey, type MessageParams } from '../messages/index.js';

/** Why a file could not be read. */
export type ReadErrorCode =
  | 'binary'
  | 'unsupported-format'
  | 'too-large'
  | 'empty'
  | 'decode-failed'
  | 'docx-invalid'
  | 'docx-too-large'
  | 'too-deep';

/** The languages reader messages are written in (the catalogue's). */
export type ReadMessageLocale = Locale;

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
  /** The nesting limit (too-deep). */
  depth?: number;
  /** The text-size limit in characters (docx-too-large). */
  maxCharacters?: number;
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
    super(readErrorMessage(code, details, DEFAULT_LOCALE));
    this.name = 'ReadError';
  }

  /** The message in `locale`. */
  localizedMessage(locale: ReadMessageLocale): string {
    return readErrorMessage(this.code, this.details, locale);
  }
}

/** The catalogue entry of each refusal (`read/<code>` in the core's message catalogue). */
function messageKey(code: ReadErrorCode): MessageKey {
  return `read/${code}` as const satisfies MessageKey;
}

/** The message for `code` in `locale`, worded by the core's message catalogue. */
export function readErrorMessage(code: ReadErrorCode, details: ReadErrorDetails, locale: ReadMessageLocale): string {
  return message(messageKey(code), messageParams(code, details, locale), locale);
}

/** The placeholders of a refusal's message: an optional detail in brackets, sizes in B/KB/MB. */
function messageParams(code: ReadErrorCode, details: ReadErrorDetails, locale: Locale): MessageParams {
  const aside = (text: string | undefined) => (text ? message('read/aside', { text }, locale) : '');
  switch (code) {
    case 'unsupported-format':
      return { aside: aside(details.format) };
    case 'docx-invalid':
      return { aside: aside(details.cause) };
    case 'too-deep':
      return { depth: details.depth ?? '?' };
    case 'docx-too-large':
      return { maxBytes: formatSize(details.maxBytes) };
    case 'too-large':
      return { size: formatSize(details.size), maxBytes: formatSize(details.maxBytes) };
    default:
      return {};
  }
}

function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return '?';
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
