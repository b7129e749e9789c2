import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinTemplates, type ReportSource } from '@nianbao/core';
import { afterEach, describe, expect, it } from 'vitest';
import { sameData, shareTables, unshareTables, WorkerReportChecker } from '../src/node/worker-report-checker.js';
import { checkBuffer, type ReportCheckRequest } from '../src/reports/report-checker.js';
import { serverPath, seedPath } from './lsp-harness.js';

/** The Node server's checks on a worker thread (the bundled out/check-worker.cjs). */
const script = path.join(path.dirname(serverPath), 'check-worker.cjs');
const seed003 = readFileSync(seedPath('003_136fd1d98cf7f7a0.txt'), 'utf8');

function request(name: string, text: string, template = 'auto'): ReportCheckRequest {
  const source: ReportSource = { name, format: 'md', encoding: 'utf-8', text };
  return { source, template, templates: builtinTemplates, locale: 'zh-CN' };
}

let checker: WorkerReportChecker | undefined;
afterEach(() => {
  checker?.dispose();
  checker = undefined;
});

describe('WorkerReportChecker', () => {
  it('checks and verifies fixes on the worker as the core does inline, and says when the template asked for is unknown', async () => {
    checker = new WorkerReportChecker(script);
    const outcome = (await checker.check(request('file:///a.md', seed003)))!;
    expect(outcome.result.template?.id).toBe('gov-disclosure-2019');
    expect(outcome.result.diagnostics.some((d) => d.code === 'arithmetic/equation' && d.suggestions.length > 0)).toBe(true);
    // A check without its fixes verified, then their verification, both on the worker.
    const quick = (await checker.check({ ...request('file:///a.md', seed003), verifySuggestions: false }))!;
    const verified = (await checker.verify({ result: quick.result, templates: builtinTemplates, locale: 'zh-CN' }))!;
    const fixes = (result: typeof verified) => result.diagnostics.filter((d) => d.suggestions.length > 0).length;
    expect(fixes(verified)).toBe(fixes(outcome.result));
    expect(fixes(verified)).toBeLessThanOrEqual(fixes(quick.result));
    // The worker sends results back without the text; they arrive with the source they were made from.
    for (const result of [outcome.result, quick.result, verified]) {
      expect(result.source.text).toBe(seed003);
      expect(result.report?.source).toBe(result.source);
    }
    const unknown = (await checker.check(request('file:///a.md', seed003, 'no-such-template')))!;
    expect(unknown.unknownTemplate).toBe('no-such-template');
    expect(unknown.result.template?.id).toBe('gov-disclosure-2019');
  });

  it('gives the inline check of each version, edit after edit, its unchanged tables crossing from the worker once', async () => {
    checker = new WorkerReportChecker(script);
    const anchor = seed003.indexOf('（七）总计');
    const at = anchor + seed003.slice(anchor).search(/\d/u);
    const versions = ['2', '0', '17', '0', '3'].map((digits) => seed003.slice(0, at) + digits + seed003.slice(at + 1));
    // Two documents in turn, and a third that pushes the first out of what the two threads keep.
    for (const [i, text] of versions.entries()) {
      for (const name of ['file:///a.md', 'file:///b.md', ...(i === 2 ? ['file:///c.md'] : [])]) {
        const quick = { ...request(name, text), verifySuggestions: false };
        const outcome = (await checker.check(quick))!;
        expect(sameData(outcome.result, checkBuffer(quick).result)).toBe(true);
      }
    }
  });

  it('shares the tables equal to the last ones sent, and restores them from the last ones received', () => {
    const quick = (text: string) => checkBuffer({ ...request('file:///a.md', text), verifySuggestions: false }).result;
    const before = quick(seed003);
    const anchor = seed003.indexOf('（七）总计');
    const at = anchor + seed003.slice(anchor).search(/\d/u);
    const after = quick(seed003.slice(0, at) + '2' + seed003.slice(at + 1));
    const shared = shareTables(after, before.report!.tables)!;
    const tables = shared.report!.tables as unknown[];
    // One table changed (the one with the cell typed over); the others are left out.
    expect(tables.filter((t) => t !== null)).toHaveLength(1);
    expect(tables.length).toBe(after.report!.tables.length);
    const crossed = structuredClone(shared);
    expect(sameData(unshareTables(crossed, structuredClone(before.report!.tables)), after)).toBe(true);
    expect(unshareTables(crossed, undefined)).toBeUndefined();
    expect(shareTables(after, undefined)).toBeUndefined();
    expect(shareTables(before, [])).toBeUndefined();
  });

  it('sameData compares plain data deeply', () => {
    expect(sameData({ a: [1, { b: 'x' }], c: null }, { a: [1, { b: 'x' }], c: null })).toBe(true);
    expect(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData([1], { 0: 1 })).toBe(false);
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
    expect(sameData(0, null)).toBe(false);
  });

  it('drops a check still waiting when a newer version of its document comes', async () => {
    checker = new WorkerReportChecker(script);
    const first = checker.check(request('file:///a.md', seed003));
    const stale = checker.check(request('file:///a.md', `${seed003}\n`));
    const latest = checker.check(request('file:///a.md', `${seed003}\n\n`));
    const other = checker.check(request('file:///b.md', seed003));
    expect((await first)?.result.source.text).toBe(seed003);
    expect(await stale).toBeUndefined();
    expect((await latest)?.result.source.text).toBe(`${seed003}\n\n`);
    expect((await other)?.result.template?.id).toBe('gov-disclosure-2019');
  });

  it('stops a check that runs past the time limit with its worker, and checks the next on a new one', async () => {
    // A worker whose check of "STUCK" never returns (as a stage looping for ever would).
    // Each worker started gets the options of its start (the server's: a bounded young generation).
    let starts = 0;
    const options = () => {
      starts++;
      return { resourceLimits: { maxYoungGenerationSizeMb: 12 } };
    };
    checker = new WorkerReportChecker(fileURLToPath(new URL('./fixtures/stuck-check-worker.mjs', import.meta.url)), 1000, options);
    const stuck = checker.check(request('file:///a.md', 'STUCK'));
    const next = checker.check(request('file:///b.md', 'fine'));
    await expect(stuck).rejects.toThrow(/did not finish within 1 s and was stopped/u);
    expect(((await next)?.result as unknown as { length: number }).length).toBe(4);
    expect(starts).toBe(2);
  });
});
