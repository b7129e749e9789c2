export * from './cli-messages.js';
export * from './locale.js';
export * from './translate.js';
export * from './system-reason.js';
