import type { CliMessageKey } from './cli-messages.js';
import type { Translator } from './translate.js';

/** Short reasons for the file-system errors a user can do something about, by error code. */
const systemReasons: Readonly<Record<string, CliMessageKey>> = {
  EACCES: 'reason-eacces',
  EPERM: 'reason-eperm',
  EISDIR: 'reason-eisdir',
  EMFILE: 'reason-emfile',
  EIO: 'reason-eio',
  ELOOP: 'reason-eloop',
  ENOSPC: 'reason-enospc',
  EDQUOT: 'reason-edquot',
  EROFS: 'reason-erofs',
};

/** The short reason of a file-system error: its catalogue text, else its code, else its message. */
export function systemReason(error: unknown, t: Translator): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined) return Object.prototype.hasOwnProperty.call(systemReasons, code) ? t(systemReasons[code]) : code;
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

