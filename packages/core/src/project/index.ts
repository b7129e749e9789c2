export * from './project-config.js';
export * from './template-registry.js';
export * from './template-ir-cache.js';
