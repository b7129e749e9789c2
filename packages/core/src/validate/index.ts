export * from './validate-options.js';
export * from './check-clock.js';
export * from './validate-report.js';
export * from './apply-edits.js';
export { holds as equationHolds } from './check-arithmetic.js';
