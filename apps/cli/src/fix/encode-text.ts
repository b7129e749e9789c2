/**
 * Encodes replacement text in a file's own encoding. UTF-8 and UTF-16 are written by the platform or
 * by hand; for the other encodings the platform has decoders but no encoders (GB18030, GBK, Big5), so
 * only ASCII text — which those encodings write as ASCII — can be written. Returns undefined when the
 * text cannot be encoded faithfully.
 */
export function encodeText(text: string, encoding: string): Uint8Array | undefined {
  const name = encoding.toLowerCase().replace(/_/g, '-');
  if (name === 'utf-8' || name === 'utf8') return new TextEncoder().encode(text);
  if (name === 'utf-16le' || name === 'utf-16be' || name === 'utf-16') {
    const littleEndian = name !== 'utf-16be';
    const out = new Uint8Array(text.length * 2);
    const view = new DataView(out.buffer);
    for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
    return out;
  }
  if (!asciiCompatible.has(name)) return undefined;
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return undefined;
    out[i] = code;
  }
  return out;
}

/** Encodings in which every ASCII character is the same single byte. */
const asciiCompatible = new Set([
  'gb18030', 'gbk', 'gb2312', 'big5', 'big5-hkscs', 'windows-1252', 'iso-8859-1', 'latin1', 'ascii', 'us-ascii',
  'shift-jis', 'shift_jis', 'euc-jp', 'euc-kr',
]);
