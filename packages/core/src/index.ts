// The IR's types; its zod schema (and `parseTemplateIR`) is `@nianbao/core/ir`, so that checking reports does not load zod.
export type * from './ir/template-ir.js';
export * from './model/report.js';
export * from './diagnostics/diagnostic.js';
export * from './read/index.js';
export * from './normalize/index.js';
export * from './templates/index.js';
export * from './detect/index.js';
export * from './parse/index.js';
export * from './messages/index.js';
export * from './localize/index.js';
export * from './validate/index.js';
export * from './skeleton/index.js';
export * from './check/index.js';
export * from './fix/index.js';
export * from './audit/index.js';
