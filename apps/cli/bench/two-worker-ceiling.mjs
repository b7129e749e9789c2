// What two worker threads can gain over one on this machine, for work of a known shape: the ceiling
// against which the CLI's `--jobs 2` speed-up is read. Two loops, each split in two halves for two
// workers or run whole by one: `arithmetic` (no allocation: what the cores alone give) and `allocating`
// (short-lived objects and a table of live ones, as a check makes: what V8's collector, shared memory
// and the hypervisor's page faults leave of it). The workers are started before the clock starts, and
// each loop is measured `rounds` times, one worker and two interleaved; the median of the ratios counts.
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

const loops = {
  arithmetic: {
    iterations: 2e8,
    body: `let s = 0; for (let i = 0; i < n; i++) s = (s * 31 + i) | 0; return s;`,
  },
  allocating: {
    iterations: 4e6,
    body: `const live = new Map(); let s = 0;
      for (let i = 0; i < n; i++) { const o = { at: i, label: String(i % 1000) }; live.set(i % 5000, o); s += o.label.length; }
      return s;`,
  },
};

/** Starts `count` workers that run `body` over their share of `iterations` when told to, and resolves once they all ran. */
async function timedRun(body, iterations, count) {
  const source = `const { parentPort } = require('node:worker_threads');
    const work = (n) => { ${body} };
    parentPort.once('message', (n) => parentPort.postMessage(work(n)));`;
  const workers = Array.from({ length: count }, () => new Worker(source, { eval: true }));
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('online', resolve))));
  const started = performance.now();
  await Promise.all(
    workers.map(
      (w) =>
        new Promise((resolve, reject) => {
          w.once('message', resolve);
          w.once('error', reject);
          w.postMessage(Math.round(iterations / count));
        }),
    ),
  );
  const wallMs = performance.now() - started;
  await Promise.all(workers.map((w) => w.terminate()));
  return wallMs;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The speed-up of two workers over one for each loop (median of `rounds` interleaved pairs), with the
 * ratio of every pair to show the spread.
 */
export async function twoWorkerCeiling(rounds = 3) {
  const result = {};
  for (const [name, { body, iterations }] of Object.entries(loops)) {
    const ratios = [];
    for (let round = 0; round < rounds; round++) {
      const one = await timedRun(body, iterations, 1);
      const two = await timedRun(body, iterations, 2);
      ratios.push(Number((one / two).toFixed(2)));
    }
    result[name] = { speedup: median(ratios), ofPairs: ratios };
  }
  return result;
}
