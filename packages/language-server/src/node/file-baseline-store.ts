import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BaselineEntry } from '@nianbao/core';
import { parseBaseline, serializeBaseline } from '@nianbao/core/baseline';
import type { BaselineStore } from '../reports/finding-baseline.js';

/** Where the baseline file is: its setting (relative to the workspace folder) and the workspace folders. */
export interface BaselineLocation {
  /** `nianbao.baseline.file`: a path, relative to the document's workspace folder unless absolute. */
  file(): string;
  workspaceFolders(): string[];
}

/**
 * The baseline file on disk, per workspace folder (a document outside every folder uses the one beside it).
 * Read again whenever the file changed (its modification time and size), so an `nianbao audit
 * --update-baseline` run is seen at the next check; written atomically (a temporary file renamed over it).
 * A file that cannot be read or is not a baseline is logged once and counts as empty.
 */
export class FileBaselineStore implements BaselineStore {
  private readonly cache = new Map<string, { stamp: string; fingerprints: ReadonlySet<string> }>();
  private readonly reported = new Set<string>();

  constructor(private readonly location: BaselineLocation) {}

  /** The baseline file of a document, or undefined for a document that is not a file. */
  fileOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    let documentPath: string;
    try {
      documentPath = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    const setting = this.location.file();
    if (path.isAbsolute(setting)) return setting;
    const folder = this.location
      .workspaceFolders()
      .filter((f) => documentPath === f || documentPath.startsWith(f.endsWith(path.sep) ? f : f + path.sep))
      .sort((a, b) => b.length - a.length)[0];
    return path.join(folder ?? path.dirname(documentPath), setting);
  }

  acknowledged(uri: string): ReadonlySet<string> {
    const file = this.fileOf(uri);
    if (!file) return new Set();
    let stamp: string;
    try {
      const stat = statSync(file);
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      this.cache.delete(file);
      return new Set();
    }
    const cached = this.cache.get(file);
    if (cached?.stamp === stamp) return cached.fingerprints;
    let fingerprints: ReadonlySet<string> = new Set();
    try {
      fingerprints = new Set(parseBaseline(readFileSync(file, 'utf8')).findings.map((entry) => entry.fingerprint));
      this.reported.delete(file);
    } catch (error) {
      if (!this.reported.has(file)) console.error(`nianbao: baseline file ${file} ignored: ${error instanceof Error ? error.message : String(error)}`);
      this.reported.add(file);
    }
    this.cache.set(file, { stamp, fingerprints });
    return fingerprints;
  }

  async acknowledge(uri: string, entry: BaselineEntry): Promise<string> {
    const file = this.fileOf(uri);
    if (!file) throw new Error(`no baseline file for ${uri}`);
    let entries: BaselineEntry[] = [];
    try {
      entries = parseBaseline(readFileSync(file, 'utf8')).findings;
    } catch (error) {
      // A missing file starts empty; a broken one is not overwritten.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    writeFileSync(temporary, serializeBaseline([...entries, entry]));
    renameSync(temporary, file);
    this.cache.delete(file);
    return file;
  }
}
