import stringSimilarity from 'string-similarity';
import type { TemplateIR } from '../ir/template-ir.js';
import { message, type Locale } from '../messages/index.js';
import type { AuditFinding } from './audit-finding.js';
import type { ReportDigest } from './report-digest.js';

/** Shortest compared text (letters and digits): shorter bodies ("无。") are the empty-section check's business. */
export const minComparedCharacters = 30;

/**
 * The similarity of two comparison texts: the Sørensen–Dice coefficient of their character bigrams
 * (string-similarity), in linear time.
 */
export function textSimilarity(a: string, b: string): number {
  return stringSimilarity.compareTwoStrings(a, b);
}

/**
 * Compares every `notCopied` section of the later report's template with the same section of the report
 * of the year before: a similarity at or above the section's threshold is a finding on the later
 * section's heading, with the earlier section related.
 */
export function checkCopiedText(later: ReportDigest, earlier: ReportDigest, template: TemplateIR, locale: Locale): AuditFinding[] {
  if (later.year === null || earlier.year !== later.year - 1) return [];
  const findings: AuditFinding[] = [];
  for (const section of template.sections) {
    if (!section.notCopied) continue;
    const now = later.sections[section.id];
    const before = earlier.sections[section.id];
    if (!now || !before || now.text.length < minComparedCharacters || before.text.length < minComparedCharacters) continue;
    const similarity = textSimilarity(now.text, before.text);
    if (similarity < section.notCopied.threshold) continue;
    const name = `${section.numeral}、${section.heading}`;
    findings.push({
      code: 'audit/copied-text',
      rule: section.id,
      category: 'audit',
      severity: section.notCopied.severity,
      message: message(
        'audit/copied-text',
        {
          section: name,
          previousYear: earlier.year,
          similarity: Math.floor(similarity * 100),
          threshold: Math.round(section.notCopied.threshold * 100),
        },
        locale,
      ),
      location: { path: later.path, ...now.at },
      related: [{ path: earlier.path, ...before.at, message: message('related/previous-year-section', { year: earlier.year, section: name }, locale) }],
      evidence: `${section.id}|${earlier.year}`,
    });
  }
  return findings;
}
