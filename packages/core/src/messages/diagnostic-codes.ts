import type { Severity } from '../ir/template-ir.js';
import type { DiagnosticCategory } from '../diagnostics/diagnostic.js';

/** What the catalogue knows about a diagnostic code. */
export interface DiagnosticCodeInfo {
  category: DiagnosticCategory;
  /**
   * Severity when neither a template rule nor a template check switch sets it (`rule`: the rule's own
   * severity; `switch`: the named check switch of the template).
   */
  severity: Severity;
  /** Where the effective severity comes from. */
  severityFrom: 'code' | 'rule' | 'section' | { check: string };
}

/**
 * Every diagnostic code the validator emits. Codes are stable: tools (CI, SARIF, editors) key on them.
 * One line each in docs/diagnostics.md.
 */
export const diagnosticCodes = {
  'arithmetic/equation': { category: 'arithmetic', severity: 'error', severityFrom: 'rule' },
  'arithmetic/table-doubtful': { category: 'arithmetic', severity: 'warning', severityFrom: 'code' },
  'cell/blank': { category: 'cell', severity: 'warning', severityFrom: { check: 'blankCells' } },
  'cell/approximate': { category: 'cell', severity: 'warning', severityFrom: { check: 'approximateNumbers' } },
  'cell/unit-missing': { category: 'cell', severity: 'warning', severityFrom: { check: 'units' } },
  'cell/unit-converted': { category: 'cell', severity: 'warning', severityFrom: { check: 'units' } },
  'cell/unit-unknown': { category: 'cell', severity: 'warning', severityFrom: { check: 'units' } },
  'cell/invalid': { category: 'cell', severity: 'error', severityFrom: 'code' },
  'cell/out-of-domain': { category: 'cell', severity: 'error', severityFrom: 'code' },
  'structure/section-missing': { category: 'structure', severity: 'error', severityFrom: 'code' },
  'structure/heading-missing': { category: 'structure', severity: 'error', severityFrom: 'code' },
  'structure/section-order': { category: 'structure', severity: 'error', severityFrom: 'code' },
  'structure/heading-variant': { category: 'structure', severity: 'warning', severityFrom: { check: 'headingWording' } },
  'structure/table-missing': { category: 'structure', severity: 'error', severityFrom: 'code' },
  'structure/table-truncated': { category: 'structure', severity: 'error', severityFrom: 'code' },
  'structure/rows-missing': { category: 'structure', severity: 'error', severityFrom: 'code' },
  'structure/group-unsplit': { category: 'structure', severity: 'warning', severityFrom: 'code' },
  'structure/header-garbled': { category: 'structure', severity: 'warning', severityFrom: 'code' },
  'structure/header-truncated': { category: 'structure', severity: 'warning', severityFrom: 'code' },
  'structure/row-ambiguous': { category: 'structure', severity: 'warning', severityFrom: 'code' },
  'structure/row-split-guessed': { category: 'structure', severity: 'info', severityFrom: 'code' },
  'structure/extra-values': { category: 'structure', severity: 'warning', severityFrom: 'code' },
  'structure/parse-failed': { category: 'structure', severity: 'error', severityFrom: 'code' },
  'structure/check-timeout': { category: 'structure', severity: 'error', severityFrom: 'code' },
  'structure/table-repeated': { category: 'structure', severity: 'info', severityFrom: 'code' },
  'structure/rows-out-of-order': { category: 'structure', severity: 'info', severityFrom: 'code' },
  'structure/table-transposed': { category: 'structure', severity: 'info', severityFrom: 'code' },
  'structure/group-row-values': { category: 'structure', severity: 'warning', severityFrom: 'code' },
  'structure/row-label-variant': { category: 'structure', severity: 'warning', severityFrom: { check: 'headingWording' } },
  'template/superseded': { category: 'template', severity: 'warning', severityFrom: { check: 'templateYear' } },
  'template/anachronistic': { category: 'template', severity: 'warning', severityFrom: { check: 'templateYear' } },
  'template/legacy-format': { category: 'template', severity: 'warning', severityFrom: { check: 'templateYear' } },
  'template/year-unknown': { category: 'template', severity: 'info', severityFrom: 'code' },
  'template/unknown': { category: 'template', severity: 'error', severityFrom: 'code' },
  'text/prose-mismatch': { category: 'text', severity: 'warning', severityFrom: 'rule' },
  'text/prose-doubtful': { category: 'text', severity: 'warning', severityFrom: 'code' },
  'text/mention-missing': { category: 'text', severity: 'warning', severityFrom: 'rule' },
  'text/forbidden': { category: 'text', severity: 'warning', severityFrom: 'rule' },
  'text/length': { category: 'text', severity: 'info', severityFrom: 'section' },
  'text/empty-section': { category: 'text', severity: 'warning', severityFrom: 'section' },
  'text/findings-omitted': { category: 'text', severity: 'info', severityFrom: 'code' },
  'quality/pinyin': { category: 'quality', severity: 'warning', severityFrom: { check: 'garbledText' } },
  'quality/mojibake': { category: 'quality', severity: 'warning', severityFrom: { check: 'garbledText' } },
  'quality/converter-artefact': {
    category: 'quality',
    severity: 'warning',
    severityFrom: { check: 'converterArtefacts' },
  },
  'quality/spots-omitted': { category: 'quality', severity: 'info', severityFrom: 'code' },
  'audit/cross-year': { category: 'audit', severity: 'warning', severityFrom: 'rule' },
  'audit/copied-text': { category: 'audit', severity: 'warning', severityFrom: 'section' },
  'audit/duplicate-report': { category: 'audit', severity: 'warning', severityFrom: 'code' },
} as const satisfies Record<string, DiagnosticCodeInfo>;

/** A stable diagnostic code. */
export type DiagnosticCode = keyof typeof diagnosticCodes;

/** Every diagnostic code, in catalogue order. */
export const DIAGNOSTIC_CODES = Object.keys(diagnosticCodes) as DiagnosticCode[];

/** Whether `value` is one of the stable diagnostic codes. */
export function isDiagnosticCode(value: string): value is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(diagnosticCodes, value);
}
