import type { TextEdit } from './diagnostic.js';

/**
 * The edits as a text, equal for equal edits in the same order: fixing and verifying tell by it that two
 * suggestions make the same change (shared by several findings) without applying either.
 */
export function editsKey(edits: readonly TextEdit[]): string {
  let key = '';
  for (const e of edits) key += `${e.range.start}:${e.range.end}:${e.newText.length}:${e.newText}\u0000`;
  return key;
}
