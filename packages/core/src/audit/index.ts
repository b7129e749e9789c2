export * from './agency-name.js';
export * from './comparison-text.js';
export * from './report-digest.js';
export * from './report-series.js';
export * from './audit-finding.js';
export * from './check-cross-year.js';
export * from './check-copied-text.js';
export * from './audit-series.js';
export * from './finding-fingerprint.js';
// The baseline file's reader and writer (zod) are `@nianbao/core/baseline`: checking reports does not load zod.
export type { Baseline, BaselineEntry } from './baseline.js';
