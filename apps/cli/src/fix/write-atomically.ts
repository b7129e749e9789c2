import { chmod, chown, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces a file's content atomically: writes a temporary file in the same directory (same file
 * system), flushes it, gives it the original's permissions and renames it over the original. A reader
 * sees the old file or the new one, never half of one; on failure the temporary file is removed.
 * Through a symbolic link, the file it points to is replaced and the link kept; the owner and group
 * are kept when the file system lets us (a file fixed by another user stays theirs).
 */
export async function writeAtomically(link: string, bytes: Uint8Array): Promise<void> {
  const file = await realpath(link).catch(() => link);
  const directory = path.dirname(file);
  // node:crypto is loaded only here: it costs a cold start about a fifth of bare Node's.
  const { randomBytes } = await import('node:crypto');
  const temporary = path.join(directory, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const original = await stat(file).catch(() => undefined);
  try {
    const handle = await open(temporary, 'wx', original ? original.mode & 0o777 : 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (original) {
      await chown(temporary, original.uid, original.gid).catch(() => undefined);
      await chmod(temporary, original.mode & 0o7777);
    }
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
