import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { variantDocx } from '../../../../packages/core/test/variants/docx-variant.js';
import { packAndInstall, type PackedInstall } from '../../../../scripts/pack-install.js';
import { repoRoot, seedsDir } from '../helpers/run-cli.js';

/**
 * The CLI as people outside this repository get it: `npm pack` of apps/cli, `npm install --global` of the
 * tarball into an empty prefix, offline (nothing from a registry), then the installed `nianbao` run from an
 * empty folder, with no trace of the repository on PATH, on a seed and on a Word document.
 */
let installed: PackedInstall;
beforeAll(() => {
  installed = packAndInstall(path.join(repoRoot, 'apps/cli'));
}, 180_000);
afterAll(() => installed?.remove());

describe('the packed CLI installed outside the repository', () => {
  it('is one tarball whose manifest needs no registry package and states the Node versions', () => {
    expect(path.basename(installed.tarball)).toMatch(/^nianbao-cli-\d+\.\d+\.\d+\.tgz$/u);
    expect(installed.manifest.dependencies ?? {}).toEqual({});
    expect(installed.manifest.engines?.node).toBe('>=22.12');
  });

  it('validates a seed report: exit 1 and its failed equations on the total row', () => {
    copyFileSync(path.join(seedsDir, '003_136fd1d98cf7f7a0.txt'), path.join(installed.work, 'report.txt'));
    const result = installed.run('nianbao', ['validate', 'report.txt', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const output = JSON.parse(result.stdout) as { files: Array<{ template: { id: string }; diagnostics: Array<{ code: string; message: string }> }> };
    expect(output.files[0].template.id).toBe('gov-disclosure-2019');
    const equations = output.files[0].diagnostics.filter((d) => d.code === 'arithmetic/equation');
    expect(equations.length).toBeGreaterThanOrEqual(2);
    for (const equation of equations) expect(equation.message).toContain('（七）总计');
  });

  it('validates a Word document', async () => {
    writeFileSync(path.join(installed.work, 'report.docx'), await variantDocx());
    const result = installed.run('nianbao', ['validate', 'report.docx']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('report.docx');
    expect(result.stdout).toContain('gov-disclosure-2021');
    expect([0, 1]).toContain(result.status);
  });

  it('is refused by an older Node with a clear message', () => {
    const result = installed.runWithOlderNode('nianbao', ['--version']);
    if (!result) return;
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('needs Node.js 22.12 or later');
  });
});
