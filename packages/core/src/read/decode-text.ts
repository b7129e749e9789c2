import { ReadError } from './read-error.js';

/** Text decoded from bytes, and how. */
export interface DecodedText {
  /** The text, without a byte-order mark. */
  text: string;
  /** WHATWG name of the encoding used: `utf-8`, `utf-16le`, `utf-16be`, `gb18030`, `big5`… */
  encoding: string;
  /** True when a few undecodable byte sequences were replaced by U+FFFD. */
  lossy: boolean;
}

/** Options of {@link decodeText}. */
export interface DecodeOptions {
  /** Honour a `<meta charset>` declaration (HTML sources) when the bytes are not UTF-8. */
  htmlMeta?: boolean;
}

/**
 * Decodes report bytes, deciding the encoding in this order:
 * 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE; UTF-32 is refused);
 * 2. UTF-16 without BOM, recognised by NUL bytes concentrated on odd (LE) or even (BE) positions;
 * 3. any other NUL byte, or many C0 control bytes → `binary`;
 * 4. valid UTF-8 (a very few broken sequences among many valid ones, e.g. a file cut in the middle of a
 *    character, still count as UTF-8, decoded lossily);
 * 5. for HTML, the `<meta charset>` declaration;
 * 6. GB18030 (which includes GBK and GB2312); Big5 instead when the double-byte pairs mostly fall outside
 *    GB2312's Hanzi area and the bytes are valid Big5;
 * 7. GB18030 with U+FFFD replacements when at most 1% of the characters are undecodable; else
 *    `decode-failed`.
 * Uses only `TextDecoder` (WHATWG encodings), no Node APIs.
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const bom = decodeWithBom(bytes);
  if (bom) return bom;

  const utf16 = guessUtf16(bytes);
  if (utf16) {
    const text = tryDecode(utf16, bytes);
    if (text !== undefined && !looksBinaryText(text)) return { text, encoding: utf16, lossy: false };
  }
  if (looksBinary(bytes)) throw new ReadError('binary');

  const utf8 = utf8Validity(bytes);
  if (utf8.invalid === 0) return { text: decode('utf-8', bytes), encoding: 'utf-8', lossy: false };
  if (utf8.valid >= 16 && utf8.invalid * 50 <= utf8.valid) {
    return { text: decode('utf-8', bytes), encoding: 'utf-8', lossy: true };
  }

  if (options.htmlMeta) {
    const declared = declaredCharset(bytes);
    if (declared) {
      const text = tryDecode(declared, bytes);
      if (text !== undefined) return { text, encoding: new TextDecoder(declared).encoding, lossy: false };
    }
  }

  const gb = tryDecode('gb18030', bytes);
  if (gb !== undefined) {
    if (gb2312HanziShare(bytes) < 0.5) {
      const big5 = tryDecode('big5', bytes);
      if (big5 !== undefined) return { text: big5, encoding: 'big5', lossy: false };
    }
    return { text: gb, encoding: 'gb18030', lossy: false };
  }
  const big5 = tryDecode('big5', bytes);
  if (big5 !== undefined) return { text: big5, encoding: 'big5', lossy: false };

  const lossy = decode('gb18030', bytes);
  let replaced = 0;
  for (let i = 0; i < lossy.length; i++) if (lossy.charCodeAt(i) === 0xfffd) replaced++;
  if (replaced * 100 <= lossy.length) return { text: lossy, encoding: 'gb18030', lossy: true };
  throw new ReadError('decode-failed');
}

function decodeWithBom(bytes: Uint8Array): DecodedText | undefined {
  const [a, b, c, d] = bytes;
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) {
    throw new ReadError('decode-failed', { cause: 'UTF-32' });
  }
  if (a === 0xef && b === 0xbb && c === 0xbf) return bomDecode('utf-8', bytes);
  if (a === 0xff && b === 0xfe) return bomDecode('utf-16le', bytes);
  if (a === 0xfe && b === 0xff) return bomDecode('utf-16be', bytes);
  return undefined;
}

function bomDecode(encoding: string, bytes: Uint8Array): DecodedText {
  const strict = tryDecode(encoding, bytes);
  if (strict !== undefined) return { text: strict, encoding, lossy: false };
  return { text: decode(encoding, bytes), encoding, lossy: true };
}

/** Size of the prefix inspected by the byte-statistics heuristics. */
const SAMPLE = 1 << 16;

function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  const enough = Math.max(1, pairs * 0.05);
  if (odd >= enough && even * 20 <= odd) return 'utf-16le';
  if (even >= enough && odd * 20 <= even) return 'utf-16be';
  return undefined;
}

function looksBinary(bytes: Uint8Array): boolean {
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (i < SAMPLE && isBinaryControl(b)) controls++;
  }
  return controls * 100 > Math.min(bytes.length, SAMPLE);
}

function looksBinaryText(text: string): boolean {
  const n = Math.min(text.length, SAMPLE);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 0x20 && isBinaryControl(c)) controls++;
  }
  return controls * 100 > n;
}

/** C0 controls that do not occur in text files (TAB, LF, VT, FF, CR, SUB, ESC do). */
function isBinaryControl(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1a && b !== 0x1b;
}

/** Counts valid multi-byte UTF-8 sequences and invalid ones (a truncated final sequence counts invalid). */
function utf8Validity(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else {
      invalid++;
      i++;
      continue;
    }
    let j = 1;
    for (; j <= need && i + j < n; j++) {
      const c = bytes[i + j];
      if (j === 1 ? c < min || c > max : c < 0x80 || c > 0xbf) break;
    }
    if (j > need) {
      valid++;
      i += need + 1;
    } else {
      invalid++;
      i += j;
    }
  }
  return { valid, invalid };
}

/**
 * Share of GB18030 double-byte pairs that are GB2312 Hanzi (lead B0–F7, trail A1–FE). GBK/GB2312 text
 * scores near 1; Big5 text, whose trail bytes are often 40–7E, scores far lower.
 */
function gb2312HanziShare(bytes: Uint8Array): number {
  let pairs = 0;
  let hanzi = 0;
  const n = Math.min(bytes.length, SAMPLE);
  for (let i = 0; i < n; ) {
    const lead = bytes[i];
    if (lead < 0x81 || lead === 0xff) {
      i++;
      continue;
    }
    const trail = bytes[i + 1];
    if (trail >= 0x30 && trail <= 0x39) {
      i += 4;
      continue;
    }
    pairs++;
    if (lead >= 0xb0 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) hanzi++;
    i += 2;
  }
  return pairs < 8 ? 1 : hanzi / pairs;
}

function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 4096);
  let ascii = '';
  for (let i = 0; i < head.length; i++) ascii += String.fromCharCode(head[i]);
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(ascii);
  if (!m) return undefined;
  try {
    const encoding = new TextDecoder(m[1]).encoding;
    return encoding === 'utf-8' || encoding.startsWith('utf-16') ? undefined : encoding;
  } catch {
    return undefined;
  }
}

function tryDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}
