export * from './parse-report.js';
export * from './parse-document.js';
export * from './cell-value.js';
