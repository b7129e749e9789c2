import { agencyKey, reportIdentity, type BaselineEntry, type CheckResult } from '@nianbao/core';

/**
 * Where acknowledged findings are kept: the baseline file that `nianbao audit --baseline` reads and
 * `--update-baseline` writes (the same fingerprints). The Node server keeps it on disk; a server without
 * a file system (the browser worker) has none, and then nothing is acknowledged.
 */
export interface BaselineStore {
  /** Fingerprints acknowledged in the baseline that applies to the document at `uri` (empty when none). */
  acknowledged(uri: string): ReadonlySet<string>;
  /** Adds a finding to the baseline file of the document at `uri`; resolves to that file's path. */
  acknowledge(uri: string, entry: BaselineEntry): Promise<string>;
}

/** The command that the "acknowledge this finding" code action runs on the server. */
export const acknowledgeFindingCommand = 'nianbao.acknowledgeFinding';

/** The argument of {@link acknowledgeFindingCommand}: the document and the baseline entry to add. */
export interface AcknowledgeFindingArguments extends BaselineEntry {
  uri: string;
}

/** True when `value` is an {@link AcknowledgeFindingArguments}. */
export function isAcknowledgeFindingArguments(value: unknown): value is AcknowledgeFindingArguments {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.uri === 'string' && typeof v.fingerprint === 'string' && typeof v.report === 'string' && typeof v.code === 'string';
}

/**
 * A checked report's identity in fingerprints, as the CLI computes it: agency key and year, else the
 * document's file name.
 */
export function reportIdentityOf(result: CheckResult, uri: string): string {
  const name = uri.split(/[\\/]/u).pop() ?? uri;
  let fileName = name;
  try {
    fileName = decodeURIComponent(name);
  } catch {
    // not percent-encoded
  }
  const agency = result.info.agency;
  return reportIdentity({ agencyKey: agency ? agencyKey(agency) || null : null, year: result.info.year, path: fileName });
}
