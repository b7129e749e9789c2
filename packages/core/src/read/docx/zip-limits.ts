import { Unzip, UnzipInflate, unzipSync } from 'fflate';

/**
 * Most bytes the XML parts of a Word document may hold once inflated (the text, its styles and
 * relations; images are not read). A long real report's document.xml is a few megabytes; a zip bomb
 * declares or inflates to gigabytes.
 */
export const MAX_DOCX_XML_BYTES = 16 * 1024 * 1024;

/** Bytes of compressed input handed to the inflater at a time: bounds what one step can inflate. */
const CHUNK = 4 * 1024;

/** The parts of a .docx the converter reads: XML and relations, not media. */
function isReadPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

/**
 * Whether the .docx `bytes` inflate to more than `limit` bytes of XML: first by the sizes the archive
 * declares, then by inflating the XML parts in small steps and stopping at the limit (declared sizes
 * can lie). Nothing is kept. False when the archive cannot be read this way at all (the converter then
 * says why).
 */
export function exceedsInflatedLimit(bytes: Uint8Array, limit = MAX_DOCX_XML_BYTES): boolean {
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter(file) {
        if (isReadPart(file.name)) declared += file.originalSize;
        return false;
      },
    });
  } catch {
    // An archive without a readable central directory: the streaming pass below still looks.
  }
  if (declared > limit) return true;
  let inflated = 0;
  let exceeded = false;
  try {
    const unzip = new Unzip((file) => {
      if (!isReadPart(file.name) || exceeded) return;
      if ((file.originalSize ?? 0) > limit) {
        exceeded = true;
        return;
      }
      file.ondata = (error, chunk) => {
        if (error || exceeded) return;
        inflated += chunk.length;
        if (inflated > limit) {
          exceeded = true;
          file.terminate();
        }
      };
      file.start();
    });
    unzip.register(UnzipInflate);
    for (let at = 0; at < bytes.length && !exceeded; at += CHUNK) {
      unzip.push(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)), at + CHUNK >= bytes.length);
    }
  } catch {
    return exceeded;
  }
  return exceeded;
}
