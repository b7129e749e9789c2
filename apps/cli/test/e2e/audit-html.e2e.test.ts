import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/run-cli.js';

/**
 * The HTML summary of `nianbao audit --html`, opened in real Chromium (Debian's, driven by playwright-core):
 * no console error, nothing run from report text, report pages reachable by their anchors, failing cells
 * marked. Each run writes its screenshots to test/e2e/artifacts/latest/ (ignored by git); the committed ones
 * beside that folder are from a passing run, so a test run leaves the working tree clean.
 */
const chromiumPath = process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';
const artifacts = path.join(repoRoot, 'apps/cli/test/e2e/artifacts/latest');
const corpus = path.join(repoRoot, 'packages/core/test/fixtures/corpus');
const hostile = '<script>window.__pwned = 1</script>';
const hostileImage = '<img src=x onerror="window.__pwned = 2">';

let temp: string;
let context: BrowserContext;
let page: Page;
let htmlFile: string;
let htmlFileEn: string;
let htmlFileSplit: string;
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is not installed at ${chromiumPath}: run apps/vscode/e2e/install.sh (apt-get install chromium fonts-noto-cjk) or set NIANBAO_CHROMIUM`);
  }
  temp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-audit-html-'));
  const reports = path.join(temp, 'reports');
  mkdirSync(reports);
  const text2024 = readFileSync(path.join(corpus, 'hongzequ-2024.pdftotext-layout.txt'), 'utf8');
  writeFileSync(path.join(reports, 'hongzequ-2023.txt'), readFileSync(path.join(corpus, 'hongzequ-2023.pdftext.txt')));
  writeFileSync(path.join(reports, 'hongzequ-2024.txt'), text2024.replace(/(二、上年结转政府信息公开申请数量\s+)0/u, '$12'));
  // A report whose table cells (quoted by its findings too) and file name hold markup.
  const clean = readFileSync(path.join(repoRoot, 'examples/clean-2021.md'), 'utf8');
  const hostileReport = clean
    .replace('| 行政许可 | 420 |', `| 行政许可 | ${hostileImage} |`)
    .replace('| 行政规范性文件 | 6 | 2 | 38 |', `| 行政规范性文件 | ${hostile} | 2 | 38 |`);
  expect(hostileReport).toContain(hostile);
  expect(hostileReport).toContain(hostileImage);
  writeFileSync(path.join(reports, 'x<img src=y onerror=alert(1)>.md'), hostileReport);
  htmlFile = path.join(temp, 'audit.html');
  htmlFileEn = path.join(temp, 'audit-en.html');
  const run = runCli(['audit', reports, '--html', htmlFile], { cwd: temp });
  expect(run.stderr).toContain('audit.html');
  expect(runCli(['audit', reports, '--html', htmlFileEn, '--locale', 'en'], { cwd: temp }).stderr).toContain('audit-en.html');
  htmlFileSplit = path.join(temp, 'split', 'audit.html');
  mkdirSync(path.dirname(htmlFileSplit));
  const split = runCli(['audit', reports, '--html', htmlFileSplit, '--html-pages', 'split'], { cwd: temp });
  expect(split.stderr).toContain(path.join('split', 'audit.pages'));
  mkdirSync(artifacts, { recursive: true });
  context = await chromium.launchPersistentContext(path.join(temp, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1200, height: 1000 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
}, 120000);

afterAll(async () => {
  await context?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('the HTML audit summary in Chromium', () => {
  it('shows the summary in Chinese: region per year, charts, agencies and years, the cross-year finding', async () => {
    await page.goto(`file://${htmlFile}`);
    expect(await page.title()).toBe('政府信息公开工作年度报告审计');
    expect(await page.locator('#summary').isVisible()).toBe(true);
    expect(await page.locator('svg.chart').count()).toBe(2);
    expect(await page.locator('table.region tbody tr').count()).toBe(3); // 2022, 2023, 2024
    const agencies = await page.locator('table.agencies').textContent();
    expect(agencies).toContain('淮安市洪泽区人民政府');
    expect(agencies).toContain('示例市示例局');
    const crossYear = page.locator('#summary li.finding', { hasText: 'audit/cross-year' });
    expect(await crossYear.count()).toBe(1);
    expect(await crossYear.textContent()).toContain('二、上年结转（2）');
    await page.screenshot({ path: path.join(artifacts, 'audit-summary.png'), fullPage: false });
    expect(consoleErrors).toEqual([]);
  });

  it('shows report text that holds markup as text, and runs nothing', async () => {
    await page.goto(`file://${htmlFile}`);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    const link = page.locator('table.agencies tr', { hasText: 'x<img src=y onerror=alert(1)>.md' }).locator('a').first();
    await link.click();
    const shown = page.locator('section.page:target');
    expect(await shown.isVisible()).toBe(true);
    expect(await page.locator('#summary').isVisible()).toBe(false);
    const text = (await shown.textContent()) ?? '';
    expect(text).toContain(hostile);
    expect(text).toContain(hostileImage);
    expect(await shown.locator('td.failing', { hasText: hostile }).count()).toBe(1);
    expect(await shown.locator('li.finding', { hasText: 'cell/invalid' }).count()).toBe(2);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(consoleErrors).toEqual([]);
  });

  it('shows a report page with its tables, the cell of the cross-year finding marked', async () => {
    await page.goto(`file://${htmlFile}`);
    await page.locator('table.agencies a', { hasText: '2024' }).click();
    const shown = page.locator('section.page:target');
    expect(await shown.locator('h2').textContent()).toContain('淮安市洪泽区人民政府 2024');
    expect(await shown.locator('table').count()).toBeGreaterThanOrEqual(6);
    const cell = shown.locator('td[data-cell="t3.carriedOver.naturalPerson"]');
    expect(await cell.textContent()).toBe('2');
    expect(await cell.evaluate((td) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(td).backgroundColor)).toBe('rgb(255, 215, 213)');
    // In-report findings link their cells: R1 and R3 fail on the changed cell too.
    expect(await shown.locator('td.failing a').count()).toBeGreaterThan(0);
    const related = shown.locator('li.finding', { hasText: 'audit/cross-year' }).locator('ul.related a').first();
    expect(await related.textContent()).toContain('hongzequ-2023.txt');
    await page.screenshot({ path: path.join(artifacts, 'audit-report-page.png'), fullPage: false });
    // The related place is the 2023 report's cell: its page opens with that cell targeted.
    expect(await related.getAttribute('href')).toMatch(/^#r\d+-t3\.carriedForward\.naturalPerson$/u);
    await related.click();
    const earlier = page.locator('section.page:has(td:target)');
    expect(await earlier.isVisible()).toBe(true);
    expect(await earlier.locator('h2').textContent()).toContain('洪泽区人民政府 2023');
    expect(await page.locator('#summary').isVisible()).toBe(false);
    const target = earlier.locator('td:target');
    expect(await target.getAttribute('data-cell')).toBe('t3.carriedForward.naturalPerson');
    expect(await target.textContent()).toBe('0');
    expect(await target.evaluate((td) => td.classList.contains('related-cell'))).toBe(true);
    await target.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'audit-related-cell.png'), fullPage: false });
    expect(consoleErrors).toEqual([]);
  });

  it('is in English with the locale switch', async () => {
    await page.goto(`file://${htmlFileEn}`);
    expect(await page.title()).toBe('Audit of government-information-disclosure annual reports');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#summary h2').first().textContent()).toBe("The region's figures per year");
    expect(consoleErrors).toEqual([]);
  });

  it('splits a large summary into a folder of agency pages linked from the summary (--html-pages split)', async () => {
    await page.goto(`file://${htmlFileSplit}`);
    expect(await page.locator('section.page').count()).toBe(0);
    await page.locator('table.agencies a', { hasText: '2024' }).click();
    expect(page.url()).toMatch(/\/audit\.pages\/a\d+\.html#r\d+$/u);
    expect(await page.locator('body.agency section.page').count()).toBe(2);
    const later = page.locator('section.page:target');
    expect(await later.locator('h2').textContent()).toContain('淮安市洪泽区人民政府 2024');
    expect(await later.locator('td[data-cell="t3.carriedOver.naturalPerson"]').evaluate((td) => td.classList.contains('failing'))).toBe(true);
    await later.locator('li.finding', { hasText: 'audit/cross-year' }).locator('ul.related a').first().click();
    expect(await page.locator('td:target').getAttribute('data-cell')).toBe('t3.carriedForward.naturalPerson');
    await page.locator('section.page:has(td:target) a', { hasText: '返回摘要' }).click();
    expect(page.url()).toMatch(/\/split\/audit\.html$/u);
    // The page of the report holding markup, in its own file: text, nothing run.
    await page.locator('table.agencies tr', { hasText: 'x<img src=y onerror=alert(1)>.md' }).locator('a').first().click();
    expect((await page.locator('section.page:target').textContent()) ?? '').toContain(hostile);
    expect(await page.locator('script, img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(consoleErrors).toEqual([]);
  });
});
