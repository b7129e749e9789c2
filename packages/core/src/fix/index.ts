export * from './select-fixes.js';
export * from './apply-safe-fixes.js';
