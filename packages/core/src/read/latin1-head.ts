let utf16le: InstanceType<typeof TextDecoder> | undefined;

/**
 * The first `length` bytes as Latin-1, one character per byte (enough to see ASCII markup in any
 * ASCII-compatible encoding).
 */
export function latin1Head(bytes: Uint8Array, length = 4096): string {
  // Each byte widened to a UTF-16 unit below 0x100 (its Latin-1 character: no surrogate, nothing to
  // replace) and decoded in one native call; `String.fromCharCode.apply` over a typed array of a few
  // thousand bytes cost twice as much.
  utf16le ??= new TextDecoder('utf-16le');
  return utf16le.decode(new Uint16Array(bytes.subarray(0, Math.min(bytes.length, length))));
}
