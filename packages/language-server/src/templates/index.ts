export * from './keyword-docs.js';
export * from './template-catalog.js';
export * from './template-formatter.js';
export * from './template-hover-provider.js';
export * from './localized-template-diagnostics.js';
export * from './template-rename-provider.js';
export * from './template-completion-provider.js';
