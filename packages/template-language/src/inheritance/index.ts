export * from './source-text.js';
export * from './flatten-template.js';
