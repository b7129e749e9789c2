export * from './create-server.js';
export * from './protocol.js';
export * from './langium/index.js';
export * from './l10n/index.js';
export * from './reports/index.js';
export * from './settings/index.js';
export * from './templates/index.js';
