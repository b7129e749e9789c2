/**
 * Computes the match keys of the UTF-16 units (see src/parse/match-key-units.ts) and writes
 * packages/core/src/generated/match-key-units.ts. Run with Node 24 from the repository root, after
 * `npm run build` (the label folding runs from dist/: its modules use TypeScript that Node's type
 * stripping does not run), again after changing the label folding of src/normalize or updating opencc-js:
 *
 *     node packages/core/scripts/generate-match-key-units.ts          # write the file
 *     node packages/core/scripts/generate-match-key-units.ts --check  # exit 1 when the file is stale
 */
import { fileURLToPath } from 'node:url';
import { writeGeneratedFile } from './write-generated-file.ts';

const outputFile = fileURLToPath(new URL('../src/generated/match-key-units.ts', import.meta.url));
const { computeMatchKeyUnits, renderMatchKeyUnitsModule } = await import('../dist/parse/match-key-units.js');
const text = renderMatchKeyUnitsModule(computeMatchKeyUnits());
await writeGeneratedFile(outputFile, text, 'node packages/core/scripts/generate-match-key-units.ts');
