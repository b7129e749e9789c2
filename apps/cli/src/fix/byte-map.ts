import { TextDecoder } from 'node:util';

/**
 * Where each UTF-16 offset of a decoded text starts in the bytes it was decoded from, so that edits on
 * the text can be applied to the bytes and everything else — encoding, byte-order mark, line endings,
 * even undecodable bytes elsewhere — stays exactly as it was.
 */
export interface ByteMap {
  /** The text the bytes decode to. */
  text: string;
  /** `starts[k]` is the byte offset where UTF-16 unit k starts; `starts[text.length]` is the byte length. */
  starts: Uint32Array;
}

/**
 * Decodes `bytes` with a streaming TextDecoder one byte at a time and records where each character
 * starts. Returns undefined when the encoding is unknown to the platform.
 */
export function mapBytes(bytes: Uint8Array, encoding: string): ByteMap | undefined {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { ignoreBOM: true });
  } catch {
    return undefined;
  }
  // The byte-order mark is not part of the text: skip it, so that offset 0 maps to the first character.
  const bom = byteOrderMarkLength(bytes, decoder.encoding);
  const parts: string[] = [];
  const starts: number[] = [];
  let pendingStart = bom;
  const take = (decoded: string, nextStart: number) => {
    if (decoded === '') return;
    for (let k = 0; k < decoded.length; k++) starts.push(pendingStart);
    parts.push(decoded);
    pendingStart = nextStart;
  };
  for (let i = bom; i < bytes.length; i++) {
    take(decoder.decode(bytes.subarray(i, i + 1), { stream: true }), i + 1);
  }
  take(decoder.decode(), bytes.length);
  starts.push(bytes.length);
  return { text: parts.join(''), starts: Uint32Array.from(starts) };
}

function byteOrderMarkLength(bytes: Uint8Array, encoding: string): number {
  const [a, b, c] = bytes;
  if (encoding === 'utf-8' && a === 0xef && b === 0xbb && c === 0xbf) return 3;
  if (encoding === 'utf-16le' && a === 0xff && b === 0xfe) return 2;
  if (encoding === 'utf-16be' && a === 0xfe && b === 0xff) return 2;
  return 0;
}
