// The README's main job: validate every bundled example report with the nianbao CLI.
// Findings in the examples are expected (some seeds contain real errors), so exit code 1 from the CLI
// (errors found) still counts as a successful run; usage or I/O failures (exit 2) do not.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'apps', 'cli', 'dist', 'bin.js');
const args = process.argv.slice(2);
const result = spawnSync(process.execPath, [bin, 'validate', path.join(root, 'examples'), ...args], {
  stdio: 'inherit',
});
if (result.error) {
  console.error(result.error.message);
  process.exit(2);
}
process.exit(result.status === 1 ? 0 : (result.status ?? 2));
