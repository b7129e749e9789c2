export * from './project-config.js';
export * from './template-registry.js';
