export * from './collect-inputs.js';
export * from './read-stream.js';
export * from './supported-files.js';
