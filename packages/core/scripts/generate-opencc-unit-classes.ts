/**
 * Computes the classes of UTF-16 units of the Traditional → Simplified conversion from opencc-js's
 * dictionaries (see src/normalize/opencc-unit-classes.ts) and writes packages/core/src/generated/
 * opencc-unit-classes.ts. Run with Node 24 from the repository root (again after updating opencc-js):
 *
 *     node packages/core/scripts/generate-opencc-unit-classes.ts          # write the file
 *     node packages/core/scripts/generate-opencc-unit-classes.ts --check  # exit 1 when the file is stale
 */
import { fileURLToPath } from 'node:url';
import { writeGeneratedFile } from './write-generated-file.ts';

import './source-module-hooks.ts';

const outputFile = fileURLToPath(new URL('../src/generated/opencc-unit-classes.ts', import.meta.url));
const { classifyOpenccUnits, renderOpenccUnitClassesModule } = await import('../src/normalize/opencc-unit-classes.ts');
const text = renderOpenccUnitClassesModule(classifyOpenccUnits());
await writeGeneratedFile(outputFile, text, 'node packages/core/scripts/generate-opencc-unit-classes.ts');
