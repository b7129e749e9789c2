import { generatedBuiltinTemplateSummaries } from '../generated/builtin-template-summaries.js';
import type { BuiltinTemplateSummary } from './template-summary.js';

/**
 * The summaries of the built-in templates, in the order of `builtinTemplates`: generated with them
 * at build time, so that listing them does not build the templates (a third of a bare Node start).
 */
export const builtinTemplateSummaries: readonly BuiltinTemplateSummary[] = generatedBuiltinTemplateSummaries;
