import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDocx, paragraph } from './docx-builder.js';

const hooks = fileURLToPath(new URL('../../scripts/source-module-hooks.ts', import.meta.url));
const coreEntry = new URL('../../src/index.ts', import.meta.url).href;
const seed = fileURLToPath(new URL('../../../../examples/seeds/000_ef504471c9854329.txt', import.meta.url));

/**
 * Runs, in a fresh Node process on the core's sources, `readReport` on each file in turn, and returns the
 * modules loaded after each read (URLs relative to the core's sources, or bare package names).
 */
function modulesLoadedAfterReads(files: string[]): string[][] {
  const script = `
    import { registerHooks } from 'node:module';
    import { readFileSync } from 'node:fs';
    const loaded = new Set();
    registerHooks({ load(url, context, nextLoad) { loaded.add(url); return nextLoad(url, context); } });
    const { readReport } = await import(${JSON.stringify(coreEntry)});
    const after = [];
    for (const file of ${JSON.stringify(files)}) {
      await readReport(readFileSync(file), { fileName: file });
      after.push([...loaded]);
    }
    process.stdout.write(JSON.stringify(after));
  `;
  const run = spawnSync(process.execPath, ['--experimental-transform-types', '--no-warnings', '--import', hooks, '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  expect(run.stderr).toBe('');
  const sources = new URL('../../src/', import.meta.url).href;
  return (JSON.parse(run.stdout) as string[][]).map((urls) =>
    urls.map((url) => (url.startsWith(sources) ? url.slice(sources.length) : (/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? url))),
  );
}

describe('readers loaded on first use', () => {
  it('reads a text report without loading the .docx reader (its inflater and converter), and loads it for a .docx', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'nianbao-lazy-readers-'));
    try {
      const docx = path.join(directory, 'report.docx');
      writeFileSync(docx, await buildDocx(paragraph('一、总体情况')));
      const [afterText, afterDocx] = modulesLoadedAfterReads([seed, docx]);
      expect(afterText).toContain('read/docx/render-docx.ts');
      expect(afterText.filter((module) => module.startsWith('read/docx/') && module !== 'read/docx/render-docx.ts' && module !== 'read/docx/index.ts')).toEqual([]);
      expect(afterText).not.toContain('fflate');
      expect(afterText).not.toContain('dingbat-to-unicode');
      expect(afterDocx).toContain('read/docx/convert-docx.ts');
      expect(afterDocx).toContain('read/docx/zip-limits.ts');
      expect(afterDocx).toContain('fflate');
      expect(afterDocx).toContain('read/docx/word-body-html.ts');
      expect(afterDocx).toContain('dingbat-to-unicode');
      expect(afterDocx).not.toContain('mammoth');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 70_000);
});
