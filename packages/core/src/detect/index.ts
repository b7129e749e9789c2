export * from './detect-template.js';
export * from './report-info.js';
