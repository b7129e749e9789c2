import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { variantDocx } from '../../../packages/core/test/variants/docx-variant.js';

// The web page in a real Chromium (Debian's, driven by playwright-core), served from its build output by
// `vite preview`: open seed 003, see its failed equations with their code and the likely wrong cells,
// fix them, download the corrected text; open a Word document and a saved web page; no console errors.
// Runs in every `npm test`: without Chromium it fails and says how to install it.

const here = path.dirname(fileURLToPath(import.meta.url));
const webRoot = path.dirname(here);
const repoRoot = path.resolve(webRoot, '..', '..');
const chromiumPath = process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';
const screenshots = path.join(webRoot, 'e2e', 'screenshots', 'latest');
const seed003 = path.join(repoRoot, 'examples', 'seeds', '003_136fd1d98cf7f7a0.txt');
const seed001 = path.join(repoRoot, 'examples', 'seeds', '001_58b691fd784472d5.txt');
const htmlReport = path.join(repoRoot, 'packages', 'core', 'test', 'fixtures', 'variants', '01-gov-page.html');

let server: PreviewServer;
let context: BrowserContext;
let page: Page;
let url: string;
let temp: string;
const consoleErrors: string[] = [];

/** Waits until the page has given more answers than `before` and returns the new count. */
async function nextAnswer(before: number): Promise<number> {
  await page.waitForFunction((n) => Number(document.body.dataset.answers ?? 0) > n, before, { timeout: 20000 });
  return answers();
}

async function answers(): Promise<number> {
  return page.evaluate(() => Number(document.body.dataset.answers ?? 0));
}

/** Drops a file on the drop zone as a person would (a DataTransfer with a File); returns ms until the findings show. */
async function dropFile(file: string): Promise<number> {
  const before = await answers();
  const bytes = [...readFileSync(file)];
  const started = Date.now();
  await page.evaluate(
    ({ bytes, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/plain' }));
      document.getElementById('drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { bytes, name: path.basename(file) },
  );
  await nextAnswer(before);
  return Date.now() - started;
}

async function openFile(file: string): Promise<void> {
  const before = await answers();
  await page.setInputFiles('#file', file);
  await nextAnswer(before);
}

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, name), fullPage: false });
}

