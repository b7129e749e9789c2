// Run by `npm test` before the suites (npm's `pretest`): makes sure the Chromium that the browser tests drive
// (the web page, the audit's HTML summary; playwright-core over DevTools) is on the machine. It is where the
// tests look for it: NIANBAO_CHROMIUM, else /usr/bin/chromium. On a Debian machine without it, run as root
// (as a fresh machine of this project is), Debian's chromium and a CJK font are installed with apt-get, as
// .ci/run does through apps/vscode/e2e/install.sh; anywhere else the tests that need it fail with a message
// saying how to get it, and this says so first. Never fails the test command itself.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync(chromium)) process.exit(0);

const canInstall = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.NIANBAO_CHROMIUM;
if (!canInstall) {
  console.error(
    `nianbao: no Chromium at ${chromium}: the browser tests will fail. Install Debian's chromium ` +
      '(apt-get install chromium fonts-noto-cjk) or set NIANBAO_CHROMIUM to a Chromium or Chrome binary.',
  );
  process.exit(0);
}

console.error("nianbao: the browser tests need Chromium: installing Debian's chromium and fonts-noto-cjk (apt-get)…");
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk']]) {
  const run = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (run.status !== 0) {
    console.error(`nianbao: apt-get ${args[0]} failed (exit ${run.status ?? run.signal}): the browser tests will fail.`);
    process.exit(0);
  }
}
console.error(existsSync(chromium) ? `nianbao: Chromium installed at ${chromium}.` : `nianbao: apt-get ran, yet no Chromium at ${chromium}.`);
