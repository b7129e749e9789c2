export * from './cli-messages.js';
export * from './locale.js';
export * from './translate.js';
