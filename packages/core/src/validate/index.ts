export * from './validate-options.js';
export * from './validate-report.js';
export * from './apply-edits.js';
