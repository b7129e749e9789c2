export * from './check-template-command.js';
export * from './compile-template-file.js';
export * from './extract-command.js';
export * from './new-command.js';
export * from './resolve-template.js';
export * from './templates-command.js';
export * from './validate-command.js';
export * from './validate-settings.js';
