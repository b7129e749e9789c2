import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

/**
 * Reading a report's bytes into one buffer kept from file to file, for a check that is over before the
 * next file is read (`checkFileAtOnce`: synchronous from the read to the outcome, which holds only
 * strings). `readFileSync` gives each file a new buffer: memory outside V8's heap, freed only when a
 * collection finds the buffer dead, so a run of many files keeps taking fresh pages from the system
 * (a page fault each). 1,000 files of the bench mix (17 MB), read alone: 76–91 ms of CPU with
 * `readFileSync`, 35–46 ms into a kept buffer, most of the difference system time.
 */

/** The largest file read into the kept buffer; a larger one gets a buffer of its own (and none is kept that large). */
export const maxReusedBytes = 4 * 1024 * 1024;

let kept: Buffer | undefined;

/**
 * The bytes of `file`: a view of the kept buffer, valid only until the next call (the next call writes
 * over it), or a buffer of its own when the file is not a regular file (its size unknown before reading)
 * or larger than {@link maxReusedBytes}. Throws as `readFileSync` does.
 */
export function readReusing(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size === 0 || stats.size > maxReusedBytes) return readFileSync(fd);
    const size = stats.size;
    if (kept === undefined || kept.length < size) kept = Buffer.allocUnsafeSlow(Math.min(maxReusedBytes, Math.max(size, 64 * 1024) * 2));
    let read = 0;
    while (read < size) {
      const n = readSync(fd, kept, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return kept.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
