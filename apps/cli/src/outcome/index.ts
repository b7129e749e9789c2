export * from './file-outcome.js';
export * from './summary.js';
