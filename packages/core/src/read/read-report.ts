import type { ReportSource, SourceFormat } from '../model/report.js';
import { binarySignature, zipContent } from './binary-signature.js';
import { htmlByContent } from './content-format.js';
import { decodeText } from './decode-text.js';
import { renderDocx, renderDocxIfLoaded } from './docx/render-docx.js';
import { renderHtml } from './html/render-html.js';
import { identityView } from './identity-view.js';
import { latin1Head } from './latin1-head.js';
import { ReadError } from './read-error.js';
import type { TextView } from './text-view.js';

/** Options of {@link readReport}. */
export interface ReadOptions {
  /** File name or URI: its extension names the format, unless the content says otherwise (a page saved as .txt is HTML). */
  fileName?: string;
  /** Size limit in bytes (default {@link DEFAULT_MAX_BYTES}). */
  maxBytes?: number;
}

/** A report read from bytes: the decoded original and the linear text the parser reads. */
export interface ReadResult {
  /** The original: decoded text (txt/md/html) or the text rendition (docx). */
  source: ReportSource;
  /**
   * The linear text rendition with offsets into `source.text`: the identity for txt, md and docx (whose
   * `source.text` is already the rendition), the rendered text for HTML.
   */
  view: TextView;
}

/** Default size limit: 50 MB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const EXTENSIONS: Readonly<Record<string, SourceFormat>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  shtml: 'html',
  docx: 'docx',
};

/**
 * Reads a report file. The format comes from the file name's extension (`.txt .md .html .htm .docx`)
 * or, without a known one, from the content (ZIP holding a Word document → docx; markup → html; else
 * txt). Rejects with a {@link ReadError} for files that are too large, empty (no bytes, or only
 * whitespace), binary, in an unsupported format (PDF, .doc, images, spreadsheets…), undecodable, or an
 * unreadable .docx.
 */
export async function readReport(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  const { fileName } = options;
  return readReportSync(bytes, options) ?? docxResult(await renderDocx(bytes, fileName, options.maxBytes ?? DEFAULT_MAX_BYTES), fileName);
}

/**
 * {@link readReport} without waiting: the same result or {@link ReadError}; for a .docx, only once the
 * reader of Word documents is loaded (by a first `readReport` of one, or `loadDocxReader`), undefined
 * before (then `readReport` reads it). For a caller that runs the reading and the check of a report as
 * one synchronous stage.
 */
export function readReportSync(bytes: Uint8Array, options: ReadOptions = {}): ReadResult | undefined {
  const { fileName } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) throw new ReadError('too-large', { fileName, size: bytes.length, maxBytes });
  if (bytes.length === 0) throw new ReadError('empty', { fileName });

  const signature = binarySignature(bytes);
  const extension = extensionOf(fileName);
  const declared = formatOfExtension(extension);
  if (signature?.kind === 'zip') {
    const content = zipContent(bytes);
    if (content === 'docx') {
      // The size limit applies to the text too: a small .docx can hold megabytes of it.
      const text = renderDocxIfLoaded(bytes, fileName, maxBytes);
      return text === undefined ? undefined : docxResult(text, fileName);
    }
    if (declared === 'docx') throw new ReadError('docx-invalid', { fileName, cause: content });
    throw new ReadError('unsupported-format', { fileName, format: content });
  }
  if (declared === 'docx') {
    throw new ReadError(signature ? 'unsupported-format' : 'docx-invalid', { fileName, format: signature?.format });
  }
  if (signature) throw new ReadError('unsupported-format', { fileName, format: signature.format });
  const unsupported = unsupportedExtension(extension);
  // Content decides: a page saved as .txt/.md (or served as .doc) is read as HTML.
  // The head is only sniffed for markup, which starts with `<`: without that byte in it, neither
  // `htmlByContent` nor `looksLikeHtml` could see any (a head has a character per byte).
  const head = declared === 'html' || !hasByte(bytes, LESS_THAN, HEAD_BYTES) ? undefined : latin1Head(bytes, HEAD_BYTES);
  const sniffed = head === undefined ? null : htmlByContent(head);
  if (unsupported && sniffed !== 'document') throw new ReadError('unsupported-format', { fileName, format: unsupported });

  const decoded = decodeText(bytes, {
    htmlMeta: declared === 'html' || sniffed !== null || (declared === undefined && head !== undefined && looksLikeHtml(head.slice(0, START_BYTES))),
  });
  if (isBlank(decoded.text)) throw new ReadError('empty', { fileName });
  const byContent = declared === 'html' ? null : htmlByContent(decoded.text);
  const format: SourceFormat =
    declared === 'html' || byContent !== null || (declared === undefined && looksLikeHtml(decoded.text)) ? 'html' : (declared ?? 'txt');
  const source: ReportSource = { name: fileName, format, encoding: decoded.encoding, text: decoded.text };
  const named = declared ?? (unsupported ? extension : undefined);
  if (named !== undefined && named !== format) source.declaredFormat = named;
  if (format !== 'html') return { source, view: identityView(decoded.text) };
  const view = renderHtml(decoded.text);
  if (isBlank(view.text)) throw new ReadError('empty', { fileName });
  return { source, view };
}

/** A .docx report read from its text form (`renderDocx`). */
function docxResult(text: string, fileName: string | undefined): ReadResult {
  if (isBlank(text)) throw new ReadError('empty', { fileName });
  const source: ReportSource = { name: fileName, format: 'docx', encoding: 'utf-8', text };
  const named = extensionOf(fileName);
  if (named !== undefined && named !== 'docx') source.declaredFormat = formatOfExtension(named) ?? named;
  return { source, view: identityView(text) };
}

/** The format an extension (see {@link extensionOf}) names, if known. */
function formatOfExtension(extension: string | undefined): SourceFormat | undefined {
  return extension === undefined ? undefined : EXTENSIONS[extension];
}

/** Formats recognised by name alone, which are never text even when their bytes have no signature. */
const UNSUPPORTED_EXTENSIONS: Readonly<Record<string, string>> = {
  pdf: 'PDF',
  doc: 'Word 97-2003 (.doc)',
  wps: 'WPS',
  xls: 'Excel',
  xlsx: 'Excel (.xlsx)',
  ofd: 'OFD',
  odt: 'OpenDocument',
};

function unsupportedExtension(extension: string | undefined): string | undefined {
  return extension === undefined ? undefined : UNSUPPORTED_EXTENSIONS[extension];
}

function extensionOf(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const base = fileName.replace(/[?#].*$/, '').split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : undefined;
}

/** How many first bytes are read as the head sniffed for markup (see `latin1Head`). */
const HEAD_BYTES = 4096;
const LESS_THAN = 0x3c;

/** Whether `byte` is among the first `length` bytes of `bytes`. */
function hasByte(bytes: Uint8Array, byte: number, length: number): boolean {
  return (bytes.length > length ? bytes.subarray(0, length) : bytes).indexOf(byte) >= 0;
}

/** How many first bytes {@link looksLikeHtml} sniffs, for a file without an extension. */
const START_BYTES = 2048;

/** Markup sniffing for files without a known extension: a doctype, or html/head/body/table/p/div tags. */
function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart();
  if (/^<(?:!doctype\s+html|html[\s>]|\?xml[^>]*>\s*<html)/i.test(head)) return true;
  return /<(?:html|head|body|table|div|p)(?:\s[^>]*)?>/i.test(head) && /<\/(?:html|body|table|div|p)>/i.test(text.slice(0, 65536));
}

function isBlank(text: string): boolean {
  return !/[^\s\u00A0\u3000\u200B-\u200D\u2060\uFEFF]/.test(text);
}
