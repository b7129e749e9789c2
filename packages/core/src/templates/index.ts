export * from './builtin-templates.js';
export { govDisclosure2019, govDisclosure2021, govDisclosurePre2019 } from '../generated/builtin-templates.js';
export * from './template-set.js';
