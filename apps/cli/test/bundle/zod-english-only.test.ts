import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a build script in JavaScript, without declarations
import { zodEnglishOnly } from '../../../../scripts/zod-english-only.mjs';

/** Bundles a module that imports zod as the CLI and the language server do, and runs it. */
async function bundleAndRun(plugins: unknown[]): Promise<{ locales: string[]; message: string; bytes: number }> {
  const result = await build({
    stdin: {
      contents: `import { z } from 'zod';
        const issue = z.object({ id: z.string() }).safeParse({ id: 1 }).error.issues[0];
        module.exports = { locales: Object.keys(z.locales), message: issue.message };`,
      resolveDir: import.meta.dirname,
      loader: 'js',
    },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    plugins: plugins as never,
  });
  const code = result.outputFiles[0]!.text;
  const module = { exports: {} as { locales: string[]; message: string } };
  new Function('module', 'require', code)(module, () => {
    throw new Error('no require expected');
  });
  return { ...module.exports, bytes: code.length };
}

describe('zod-english-only (bundles keep only the English locale of zod)', () => {
  it('leaves z.locales with English only, and zod still formats its issues in English', async () => {
    const all = await bundleAndRun([]);
    const english = await bundleAndRun([zodEnglishOnly()]);
    expect(all.locales.length).toBeGreaterThan(30);
    expect(english.locales).toEqual(['en']);
    expect(english.message).toBe(all.message);
    expect(english.message).toMatch(/expected string/i);
    // What it is for: the other locales are a large part of zod.
    expect(all.bytes - english.bytes).toBeGreaterThan(200_000);
  });
});
