import { countBinaryControlsUnlessNul } from './binary-controls.js';
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
 * 2. bytes with NULs: UTF-16 without BOM when one byte order decodes to plausible report text, else
 *    `binary`; more than 1% C0 control bytes → `binary`;
 * 3. valid UTF-8 (a very few broken sequences among many valid ones, e.g. a file cut in the middle of a
 *    character, still count as UTF-8, decoded lossily);
 * 4. for HTML, the `<meta charset>` declaration;
 * 5. GB18030 (which includes GBK and GB2312); Big5 instead when the double-byte pairs mostly fall outside
 *    GB2312's Hanzi area and the bytes are valid Big5;
 * 6. GB18030 with U+FFFD replacements when at most 1% of the characters are undecodable; else
 *    `decode-failed`.
 * Uses only `TextDecoder` (WHATWG encodings), no Node APIs.
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const bom = decodeWithBom(bytes);
  if (bom) return bom;

  // One pass over the sample counts its binary controls and looks for a NUL; the rest is looked at for a NUL.
  const sample = Math.min(bytes.length, SAMPLE);
  const controls = countBinaryControlsUnlessNul(bytes.subarray(0, sample));
  if (controls < 0 || (bytes.length > SAMPLE && bytes.indexOf(0, SAMPLE) >= 0)) {
    const utf16 = decodeUtf16WithoutBom(bytes);
    if (utf16) return utf16;
    throw new ReadError('binary');
  }
  // More than 1 % of the sample in binary controls.
  if (controls * 100 > sample) throw new ReadError('binary');

  // Valid UTF-8 (most reports) is decoded in one pass of the platform's strict decoder; what it refuses
  // is counted below (it refuses exactly what `utf8Validity` counts invalid).
  const strict = tryDecode('utf-8', bytes);
  if (strict !== undefined) return { text: strict, encoding: 'utf-8', lossy: false };
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
      const big5 = tryBig5(bytes);
      if (big5 !== undefined) return { text: big5, encoding: 'big5', lossy: false };
    }
    return { text: gb, encoding: 'gb18030', lossy: false };
  }
  const big5 = tryBig5(bytes);
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

/**
 * UTF-16 without a BOM: text files contain NUL bytes only as the high (or low) half of UTF-16 code units.
 * Both byte orders are decoded; one is taken when nearly all its characters are plausible in a report
 * (ASCII, CJK ideographs, CJK and general punctuation, full-width forms) and it beats the other.
 */
function decodeUtf16WithoutBom(bytes: Uint8Array): DecodedText | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  const sample = bytes.subarray(0, Math.min(bytes.length, SAMPLE));
  let best: { encoding: string; score: number } | undefined;
  for (const encoding of ['utf-16le', 'utf-16be']) {
    const text = tryDecode(encoding, sample.length % 2 === 0 ? sample : sample.subarray(0, sample.length - 1));
    if (text === undefined) continue;
    const score = plausibility(text);
    if (!best || score > best.score) best = { encoding, score };
  }
  if (!best || best.score < 0.9) return undefined;
  const text = tryDecode(best.encoding, bytes);
  return text === undefined ? undefined : { text, encoding: best.encoding, lossy: false };
}

/** Share of characters that are ordinary in a report; random 16-bit units score well below 0.9. */
function plausibility(text: string): number {
  if (text.length === 0) return 0;
  let plausible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x20 && c < 0x7f) ||
      c === 0x09 || c === 0x0a || c === 0x0d ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f) ||
      c === 0xa0 || c === 0xfeff
    ) {
      plausible++;
    }
  }
  return plausible / text.length;
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

/**
 * Big5, checked structurally first: some platforms' Big5 decoders silently drop invalid bytes even in
 * fatal mode, so the bytes must be well-formed (lead 81–FE, trail 40–7E or A1–FE) and every pair must
 * yield a character.
 */
function tryBig5(bytes: Uint8Array): string | undefined {
  let units = 0;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i];
    if (lead < 0x80) {
      units++;
      i++;
      continue;
    }
    const trail = bytes[i + 1];
    if (lead === 0x80 || lead === 0xff || trail === undefined || !((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe))) {
      return undefined;
    }
    units++;
    i += 2;
  }
  const text = tryDecode('big5', bytes);
  if (text === undefined || text.includes('\uFFFD') || text.length < units) return undefined;
  return text;
}

/**
 * The strict UTF-8 decoder, kept between calls: every report is first decoded with it, and making a
 * decoder cost more than decoding a short report. A decoder that does not stream keeps nothing from one
 * call to the next; after an error it is dropped all the same (see {@link tryDecode}).
 */
let strictUtf8: InstanceType<typeof TextDecoder> | undefined;

function tryDecode(encoding: string, bytes: Uint8Array): string | undefined {
  const utf8 = encoding === 'utf-8';
  try {
    const decoder = utf8 ? (strictUtf8 ??= new TextDecoder('utf-8', { fatal: true })) : new TextDecoder(encoding, { fatal: true });
    return decoder.decode(bytes);
  } catch {
    if (utf8) strictUtf8 = undefined;
    return undefined;
  }
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}
