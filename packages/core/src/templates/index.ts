export * from './builtin-templates.js';
export { govDisclosure2019, govDisclosure2021, govDisclosurePre2019 } from '../generated/builtin-templates.js';
export * from './template-set.js';
export * from './template-summary.js';
export * from './builtin-template-summaries.js';
