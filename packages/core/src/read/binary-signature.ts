/** A recognised non-text file type. */
export interface BinarySignature {
  /** `zip` containers need a closer look (a .docx is one). */
  kind: 'zip' | 'other';
  /** Human-readable format name for messages. */
  format: string;
}

const SIGNATURES: readonly { bytes: readonly (number | null)[]; format: string; kind?: 'zip' }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], format: 'ZIP', kind: 'zip' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], format: 'ZIP', kind: 'zip' },
  { bytes: [0x50, 0x4b, 0x07, 0x08], format: 'ZIP', kind: 'zip' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], format: 'PDF' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], format: 'Word 97-2003 / WPS (.doc/.wps/.xls)' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], format: 'RTF' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], format: 'PNG' },
  { bytes: [0xff, 0xd8, 0xff], format: 'JPEG' },
  { bytes: [0x47, 0x49, 0x46, 0x38], format: 'GIF' },
  { bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50], format: 'WebP' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], format: 'TIFF' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], format: 'TIFF' },
  { bytes: [0x1f, 0x8b], format: 'gzip' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], format: '7z' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], format: 'RAR' },
];

/** The non-text file type `bytes` start with, if any (PDF, old Word, images, archives…). */
export function binarySignature(bytes: Uint8Array): BinarySignature | undefined {
  for (const s of SIGNATURES) {
    if (s.bytes.length <= bytes.length && s.bytes.every((b, i) => b === null || bytes[i] === b)) {
      return { kind: s.kind ?? 'other', format: s.format };
    }
  }
  return undefined;
}

/**
 * Names what a ZIP container holds, from the member names in its headers: `docx` for a Word document,
 * else a format name for messages (`xlsx`, `pptx`, `OFD`, `ODF`, `ZIP`).
 */
export function zipContent(bytes: Uint8Array): 'docx' | string {
  const head = Math.min(bytes.length, 1 << 20);
  const tail = Math.max(0, bytes.length - (1 << 16));
  const holds = (name: string) => includesAscii(bytes, 0, head, name) || includesAscii(bytes, tail, bytes.length, name);
  if (holds('word/document.xml')) return 'docx';
  if (holds('xl/workbook.xml')) return 'Excel (.xlsx)';
  if (holds('ppt/presentation.xml')) return 'PowerPoint (.pptx)';
  if (holds('OFD.xml')) return 'OFD';
  if (holds('application/vnd.oasis.opendocument')) return 'OpenDocument';
  return 'ZIP';
}

/** Whether the bytes `start..end` hold the ASCII text `text` (searched in place: no string is built). */
function includesAscii(bytes: Uint8Array, start: number, end: number, text: string): boolean {
  const first = text.charCodeAt(0);
  for (let i = bytes.indexOf(first, start); i >= 0 && i + text.length <= end; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < text.length && bytes[i + k] === text.charCodeAt(k)) k++;
    if (k === text.length) return true;
  }
  return false;
}
