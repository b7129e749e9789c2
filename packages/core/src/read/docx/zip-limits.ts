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
  return inflateXmlParts(bytes, limit).exceeded;
}

/** The entries of a ZIP archive as its central directory lists them, with the XML parts inflated. */
export interface InflatedPackage {
  /** The name of every entry, in the order of the directory (as `unzipSync` sees them). */
  readonly names: readonly string[];
  /**
   * The XML and relationship parts inflated, by name (the last of a name, as `unzipSync` keeps it): the
   * bytes `unzipSync` gives for each.
   */
  readonly parts: ReadonlyMap<string, Uint8Array>;
}

/** What {@link inflateXmlParts} found. */
export interface XmlPartsInflation {
  /** Whether the XML parts inflate to more than the limit (see {@link exceedsInflatedLimit}). */
  readonly exceeded: boolean;
  /**
   * When not exceeded, the parts that pass inflated, for the reader not to inflate them again; undefined
   * when the pass could not stand for `unzipSync` (see {@link inflateXmlParts}).
   */
  readonly inflated?: InflatedPackage;
}

/** An entry of the central directory, as `unzipSync` describes it. */
interface DirectoryEntry {
  readonly name: string;
  readonly size: number;
  readonly originalSize: number;
  readonly compression: number;
}

/** An entry read by the streaming pass, and the data inflated of it (kept for the XML parts). */
interface StreamedEntry {
  readonly name: string;
  readonly compression: number;
  readonly size: number | undefined;
  readonly chunks: Uint8Array[];
  length: number;
  done: boolean;
}

/**
 * {@link exceedsInflatedLimit}, keeping what its streaming pass inflates (at most `limit` bytes): when
 * the archive is within the limit and that pass read it entry by entry as its central directory lists
 * it (the same names in the same order, each with the compression and compressed size the directory
 * gives, each XML part inflated whole, without error, to the size the directory declares), the XML
 * parts come with the answer, as `unzipSync` would inflate them from the directory (the same compressed
 * bytes, the same length); else only the answer (an archive with data descriptors, or whose local
 * headers and directory disagree, is read from the directory as before).
 */
export function inflateXmlParts(bytes: Uint8Array, limit = MAX_DOCX_XML_BYTES): XmlPartsInflation {
  let declared = 0;
  let directory: DirectoryEntry[] | undefined = [];
  try {
    unzipSync(bytes, {
      filter(file) {
        directory!.push(file);
        if (isReadPart(file.name)) declared += file.originalSize;
        return false;
      },
    });
  } catch {
    // An archive without a readable central directory: the streaming pass below still looks.
    directory = undefined;
  }
  if (declared > limit) return { exceeded: true };
  let inflated = 0;
  let exceeded = false;
  const entries: StreamedEntry[] = [];
  try {
    const unzip = new Unzip((file) => {
      const entry: StreamedEntry = { name: file.name, compression: file.compression, size: file.size, chunks: [], length: 0, done: false };
      entries.push(entry);
      if (!isReadPart(file.name) || exceeded) return;
      if ((file.originalSize ?? 0) > limit) {
        exceeded = true;
        return;
      }
      file.ondata = (error, chunk, final) => {
        if (error || exceeded) return;
        inflated += chunk.length;
        if (inflated > limit) {
          exceeded = true;
          file.terminate();
          return;
        }
        if (chunk.length > 0) entry.chunks.push(chunk);
        entry.length += chunk.length;
        if (final) entry.done = true;
      };
      file.start();
    });
    unzip.register(UnzipInflate);
    for (let at = 0; at < bytes.length && !exceeded; at += CHUNK) {
      unzip.push(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)), at + CHUNK >= bytes.length);
    }
  } catch {
    return { exceeded };
  }
  if (exceeded) return { exceeded };
  return { exceeded, inflated: directory && packageOf(directory, entries) };
}

/** The package the streamed `entries` make, when they are the `directory`'s (see {@link inflateXmlParts}); else undefined. */
function packageOf(directory: readonly DirectoryEntry[], entries: readonly StreamedEntry[]): InflatedPackage | undefined {
  if (entries.length !== directory.length) return undefined;
  const parts = new Map<string, Uint8Array>();
  for (let i = 0; i < entries.length; i++) {
    const listed = directory[i];
    const entry = entries[i];
    if (entry.name !== listed.name || entry.compression !== listed.compression || entry.size !== listed.size) return undefined;
    if (!isReadPart(entry.name)) continue;
    // A stored entry is its compressed bytes to `unzipSync`: the same length only when the sizes agree.
    if (!entry.done || entry.length !== listed.originalSize || (listed.compression === 0 && listed.size !== listed.originalSize)) return undefined;
    parts.set(entry.name, joined(entry.chunks, entry.length));
  }
  return { names: directory.map((listed) => listed.name), parts };
}

/** The chunks as one array of `length` bytes (the chunk itself when there is one). */
function joined(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
