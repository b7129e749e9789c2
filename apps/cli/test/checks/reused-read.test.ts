import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile, checkFileAtOnce } from '../../src/checks/check-file.js';
import type { CheckSettings } from '../../src/checks/check-settings.js';
import { maxReusedBytes, readReusing } from '../../src/checks/reused-read.js';
import { variantDocx } from '../../../../packages/core/test/variants/docx-variant.js';
import { repoRoot, seedsDir } from '../helpers/run-cli.js';

const directory = mkdtempSync(path.join(tmpdir(), 'nianbao-reused-read-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** A file of `size` bytes of a pattern that differs from file to file. */
function fileOf(name: string, size: number, seed: number): string {
  const file = path.join(directory, name);
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff;
  writeFileSync(file, bytes);
  return file;
}

describe('readReusing', () => {
  it('gives the bytes readFileSync gives, for files smaller and larger than the kept buffer, empty and too large to keep', () => {
    const files = [
      fileOf('a', 10, 1),
      fileOf('b', 5000, 2),
      fileOf('c', 300_000, 3),
      fileOf('d', 7, 4),
      fileOf('empty', 0, 5),
      fileOf('large', maxReusedBytes + 1, 6),
      fileOf('e', 200_000, 7),
    ];
    for (const file of files) expect(Buffer.from(readReusing(file)).equals(readFileSync(file))).toBe(true);
  });

  it('reads small files into one kept buffer, written over by the next read; a file too large to keep gets its own', () => {
    const first = readReusing(fileOf('f', 100, 8));
    const copy = Buffer.from(first);
    const second = readReusing(fileOf('g', 100, 9));
    expect(second.buffer).toBe(first.buffer);
    expect(Buffer.from(first).equals(copy)).toBe(false);
    const large = readReusing(fileOf('large2', maxReusedBytes + 10, 10));
    expect(large.buffer).not.toBe(second.buffer);
    expect(readReusing(fileOf('h', 50, 11)).buffer).toBe(second.buffer);
  });

  it('throws as readFileSync does for a missing file or a directory', () => {
    expect(() => readReusing(path.join(directory, 'missing'))).toThrow(/ENOENT/);
    expect(() => readReusing(directory)).toThrow(/EISDIR/);
  });
});

describe('checkFileAtOnce reading into the kept buffer', () => {
  const settings: CheckSettings = { template: 'auto', templateSets: [], locale: 'zh-CN', fix: false, wantLines: true, wantFingerprints: true };
  const variants = path.join(repoRoot, 'packages/core/test/fixtures/variants');
  const files = [
    ...readdirSync(seedsDir).map((name) => path.join(seedsDir, name)),
    ...readdirSync(variants)
      .filter((name) => /\.(html|txt|md|docx)$/.test(name))
      .map((name) => path.join(variants, name)),
  ];

  it('gives every outcome checkFile gives, each kept until all files are checked (none holds a view of the buffer)', async () => {
    // A Word document among them, once first, once between text reports (checkFile loads the Word reader).
    const docx = path.join(directory, 'variant.docx');
    writeFileSync(docx, await variantDocx());
    files.unshift(docx);
    files.splice(6, 0, docx);
    expect(files.length).toBeGreaterThan(8);
    const expected = [];
    for (const [index, file] of files.entries()) expected.push(await checkFile({ index, path: file, file }, settings));
    const atOnce = files.map((file, index) => checkFileAtOnce({ index, path: file, file }, settings));
    expect(atOnce.filter((outcome) => outcome === undefined)).toEqual([]);
    expect(JSON.parse(JSON.stringify(atOnce))).toEqual(JSON.parse(JSON.stringify(expected)));
  });
});
