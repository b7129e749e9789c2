export * from './locale.js';
export * from './format-message.js';
export * from './diagnostic-codes.js';
export * from './catalogue.js';
export * from './message.js';
export * from './describe-code.js';
