/**
 * Bytes of a part decoded at a time, at least (up to the next `<`): a piece then holds about 32 K
 * characters (a UTF-8 byte decodes to at most one UTF-16 unit), under the 64 K two-byte characters
 * from which V8 allocates a string in its large-object space, on fresh pages each time (decoding a
 * 70 KB part in one string cost 18 times what decoding it in two did).
 */
export const XML_PIECE_BYTES = 32 * 1024;

const LT = 0x3c;

/**
 * Decodes an XML part with `decoder` (a UTF-8 `TextDecoder`: a byte order mark dropped, malformed
 * sequences as U+FFFD) in pieces that join to the part's text decoded whole: each piece but the last
 * ends before a `<` found at least {@link XML_PIECE_BYTES} bytes after the piece's start (the rest of
 * the part is one piece when there is none). A split before an ASCII byte decodes alike on either
 * side: the decoder there is between sequences, or in one the byte cannot continue, which it ends
 * with a U+FFFD as the end of the input does; and no piece after the first starts with a byte order mark.
 */
export function decodeXmlPart(bytes: Uint8Array, decoder: { decode(input: Uint8Array): string }): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (bytes.length - start > XML_PIECE_BYTES) {
    const end = bytes.indexOf(LT, start + XML_PIECE_BYTES);
    if (end < 0) break;
    pieces.push(decoder.decode(bytes.subarray(start, end)));
    start = end;
  }
  pieces.push(decoder.decode(start === 0 ? bytes : bytes.subarray(start)));
  return pieces;
}
