import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where a value was written in a {@link SpillFile}. */
export interface SpillRef {
  /** Byte offset. */
  offset: number;
  /** Byte length. */
  length: number;
}

/**
 * A temporary file of JSON values written once and read back by reference: what an audit needs later of
 * each report (its digest, its page, its findings across reports) waits here instead of in memory, so the
 * memory of a run does not grow with the size of what it keeps per report.
 *
 * The file is used only through its descriptor, so it is removed from the directory as soon as it is open
 * (where the system allows it: not on Windows): an audit stopped by Ctrl-C or killed leaves nothing behind,
 * the system frees the space when the process ends.
 */
export class SpillFile {
  private readonly directory: string;
  private readonly fd: number;
  /** The file and its directory are already gone from the file system (only the descriptor holds it). */
  private readonly unlinked: boolean;
  private length = 0;
  private readonly encoder = new TextEncoder();
  private readBuffer = Buffer.alloc(64 * 1024);

  constructor(name: string) {
    this.directory = mkdtempSync(path.join(tmpdir(), 'nianbao-audit-'));
    this.fd = openSync(path.join(this.directory, `${name}.jsonl`), 'w+');
    this.unlinked = removeQuietly(this.directory);
  }

  /** Writes a value; returns where it is. */
  append(value: unknown): SpillRef {
    const bytes = this.encoder.encode(`${JSON.stringify(value)}\n`);
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written, this.length + written);
    const ref = { offset: this.length, length: bytes.length - 1 };
    this.length += bytes.length;
    return ref;
  }

  /** Reads back the value written at `ref`. */
  read<T>(ref: SpillRef): T {
    if (this.readBuffer.length < ref.length) this.readBuffer = Buffer.alloc(Math.max(ref.length, this.readBuffer.length * 2));
    let read = 0;
    while (read < ref.length) {
      const n = readSync(this.fd, this.readBuffer, read, ref.length - read, ref.offset + read);
      if (n <= 0) throw new Error(`spill file ended at ${ref.offset + read} (wanted ${ref.offset + ref.length})`);
      read += n;
    }
    return JSON.parse(this.readBuffer.toString('utf8', 0, ref.length)) as T;
  }

  /** Closes and removes the file. */
  dispose(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    if (!this.unlinked) rmSync(this.directory, { recursive: true, force: true });
  }
}

/** Removes an open file's directory; false where the system refuses to while the file is open (Windows). */
function removeQuietly(directory: string): boolean {
  try {
    rmSync(directory, { recursive: true, force: true });
    return true;
  } catch {
    return false;
  }
}
