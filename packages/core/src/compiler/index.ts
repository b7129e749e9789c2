export * from './compile-template.js';
export * from './model-to-ir.js';
export * from './template-diagnostic.js';
