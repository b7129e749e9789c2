import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInput, loadSeeds, recipeArbitrary } from '../../fuzz/fuzz-input.ts';
import { checkInput } from '../../fuzz/fuzz-properties.ts';

/**
 * The fuzzing campaign's short run (seeded, so it is the same every time) and the replay of every
 * reproducer the long run (`npm run fuzz`) has saved: each was a crash, a hang, a bad range, a fix
 * that did not fix or a nondeterministic result once, and must stay fixed. Timing is left to the long
 * run (a loaded test machine is no place to measure it).
 */

const reproducerDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reproducers');
const reproducers = readdirSync(reproducerDir).filter((f) => f.endsWith('.json')).sort();

describe('fuzzing: the whole pipeline on mutated real reports', () => {
  it('never crashes, keeps ranges on boundaries, offers only fixes that fix, and is deterministic', async () => {
    const seeds = loadSeeds();
    await fc.assert(
      fc.asyncProperty(recipeArbitrary(seeds.length), async (recipe) => {
        const failures = await checkInput(buildInput(recipe, seeds), { timing: false });
        expect(failures).toEqual([]);
      }),
      { seed: 20261202, numRuns: 150 },
    );
  }, 120_000);

  it.each(reproducers.length > 0 ? reproducers : ['(none yet)'])('replays reproducer %s', async (file) => {
    if (file === '(none yet)') return;
    const saved = JSON.parse(readFileSync(path.join(reproducerDir, file), 'utf8')) as { fileName: string | null; bytes: string };
    const input = { bytes: new Uint8Array(Buffer.from(saved.bytes, 'base64')), fileName: saved.fileName ?? undefined };
    expect(await checkInput(input, { timing: false })).toEqual([]);
  }, 180_000);
});
