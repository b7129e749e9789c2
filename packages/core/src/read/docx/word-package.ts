import { unzipSync } from 'fflate';
import { decodeXmlPart } from './decode-xml-part.js';
import { readWordXml } from './word-xml.js';
import type { InflatedPackage } from './zip-limits.js';

/** The XML parts of a Word document the text is read from, each as the pieces of its text (see `decodeXmlPart`). */
export interface WordParts {
  readonly document: readonly string[];
  readonly footnotes?: readonly string[];
  readonly endnotes?: readonly string[];
}

/** A Word package without a main document part. */
export class WordPackageError extends Error {}

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/**
 * Reads the parts of a .docx package (a ZIP) that hold its text: the main document (found through the
 * package relationships, else `word/document.xml`) and its footnotes and endnotes (through the main
 * document's relationships, else `word/footnotes.xml`, `word/endnotes.xml`). Only these and the
 * relationship parts are inflated (fflate), or taken from `inflated` (the package's entries and XML parts,
 * inflated while its size was checked) when it holds them; parts are decoded as UTF-8, in pieces. Throws when
 * the archive cannot be read or holds no main document. The caller bounds what the XML parts inflate to beforehand.
 */
export function readWordParts(bytes: Uint8Array, inflated?: InflatedPackage): WordParts {
  const names = new Set<string>(inflated?.names);
  // Relationship parts are XML parts to `inflated` (whose parts are kept by name).
  const relationshipParts: Readonly<Record<string, Uint8Array>> | ReadonlyMap<string, Uint8Array> =
    inflated?.parts ??
    unzipSync(bytes, {
      filter(file) {
        names.add(file.name);
        return file.name.endsWith('.rels');
      },
    });
  const decoder = new TextDecoder();
  const relationships = (name: string): { type: string; target: string }[] => {
    const part = partOf(relationshipParts, name);
    return part === undefined ? [] : readRelationships(decoder.decode(part));
  };
  const partPath = (of: { type: string; target: string }[], type: string, base: string, fallback: string): string => {
    for (const relationship of of) {
      if (relationship.type !== RELATIONSHIPS + type) continue;
      const path = stripLeadingSlash(joinPath(base, relationship.target));
      if (names.has(path)) return path;
    }
    return fallback;
  };
  const document = partPath(relationships('_rels/.rels'), 'officeDocument', '', 'word/document.xml');
  if (!names.has(document)) throw new WordPackageError('no main document part');
  const { dirname, basename } = splitPath(document);
  const documentRelationships = relationships(joinPath(dirname, '_rels', `${basename}.rels`));
  const footnotes = partPath(documentRelationships, 'footnotes', dirname, 'word/footnotes.xml');
  const endnotes = partPath(documentRelationships, 'endnotes', dirname, 'word/endnotes.xml');
  const wanted = new Set([document, footnotes, endnotes]);
  // A part not named as XML (a main document without `.xml`) is not among the parts inflated already.
  const parts =
    inflated !== undefined && [...wanted].every((name) => !names.has(name) || inflated.parts.has(name))
      ? inflated.parts
      : unzipSync(bytes, { filter: (file) => wanted.has(file.name) });
  const text = (name: string): string[] | undefined => {
    const part = partOf(parts, name);
    return part === undefined ? undefined : decodeXmlPart(part, decoder);
  };
  return { document: text(document)!, footnotes: text(footnotes), endnotes: text(endnotes) };
}

/** The part named `name` of parts inflated (`unzipSync`'s record, or a map), if there. */
function partOf(parts: Readonly<Record<string, Uint8Array>> | ReadonlyMap<string, Uint8Array>, name: string): Uint8Array | undefined {
  if (parts instanceof Map) return (parts as ReadonlyMap<string, Uint8Array>).get(name);
  const record = parts as Readonly<Record<string, Uint8Array>>;
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

/** The relationships of a relationships part: its `Relationship` children, in order. */
function readRelationships(xml: string): { type: string; target: string }[] {
  const found: { type: string; target: string }[] = [];
  let depth = 0;
  readWordXml(xml, {
    open(name, attributes) {
      depth++;
      if (depth === 2 && name === 'relationships:Relationship') found.push({ type: attributes.get('Type') ?? '', target: attributes.get('Target') ?? '' });
      return true;
    },
    close() {
      depth--;
    },
    text() {},
  });
  return found;
}

/** Joins paths of a package the way mammoth does: empty parts dropped, an absolute part restarts. */
function joinPath(...paths: string[]): string {
  let relevant: string[] = [];
  for (const path of paths) {
    if (!path) continue;
    if (path.startsWith('/')) relevant = [path];
    else relevant.push(path);
  }
  return relevant.join('/');
}

function splitPath(path: string): { dirname: string; basename: string } {
  const at = path.lastIndexOf('/');
  return at < 0 ? { dirname: '', basename: path } : { dirname: path.slice(0, at), basename: path.slice(at + 1) };
}

function stripLeadingSlash(path: string): string {
  return path.startsWith('/') ? path.slice(1) : path;
}
