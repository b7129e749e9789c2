import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A validator for the SARIF 2.1.0 JSON schema (draft-04, as shipped on the npm registry by
 * @microsoft/jest-sarif), with ajv 6. Returns the schema violations of a log (none when valid).
 */
export function sarifValidator(): (log: unknown) => string[] {
  const Ajv = require('ajv');
  const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  const ajv = new Ajv({ schemaId: 'id', allErrors: true, meta: false, validateSchema: false, unknownFormats: 'ignore' });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
  const validate = ajv.compile(schema);
  return (log) =>
    validate(log) ? [] : (validate.errors ?? []).map((e: { dataPath: string; message: string }) => `${e.dataPath} ${e.message}`);
}
