import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'langium-cli';
import { afterAll, describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const workDirectory = mkdtempSync(join(tmpdir(), 'nianbao-langium-'));

afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

describe('Langium generated files', () => {
  it('src/generated is what `langium generate` makes of the grammar (run `npm run langium:generate` when this fails)', async () => {
    cpSync(join(packageRoot, 'langium-config.json'), join(workDirectory, 'langium-config.json'));
    cpSync(join(packageRoot, 'src/nianbao-template.langium'), join(workDirectory, 'src/nianbao-template.langium'));
    const log = console.log;
    console.log = () => undefined;
    try {
      expect(await generate({ file: join(workDirectory, 'langium-config.json') })).toBe(true);
    } finally {
      console.log = log;
    }
    const committed = readdirSync(join(packageRoot, 'src/generated')).sort();
    const fresh = readdirSync(join(workDirectory, 'src/generated')).sort();
    expect(committed).toEqual(fresh);
    for (const file of fresh) {
      const expected = readFileSync(join(workDirectory, 'src/generated', file), 'utf8');
      const actual = readFileSync(join(packageRoot, 'src/generated', file), 'utf8');
      expect(actual === expected, `src/generated/${file} is stale`).toBe(true);
    }
  });
});
