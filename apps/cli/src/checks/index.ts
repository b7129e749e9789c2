export * from './check-file.js';
export * from './check-settings.js';
export * from './run-checks.js';
export * from './this-thread-checks.js';
export * from './to-file-outcome.js';
export * from './worker-pool.js';
export * from './line-positions.js';
export * from './check-worker-script.js';
