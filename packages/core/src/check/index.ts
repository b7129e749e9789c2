export * from './check-report.js';
export * from './verify-suggestions.js';
