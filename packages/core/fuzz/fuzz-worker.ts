/**
 * A worker of `npm run fuzz`: checks batches of recipes (fast-check, seeded) and reports to the main
 * thread a heartbeat before each input (so a hang can be caught and named), the number of inputs each
 * batch ran, and each failing input after fast-check has shrunk it to a minimal recipe.
 */
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { buildInput, loadSeeds, recipeArbitrary, type FuzzRecipe } from './fuzz-input.ts';
import { checkInput, type Failure } from './fuzz-properties.ts';

/** Messages a worker sends. */
export type WorkerMessage =
  | { type: 'input'; recipe: FuzzRecipe }
  | { type: 'batch'; inputs: number }
  | { type: 'failure'; recipe: FuzzRecipe; failures: Failure[] };

/** What a worker is asked to do: batches seeded from `seed`, `batchSize` inputs each, until told to stop. */
export interface WorkerData {
  seed: number;
  batchSize: number;
}

const port = parentPort!;
const { seed, batchSize } = workerData as WorkerData;
const seeds = loadSeeds();
const arbitrary = recipeArbitrary(seeds.length);
let stopping = false;
port.on('message', (message: string) => {
  if (message === 'stop') stopping = true;
});

class PropertyFailure extends Error {
  readonly failures: Failure[];
  constructor(failures: Failure[]) {
    super(failures.map((f) => `${f.kind}: ${f.detail.split('\n')[0]}`).join('; '));
    this.failures = failures;
  }
}

const property = fc.asyncProperty(arbitrary, async (recipe) => {
  port.postMessage({ type: 'input', recipe } satisfies WorkerMessage);
  const failures = await checkInput(buildInput(recipe, seeds));
  if (failures.length > 0) throw new PropertyFailure(failures);
});

for (let batch = 0; !stopping; batch++) {
  const details = await fc.check(property, { seed: seed + batch * 7919, numRuns: batchSize });
  // numRuns counts the inputs that passed before the failing one; shrinking runs are not counted.
  port.postMessage({ type: 'batch', inputs: details.numRuns + (details.failed ? 1 : 0) } satisfies WorkerMessage);
  if (details.failed && details.counterexample) {
    const [recipe] = details.counterexample;
    const again = await checkInput(buildInput(recipe, seeds));
    // A failure that does not repeat (a timing one) is reported as first seen.
    const seen = details.errorInstance instanceof PropertyFailure ? details.errorInstance.failures : [{ kind: 'crash' as const, detail: String(details.errorInstance) }];
    port.postMessage({ type: 'failure', recipe, failures: again.length > 0 ? again : seen } satisfies WorkerMessage);
  }
  // Let the 'stop' message in between batches.
  await new Promise((resolve) => setImmediate(resolve));
}
port.close();
