export * from './text-view.js';
export * from './identity-view.js';
export * from './text-view-builder.js';
export * from './view-range.js';
