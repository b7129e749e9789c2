export * from './extract/index.js';
export * from './format/index.js';
export * from './outcome/index.js';
export * from './program/index.js';
