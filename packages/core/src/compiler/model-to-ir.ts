import type { TemplateModel } from '@nianbao/template-language';

/** The IR version the compiler writes. */
export const compiledIrVersion = 1;

/**
 * The IR object of an analysed template (plain data, not yet checked against the schema). The model
 * already has the IR's shape; this adds the version and copies it, dropping nothing.
 */
export function templateModelToIR(model: TemplateModel): unknown {
  return JSON.parse(JSON.stringify({ irVersion: compiledIrVersion, ...model }));
}
