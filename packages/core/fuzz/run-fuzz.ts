/**
 * `npm run fuzz`: the long fuzzing campaign over read → parse → validate → suggestions (see
 * fuzz-properties.ts for the properties). Runs worker threads until N inputs or M minutes, prints a
 * progress line every 30 s and a JSON summary at the end, and saves each failing input, minimised by
 * fast-check, as a reproducer in packages/core/test/fuzz/reproducers/ — where the test suite replays
 * every one of them. A worker silent for longer than the hang limit is stopped and its input saved as
 * a hang. Exit code 1 when anything failed.
 *
 *   npm run fuzz -- --inputs 1000000 --workers 2 --seed 1
 *   npm run fuzz -- --minutes 10
 *
 * Runs the BUILT core (`npm run fuzz` builds it first); Node 24 runs this TypeScript directly.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildInput, loadSeeds, type FuzzRecipe } from './fuzz-input.ts';
import type { Failure, FailureKind } from './fuzz-properties.ts';
import type { WorkerData, WorkerMessage } from './fuzz-worker.ts';

const argValue = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const maxInputs = Number(argValue('--inputs') ?? (argValue('--minutes') ? Infinity : 1_000_000));
const maxMinutes = Number(argValue('--minutes') ?? Infinity);
const workerCount = Number(argValue('--workers') ?? 1);
const baseSeed = Number(argValue('--seed') ?? 1);
const batchSize = Number(argValue('--batch') ?? 200);
const hangSeconds = Number(argValue('--hang-seconds') ?? 120);
const outDir = path.resolve(
  argValue('--out') ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../test/fuzz/reproducers'),
);

const seeds = loadSeeds();
const started = Date.now();
let inputs = 0;
const counts: Record<FailureKind, number> = { crash: 0, hang: 0, 'bad-range': 0, 'bad-fix': 0, nondeterministic: 0 };
const saved = new Set<string>();

/** Saves a failing input (bytes, file name, recipe, what failed) unless one with the same failures was saved. */
function save(recipe: FuzzRecipe, failures: Failure[]): void {
  for (const f of failures) counts[f.kind]++;
  const signature = failures.map((f) => `${f.kind}:${f.detail.split('\n')[0].replace(/\d+/g, '#')}`).sort().join('\n');
  const id = createHash('sha256').update(signature).digest('hex').slice(0, 12);
  if (saved.has(id)) return;
  saved.add(id);
  const input = buildInput(recipe, seeds);
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${failures[0].kind}-${id}.json`);
  const reproducer = {
    failures: failures.map((f) => ({ kind: f.kind, detail: f.detail.split('\n').slice(0, 6).join('\n') })),
    fileName: input.fileName ?? null,
    bytes: Buffer.from(input.bytes).toString('base64'),
    recipe,
  };
  writeFileSync(file, `${JSON.stringify(reproducer, null, 2)}\n`);
  console.log(`saved ${path.relative(process.cwd(), file)}: ${signature.split('\n')[0]}`);
}

const done = (): boolean => inputs >= maxInputs || Date.now() - started >= maxMinutes * 60_000;

function progress(): string {
  const seconds = (Date.now() - started) / 1000;
  const failures = Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ');
  return `${inputs} inputs in ${seconds.toFixed(0)} s (${(inputs / seconds).toFixed(1)} inputs/s); ${failures}`;
}

let nextWorkerSeed = baseSeed;
function startWorker(): Promise<void> {
  return new Promise((resolve) => {
    const seed = nextWorkerSeed;
    nextWorkerSeed += 1_000_003;
    const worker = new Worker(new URL('./fuzz-worker.ts', import.meta.url), {
      workerData: { seed, batchSize } satisfies WorkerData,
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    });
    let last: FuzzRecipe | undefined;
    // Seconds of silence, counted in ticks of the watchdog (not clock time, which jumps when the whole
    // process is paused or starved).
    let silentTicks = 0;
    let stopped = false;
    const watchdog = setInterval(() => {
      if (done() && !stopped) {
        stopped = true;
        worker.postMessage('stop');
      }
      if (++silentTicks > hangSeconds) {
        clearInterval(watchdog);
        if (last) save(last, [{ kind: 'hang', detail: `no answer within ${hangSeconds} s` }]);
        inputs++;
        void worker.terminate();
      }
    }, 1000);
    worker.on('message', (message: WorkerMessage) => {
      silentTicks = 0;
      if (message.type === 'input') last = message.recipe;
      else if (message.type === 'batch') inputs += message.inputs;
      else save(message.recipe, message.failures);
    });
    worker.on('error', (error) => {
      if (!last) throw error;
      save(last, [{ kind: 'crash', detail: `worker died: ${error.message}` }]);
    });
    worker.on('exit', () => {
      clearInterval(watchdog);
      resolve();
    });
  });
}

async function lane(): Promise<void> {
  while (!done()) await startWorker();
}

const ticker = setInterval(() => console.log(progress()), 30_000);
console.log(`fuzzing with ${workerCount} worker(s), seed ${baseSeed}, ${seeds.length} seed reports; reproducers go to ${outDir}`);
await Promise.all(Array.from({ length: workerCount }, () => lane()));
clearInterval(ticker);
const seconds = (Date.now() - started) / 1000;
console.log(progress());
console.log(JSON.stringify({ inputs, seconds: Math.round(seconds), inputsPerSecond: Number((inputs / seconds).toFixed(2)), ...counts, reproducers: saved.size }));
process.exit(Object.values(counts).some((n) => n > 0) ? 1 : 0);
