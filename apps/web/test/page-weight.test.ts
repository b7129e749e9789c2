import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), '../scripts/page-weight.mjs');
const dist = mkdtempSync(path.join(tmpdir(), 'nianbao-page-weight-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('the page weight', () => {
  it('counts the files the page loads, not those an older build left in dist/', () => {
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<script type="module" src="/assets/index-new.js"></script>');
    writeFileSync(path.join(dist, 'assets/index-new.js'), `new Worker(new URL("check-worker-new.js", import.meta.url));${' '.repeat(1000)}`);
    writeFileSync(path.join(dist, 'assets/check-worker-new.js'), `import("./convert-docx-new.js");${' '.repeat(2000)}`);
    writeFileSync(path.join(dist, 'assets/convert-docx-new.js'), `/* Word reader */${' '.repeat(4000)}`);
    writeFileSync(path.join(dist, 'assets/index-old.js'), ' '.repeat(100_000));
    writeFileSync(path.join(dist, 'assets/check-worker-old.js'), ' '.repeat(100_000));
    const printed = execFileSync(process.execPath, [script, dist], { encoding: 'utf8' });
    expect(printed).not.toContain('-old.js');
    expect(printed).toMatch(/page weight: 3 KiB, .* a \.docx adds 4 KiB/);
  });
});
