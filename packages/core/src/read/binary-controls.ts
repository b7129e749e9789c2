/**
 * Whether byte `b` is a C0 control that does not occur in text files (NUL is handled apart; TAB, LF, VT,
 * FF, CR, SUB and ESC occur).
 */
export function isBinaryControl(b: number): boolean {
  return b > 0 && b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1a && b !== 0x1b;
}

/** 1 for each byte value that {@link isBinaryControl}, else 0. */
const CONTROL = Uint8Array.from({ length: 256 }, (_, b) => (isBinaryControl(b) ? 1 : 0));
const EMPTY = new Uint32Array(0);

/**
 * How many bytes of `bytes` are binary controls ({@link isBinaryControl}). Read four bytes at a time: a
 * word is looked at byte by byte only when one of its bytes is below 0x20 (the line breaks of a text,
 * mostly), which `(w - 0x20202020) & ~w & 0x80808080` tells exactly for the word as a whole (a borrow
 * only starts at a byte below 0x20), whatever the byte order.
 */
export function countBinaryControls(bytes: Uint8Array): number {
  return countControls(bytes, false);
}

/**
 * {@link countBinaryControls}, or -1 when `bytes` hold a NUL (a text decoder's first question: UTF-16, or
 * binary), answered in the same pass: a word with a zero byte has one below 0x20, and
 * `(w - 0x01010101) & ~w & 0x80808080` tells exactly whether it has a zero byte.
 */
export function countBinaryControlsUnlessNul(bytes: Uint8Array): number {
  return countControls(bytes, true);
}

function countControls(bytes: Uint8Array, nulFails: boolean): number {
  const n = bytes.length;
  let controls = 0;
  // Bytes up to the first four-byte boundary of the buffer, then whole words, then the rest.
  let i = Math.min(n, (4 - (bytes.byteOffset & 3)) & 3);
  for (let k = 0; k < i; k++) {
    if (nulFails && bytes[k] === 0) return -1;
    controls += CONTROL[bytes[k]];
  }
  const words = (n - i) >> 2;
  const word = words > 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset + i, words) : EMPTY;
  for (let k = 0; k < words; k++) {
    const w = word[k];
    if (((w - 0x20202020) & ~w & 0x80808080) === 0) continue;
    if (nulFails && ((w - 0x01010101) & ~w & 0x80808080) !== 0) return -1;
    const at = i + k * 4;
    controls += CONTROL[bytes[at]] + CONTROL[bytes[at + 1]] + CONTROL[bytes[at + 2]] + CONTROL[bytes[at + 3]];
  }
  for (i += words * 4; i < n; i++) {
    if (nulFails && bytes[i] === 0) return -1;
    controls += CONTROL[bytes[i]];
  }
  return controls;
}
