// End-to-end test of the extension in a real VS Code: code-server 4.139.1 driven by Debian's Chromium through
// playwright-core (see install.sh). Scenario: open seed report 003 in a fresh workspace, the Problems panel
// lists its arithmetic errors in Chinese, apply the quick fix of the wrong total from the editor (Ctrl+.),
// the errors disappear. Usable as a script (`node run-e2e.mjs`, prints a
// JSON summary) or through runVsCodeE2e() from a test. Each run writes its screenshots to e2e/artifacts/latest/
// (git-ignored); the committed ones in e2e/artifacts/ are from a passing run.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const extensionRoot = path.dirname(here);
const repoRoot = path.resolve(extensionRoot, '..', '..');
const seedName = '003_136fd1d98cf7f7a0.txt';

/** Where install.sh puts code-server. */
export function codeServerPath() {
  const home = process.env.NIANBAO_E2E_HOME ?? path.join(os.homedir(), '.cache', 'nianbao-e2e');
  return path.join(home, 'code-server', 'node_modules', '.bin', 'code-server');
}

/** Debian's Chromium. */
export const chromiumPath = process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';

/** Why the e2e cannot run here, or undefined when everything is installed. */
export function missingPrerequisite() {
  if (!existsSync(codeServerPath())) return `code-server is not installed (${codeServerPath()}): run apps/vscode/e2e/install.sh`;
  if (!existsSync(chromiumPath)) return `chromium is not installed (${chromiumPath}): run apps/vscode/e2e/install.sh`;
  if (!existsSync(path.join(extensionRoot, 'out', 'extension.cjs')) || !existsSync(path.join(extensionRoot, 'out', 'server.cjs'))) {
    return 'the extension is not built: run npm run build';
  }
  return undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms`);
}

/** Waits for a frame (webviews are nested iframes) that satisfies `accept`. */
async function waitForFrame(page, accept, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if (await accept(frame)) return frame;
      } catch {
        // frame detached or not ready
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error('no frame matched within the time limit');
}

/** Packages the extension with vsce into `dir`, returns the .vsix path. */
function packageExtension(dir, env) {
  const vsix = path.join(dir, 'nianbao-vscode.vsix');
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  const run = spawnSync(vsce, ['package', '--no-dependencies', '--skip-license', '-o', vsix], {
    cwd: extensionRoot,
    env,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`vsce package failed:\n${run.stdout}\n${run.stderr}`);
  return vsix;
}

/**
 * Runs the scenario once. Returns what the Problems panel showed before and after the fix and where the
 * screenshots are; throws when a step fails (with a screenshot of the moment when possible).
 */
export async function runVsCodeE2e({ log = () => {}, artifacts = path.join(here, 'artifacts', 'latest') } = {}) {
  const missing = missingPrerequisite();
  if (missing) throw new Error(missing);
  const { chromium } = await import('playwright-core');
  const work = mkdtempSync(path.join(os.tmpdir(), 'nianbao-e2e-'));
  const dirs = Object.fromEntries(
    ['user', 'extensions', 'workspace', 'browser', 'xdg-data', 'xdg-config', 'xdg-state', 'vsix'].map((name) => {
      const dir = path.join(work, name);
      mkdirSync(dir, { recursive: true });
      return [name, dir];
    }),
  );
  mkdirSync(artifacts, { recursive: true });
  const env = {
    ...process.env,
    PATH: `${path.join(repoRoot, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
    XDG_DATA_HOME: dirs['xdg-data'],
    XDG_CONFIG_HOME: dirs['xdg-config'],
    XDG_STATE_HOME: dirs['xdg-state'],
  };
  let server;
  let context;
  const started = Date.now();
  const step = (message) => log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
  try {
    copyFileSync(path.join(repoRoot, 'examples', 'seeds', seedName), path.join(dirs.workspace, seedName));
    mkdirSync(path.join(dirs.user, 'User'), { recursive: true });
    writeFileSync(
      path.join(dirs.user, 'User', 'settings.json'),
      JSON.stringify(
        {
          'files.autoSave': 'off',
          'files.hotExit': 'off',
          'workbench.startupEditor': 'none',
          'security.workspace.trust.enabled': false,
          'telemetry.telemetryLevel': 'off',
          'extensions.autoUpdate': false,
          'extensions.autoCheckUpdates': false,
          'workbench.tips.enabled': false,
          'nianbao.locale': 'zh-CN',
        },
        null,
        2,
      ),
    );
    const config = path.join(work, 'config.yaml');
    writeFileSync(config, 'auth: none\ncert: false\n');

    step('packaging the extension');
    const vsix = packageExtension(dirs.vsix, env);
    step('installing it into code-server');
    const install = spawnSync(
      codeServerPath(),
      ['--install-extension', vsix, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.user],
      { env, encoding: 'utf8' },
    );
    if (install.status !== 0) throw new Error(`extension install failed:\n${install.stdout}\n${install.stderr}`);

    const port = await freePort();
    step(`starting code-server on ${port}`);
    server = spawn(
      codeServerPath(),
      [
        '--auth', 'none',
        '--bind-addr', `127.0.0.1:${port}`,
        '--user-data-dir', dirs.user,
        '--extensions-dir', dirs.extensions,
        '--config', config,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        dirs.workspace,
      ],
      { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let serverLog = '';
    server.stdout.on('data', (chunk) => (serverLog += chunk));
    server.stderr.on('data', (chunk) => (serverLog += chunk));
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60000).catch((error) => {
      throw new Error(`${error.message}\n${serverLog}`);
    });

    step('launching chromium');
    context = await chromium.launchPersistentContext(dirs.browser, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1600, height: 1000 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(60000);
    const shot = async (name) => {
      const file = path.join(artifacts, name);
      await page.screenshot({ path: file });
      return file;
    };
    try {
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`);
      await page.waitForSelector('.monaco-workbench .part.editor');
      step('workbench up; opening the report');
      await page.waitForTimeout(1500);
      await page.keyboard.press('Control+P');
      await page.waitForSelector('.quick-input-widget input');
      await page.keyboard.type(seedName.slice(0, 20));
      await page.waitForSelector('.quick-input-list .monaco-list-row');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(1000);
      step('report open; opening Problems');
      await page.keyboard.press('Control+Shift+M');
      await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 90000 });
      const readProblems = () =>
        page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
      // Wait until the arithmetic findings (R1/R2, on the （七）总计 row) are listed.
      const isTotalFinding = (label) => label.includes('（七）总计') && label.includes('应等于');
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('.markers-panel .monaco-list-row')].some((row) => {
            const label = row.getAttribute('aria-label') ?? '';
            return label.includes('（七）总计') && label.includes('应等于');
          }),
        undefined,
        { timeout: 60000 },
      );
      const before = await readProblems();
      const statusBefore = await page.getAttribute('#status\\.problems', 'aria-label').catch(() => null);
      const beforeShot = await shot('e2e-before-fix.png');
      step(`${before.length} problem rows; applying the quick fix`);

      // The tables webview, beside the editor: the failing cells of the total row are highlighted.
      await page.keyboard.press('Control+Shift+P');
      await page.waitForSelector('.quick-input-widget input');
      await page.keyboard.type('nianbao: Show Report Tables');
      await page.waitForSelector('.quick-input-list .monaco-list-row');
      await page.keyboard.press('Enter');
      const tablesFrame = await waitForFrame(page, async (frame) => (await frame.$$('td.value')).length > 0, 30000);
      await page.waitForTimeout(500);
      const failingCells = await tablesFrame.$$eval('td.value.error', (cells) => cells.map((cell) => cell.dataset.cell));
      const tablesShot = await shot('e2e-tables-webview.png');
      step(`tables webview shows ${failingCells.length} failing cells`);

      // Go to the first finding about the total (Enter on its row focuses the editor at the cell), then Ctrl+.
      const rows = await page.$$('.markers-panel .monaco-list-row');
      let target;
      for (const row of rows) {
        if (isTotalFinding((await row.getAttribute('aria-label')) ?? '')) {
          target = row;
          break;
        }
      }
      if (!target) throw new Error('no Problems row about the total');
      await target.click();
      await page.keyboard.press('Enter');
      await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 20000 });
      await page.waitForTimeout(500);
      await page.keyboard.press('Control+.');
      await page.waitForSelector('.action-widget .monaco-list-row.action', { timeout: 20000 });
      const fixTitles = await page.$$eval('.action-widget .monaco-list-row.action', (items) =>
        items.map((item) => item.getAttribute('aria-label') ?? item.textContent ?? ''),
      );
      await shot('e2e-quick-fix-menu.png');
      await page.keyboard.press('Enter');
      step(`quick fix applied (${fixTitles[0] ?? '?'}); waiting for the errors to go`);
      await page.waitForFunction(
        () =>
          ![...document.querySelectorAll('.markers-panel .monaco-list-row')].some((row) => {
            const label = row.getAttribute('aria-label') ?? '';
            return label.includes('（七）总计') && label.includes('应等于');
          }),
        undefined,
        { timeout: 30000 },
      );
      await page.waitForTimeout(500);
      const after = await readProblems();
      const statusAfter = await page.getAttribute('#status\\.problems', 'aria-label').catch(() => null);
      const afterShot = await shot('e2e-after-fix.png');

      // "Acknowledge this finding" on the first remaining finding: the baseline file is written in the
      // workspace and the finding leaves the Problems view.
      // The approximate numbers of 第二十条第（五）项 (cell/approximate) stay after the fix.
      const marker = '不是确切数字';
      const acknowledgedLabel = after.find((label) => label.includes(marker));
      if (!acknowledgedLabel) throw new Error('no Problems row about approximate numbers');
      let first;
      for (const row of await page.$$('.markers-panel .monaco-list-row')) {
        if (((await row.getAttribute('aria-label')) ?? '').includes(marker)) {
          first = row;
          break;
        }
      }
      await first.click();
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500);
      await page.keyboard.press('Control+.');
      await page.waitForSelector('.action-widget .monaco-list-row.action', { timeout: 20000 });
      const acknowledgeItem = await page.waitForSelector('.action-widget .monaco-list-row.action[aria-label*="确认此问题"]', { timeout: 20000 });
      await shot('e2e-acknowledge-menu.png');
      await acknowledgeItem.click();
      step('acknowledge chosen; waiting for the finding to leave Problems');
      await page.waitForFunction(
        (text) => ![...document.querySelectorAll('.markers-panel .monaco-list-row')].some((row) => (row.getAttribute('aria-label') ?? '').includes(text)),
        marker,
        { timeout: 30000 },
      );
      const acknowledged = await readProblems();
      const baselineFile = path.join(dirs.workspace, 'nianbao-baseline.json');
      const baseline = existsSync(baselineFile) ? JSON.parse(readFileSync(baselineFile, 'utf8')) : null;
      await shot('e2e-after-acknowledge.png');
      step('done');
      return {
        before,
        after,
        statusBefore,
        statusAfter,
        fixTitles,
        failingCells,
        acknowledgedLabel,
        acknowledged,
        baseline,
        screenshots: [beforeShot, tablesShot, afterShot],
        seconds: (Date.now() - started) / 1000,
      };
    } catch (error) {
      await shot('e2e-failure.png').catch(() => undefined);
      throw error;
    }
  } finally {
    await context?.close().catch(() => undefined);
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runVsCodeE2e({ log: (m) => console.error(m) })
    .then((result) => console.log(JSON.stringify(result, null, 2)))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
