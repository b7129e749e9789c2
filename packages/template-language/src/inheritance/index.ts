export * from './source-text.js';
export * from './flatten-template.js';
export * from './inherited-template-provider.js';
