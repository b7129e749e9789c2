/**
 * Computes the classes of UTF-16 units of the Traditional → Simplified conversion from opencc-js's
 * dictionaries (see src/normalize/opencc-unit-classes.ts) and writes packages/core/src/generated/
 * opencc-unit-classes.ts. Run with Node 24 from the repository root (again after updating opencc-js):
 *
 *     node packages/core/scripts/generate-opencc-unit-classes.ts          # write the file
 *     node packages/core/scripts/generate-opencc-unit-classes.ts --check  # exit 1 when the file is stale
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import './source-module-hooks.ts';

const outputFile = fileURLToPath(new URL('../src/generated/opencc-unit-classes.ts', import.meta.url));
const { classifyOpenccUnits, renderOpenccUnitClassesModule } = await import('../src/normalize/opencc-unit-classes.ts');
const text = renderOpenccUnitClassesModule(classifyOpenccUnits());
if (process.argv.includes('--check')) {
  const current = await readFile(outputFile, 'utf8').catch(() => '');
  if (current !== text) {
    console.error(`${outputFile} is stale: run node packages/core/scripts/generate-opencc-unit-classes.ts`);
    process.exit(1);
  }
  console.log(`${outputFile} is up to date.`);
} else {
  await writeFile(outputFile, text);
  console.log(`Wrote ${outputFile}.`);
}
