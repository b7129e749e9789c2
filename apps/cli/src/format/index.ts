export * from './code-frame.js';
export * from './create-formatter.js';
export * from './formatter.js';
export * from './json-formatter.js';
export * from './pretty-formatter.js';
export * from './sarif-formatter.js';
