import type { TextEdit } from '@nianbao/core';
import type { ByteMap } from './byte-map.js';
import { encodeText } from './encode-text.js';

/**
 * Applies text edits (UTF-16 offsets of `map.text`, non-overlapping) to the bytes the text was decoded
 * from. Returns undefined when a replacement cannot be encoded in `encoding`.
 */
export function spliceBytes(bytes: Uint8Array, map: ByteMap, edits: readonly TextEdit[], encoding: string): Uint8Array | undefined {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const pieces: Uint8Array[] = [];
  let cursor = 0;
  for (const edit of sorted) {
    const start = map.starts[edit.range.start];
    const end = map.starts[edit.range.end];
    if (start === undefined || end === undefined || start < cursor || end < start) return undefined;
    const replacement = encodeText(edit.newText, encoding);
    if (!replacement) return undefined;
    pieces.push(bytes.subarray(cursor, start), replacement);
    cursor = end;
  }
  pieces.push(bytes.subarray(cursor));
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.length;
  }
  return out;
}
