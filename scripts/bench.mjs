// `npm run bench`: runs every package's benchmark (after the build) and prints their JSON lines.
// Each benchmark is a script that prints one JSON object per measurement on stdout.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const benches = [
  'packages/core/bench/parse-bench.mjs',
  'apps/cli/bench/cli-bench.mjs',
  'packages/language-server/bench/latency-bench.mjs',
];
let failed = 0;
for (const rel of benches) {
  const file = path.join(root, rel);
  if (!existsSync(file)) continue;
  console.error(`# ${rel}`);
  const run = spawnSync(process.execPath, [file], { stdio: 'inherit', cwd: root });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
