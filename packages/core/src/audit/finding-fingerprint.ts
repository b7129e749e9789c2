import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** Most characters of the pointed-at text that enter a fingerprint. */
const maxEvidenceCharacters = 120;

/** What identifies a finding independently of where it is in the file. */
export interface FingerprintInput {
  /** The report's identity ({@link reportIdentity}). */
  report: string;
  code: string;
  rule?: string;
  cells?: readonly string[];
  /** What the finding rests on: the text it points at, or the values of an audit finding. */
  evidence: string;
}

/**
 * The fingerprint of a finding: a hash of its report, code, rule, cells and evidence — not of its
 * position or message, so that it survives edits elsewhere in the report and a change of language.
 */
export function findingFingerprint(input: FingerprintInput, memo?: FingerprintMemo): string {
  const identity = [input.report, input.code, input.rule ?? '', (input.cells ?? []).join(','), input.evidence].join('\u0000');
  return memo ? memo.hash(identity) : hashIdentity(identity);
}

function hashIdentity(identity: string): string {
  return bytesToHex(sha256(utf8ToBytes(identity))).slice(0, 32);
}

/**
 * Fingerprints already worked out, by what they hash: an editor's findings are mostly the same from one
 * check of a report to the next (the language server hashed the 35 findings of a 50 KB report on every
 * edit, about 1 ms; the 585 of a 1 MB report, about 5 ms). Bounded: emptied when it holds `capacity`.
 */
export class FingerprintMemo {
  private readonly known = new Map<string, string>();

  /** @param capacity the most fingerprints kept */
  constructor(readonly capacity = 4096) {}

  /** How many fingerprints are kept. */
  get size(): number {
    return this.known.size;
  }

  /** The fingerprint of a finding's identity (see {@link findingFingerprint}), hashed only the first time. */
  hash(identity: string): string {
    let fingerprint = this.known.get(identity);
    if (fingerprint === undefined) {
      fingerprint = hashIdentity(identity);
      if (this.known.size >= this.capacity) this.known.clear();
      this.known.set(identity, fingerprint);
    }
    return fingerprint;
  }
}

/** The evidence of an in-report diagnostic: the text it points at, whitespace removed, at most 120 characters. */
export function diagnosticEvidence(diagnostic: Pick<Diagnostic, 'range'>, text: string): string {
  const end = Math.min(diagnostic.range.end, diagnostic.range.start + maxEvidenceCharacters * 4);
  return text.slice(diagnostic.range.start, end).replace(/\s+/gu, '').slice(0, maxEvidenceCharacters);
}

/**
 * Fingerprints of a report's findings in order, with `:n` telling apart findings that are otherwise the
 * same (the n-th of its kind, counted in the given order).
 */
export function numberFingerprints(fingerprints: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return fingerprints.map((fingerprint) => {
    const occurrence = seen.get(fingerprint) ?? 0;
    seen.set(fingerprint, occurrence + 1);
    return `${fingerprint}:${occurrence}`;
  });
}

/**
 * The numbered fingerprints of one report's diagnostics (as the CLI and the language server compute them);
 * with `memo`, those it knows are not hashed again.
 */
export function diagnosticFingerprints(diagnostics: readonly Diagnostic[], text: string, report: string, memo?: FingerprintMemo): string[] {
  return numberFingerprints(
    diagnostics.map((diagnostic) =>
      findingFingerprint({ report, code: diagnostic.code, rule: diagnostic.rule, cells: diagnostic.cells, evidence: diagnosticEvidence(diagnostic, text) }, memo),
    ),
  );
}
