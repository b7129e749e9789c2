export * from './cli-error.js';
export * from './cli-io.js';
export * from './cli-version.js';
export * from './create-program.js';
export * from './parse-options.js';
export * from './run.js';
