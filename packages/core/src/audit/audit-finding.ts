import type { Severity } from '../ir/template-ir.js';
import type { DigestRange } from './report-digest.js';

/** A place in one of the audited reports. */
export interface AuditLocation extends DigestRange {
  /** The report's path, as the audit names it. */
  path: string;
}

/** Another place that matters for an audit finding, possibly in another report. */
export interface AuditRelated extends AuditLocation {
  message: string;
  /** The cell of that report the place is (cross-year findings), by cell id. */
  cell?: string;
}

/** The codes of findings that only an audit of several reports can make. */
export type AuditCode = 'audit/cross-year' | 'audit/copied-text' | 'audit/duplicate-report';

/** A finding about a report seen together with the other reports of its agency. */
export interface AuditFinding {
  code: AuditCode;
  /** The template rule behind it (cross-year rules), or the section id (copied text). */
  rule?: string;
  category: 'audit';
  severity: Severity;
  message: string;
  /** On the later report (the one the finding is about). */
  location: AuditLocation;
  related: AuditRelated[];
  expected?: number;
  actual?: number;
  /** Cell ids of this year's report the finding is about. */
  cells?: string[];
  /** What the finding rests on, independent of positions (for its fingerprint). */
  evidence: string;
}
