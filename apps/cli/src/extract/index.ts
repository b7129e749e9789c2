export * from './extracted-csv.js';
export * from './extracted-report.js';