beforeAll(async () => {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is not installed at ${chromiumPath}: run apps/vscode/e2e/install.sh (apt-get install chromium fonts-noto-cjk) or set NIANBAO_CHROMIUM`);
  }
  if (!existsSync(path.join(webRoot, 'dist', 'index.html'))) throw new Error('apps/web is not built: run npm run build');
  mkdirSync(screenshots, { recursive: true });
  temp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-web-e2e-'));
  server = await preview({ root: webRoot, configFile: path.join(webRoot, 'vite.config.ts'), logLevel: 'silent', preview: { port: 0, host: '127.0.0.1' } });
  url = server.resolvedUrls!.local[0];
  context = await chromium.launchPersistentContext(path.join(temp, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.goto(url);
  await page.waitForSelector('body[data-state="ready"]');
}, 60000);

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.httpServer.close(() => resolve()) : resolve()));
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('web page in Chromium', () => {
  it('says that nothing is uploaded', async () => {
    expect(await page.textContent('#privacy')).toContain('不会上传');
  });

  it('lists the failed equations of seed 003 with their code, marks the likely wrong cells, fixes them and downloads the text', async () => {
    await dropFile(seed003);
    const equations = page.locator('.finding[data-code="arithmetic/equation"]');
    expect(await equations.count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => equations.first().locator('.code').isVisible()).toBe(true);
    expect(await equations.first().locator('.code').textContent()).toBe('arithmetic/equation');
    const rules = await equations.locator('.rule').allTextContents();
    expect(new Set(rules.map((r) => r.trim()))).toEqual(new Set(['R1', 'R2']));
    expect(await page.textContent('[data-field="template"]')).toContain('gov-disclosure-2019');
    // The two total cells of table 3 are the likely wrong ones, each proposing 2.
    const failing = page.locator('td.failing.error');
    expect(await failing.count()).toBe(2);
    expect(await failing.locator('.proposed').allTextContents()).toEqual(['→ 2', '→ 2']);
    expect(await page.locator('mark.error').count()).toBeGreaterThanOrEqual(2);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot('web-seed-003-findings.png');
    await failing.first().scrollIntoViewIfNeeded();
    await shoot('web-seed-003-table.png');

    const before = await answers();
    await page.click('#fix-all');
    await nextAnswer(before);
    expect(await page.locator('.finding[data-code="arithmetic/equation"]').count()).toBe(0);
    expect(await page.locator('td.failing.error').count()).toBe(0);
    await shoot('web-seed-003-fixed.png');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const saved = path.join(temp, download.suggestedFilename());
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toBe('003_136fd1d98cf7f7a0.corrected.txt');
    const original = readFileSync(seed003, 'utf8').split('\n');
    const corrected = readFileSync(saved, 'utf8').split('\n');
    expect(corrected.length).toBe(original.length);
    const changed = original.flatMap((line, i) => (line === corrected[i] ? [] : [[line.trim(), corrected[i].trim()]]));
    expect(changed).toEqual([
      ['0', '2'],
      ['0', '2'],
    ]);
  });

  it('checks a Word document', async () => {
    const docx = path.join(temp, '示范县市场监督管理局2022年报.docx');
    writeFileSync(docx, await variantDocx());
    await openFile(docx);
    expect(await page.textContent('[data-field="file"]')).toContain('docx');
    expect(await page.textContent('[data-field="template"]')).toContain('gov-disclosure-2021');
    expect(await page.textContent('[data-field="year"]')).toContain('2022');
    expect(await page.locator('td.cell.number').count()).toBeGreaterThan(50);
    await shoot('web-docx.png');
  });

  it('checks a saved web page, and switches to English', async () => {
    await openFile(htmlReport);
    expect(await page.textContent('[data-field="file"]')).toContain('html');
    expect(await page.textContent('[data-field="template"]')).toContain('gov-disclosure-2021');
    expect(await page.locator('td.cell.number').count()).toBeGreaterThan(50);
    // The shown text is the rendition, not the markup.
    expect(await page.textContent('#text')).not.toContain('<td');
    const before = await answers();
    await page.click('#language');
    await nextAnswer(before);
    expect(await page.textContent('#title')).toBe('Annual report check');
    expect(await page.textContent('[data-field="counts"]')).toMatch(/errors/);
    await shoot('web-html-english.png');
    const back = await answers();
    await page.click('#language');
    await nextAnswer(back);
  });

  it('checks pasted text, then against another template chosen in the list', async () => {
    await page.click('#paste-label');
    await page.fill('#paste', readFileSync(seed003, 'utf8'));
    let before = await answers();
    await page.click('#paste-check');
    await nextAnswer(before);
    expect(await page.textContent('[data-field="file"]')).toContain('粘贴的文本.txt');
    expect(await page.textContent('[data-field="template"]')).toContain('gov-disclosure-2019');
    expect(await page.locator('.finding[data-code="arithmetic/equation"]').count()).toBeGreaterThanOrEqual(2);
    before = await answers();
    await page.selectOption('#template', 'gov-disclosure-2021');
    await nextAnswer(before);
    expect(await page.textContent('[data-field="template"]')).toContain('gov-disclosure-2021');
    await shoot('web-pasted-other-template.png');
    before = await answers();
    await page.selectOption('#template', 'auto');
    await nextAnswer(before);
    expect(await page.textContent('[data-field="template"]')).toContain('gov-disclosure-2019');
  });

  it('shows the findings of a 10 KB report soon after it is dropped on a freshly loaded page', async () => {
    await page.reload();
    await page.waitForSelector('body[data-state="ready"]');
    const millis = await dropFile(seed001);
    const shown = await page.evaluate(() => Number(document.getElementById('status')!.dataset.millis));
    console.info(`apps/web: ${path.basename(seed001)} (${readFileSync(seed001).length} bytes) dropped → findings on screen in ${shown} ms (from the drop event, measured by the page; ${millis} ms with the test driver's round trips)`);
    expect(await page.locator('.finding').count()).toBeGreaterThan(0);
  });

  it('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
