let utf16le: InstanceType<typeof TextDecoder> | undefined;
/** The widened bytes of a head of the usual length, written over by each call. */
const units = new Uint16Array(4096);

/**
 * The first `length` bytes as Latin-1, one character per byte (enough to see ASCII markup in any
 * ASCII-compatible encoding).
 */
export function latin1Head(bytes: Uint8Array, length = 4096): string {
  // Each byte widened to a UTF-16 unit below 0x100 (its Latin-1 character: no surrogate, nothing to
  // replace) and decoded in one native call; `String.fromCharCode.apply` over a typed array of a few
  // thousand bytes cost twice as much. The units are written over a buffer kept between calls: a new
  // array of 8 KB per report was an allocation (and, in a fresh process, fresh memory) per report.
  utf16le ??= new TextDecoder('utf-16le');
  const count = Math.min(bytes.length, length);
  const head = bytes.subarray(0, count);
  if (count > units.length) return utf16le.decode(new Uint16Array(head));
  units.set(head);
  return utf16le.decode(units.subarray(0, count));
}
