export * from './beside-progress.js';
export * from './colour-support.js';
export * from './display-width.js';
export * from './progress-bar.js';
export * from './style.js';
