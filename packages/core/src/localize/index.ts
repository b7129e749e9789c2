export * from './rational.js';
export * from './linear-system.js';
export * from './typing-slip.js';
export * from './localize-errors.js';
export * from './integer-comparison.js';
