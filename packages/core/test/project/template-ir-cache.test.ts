import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/compiler/compile-template.js';
import { DiskTemplateIrCache, loadTemplateRegistry } from '../../src/project/index.js';
import { resolveBuiltinTemplateSource } from '../../src/templates/builtin-templates.js';

const repositoryRoot = new URL('../../../../', import.meta.url);
const example = readFileSync(new URL('grammars/examples/next-revision.nbt', repositoryRoot), 'utf8');
const derived = (title: string) =>
  `template province-2026 extends example-next-revision {\n    title "${title}"\n    years 2026 onward\n    supersedes example-next-revision\n}\n`;

const made: string[] = [];
afterEach(() => {
  for (const directory of made.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function temporaryDirectory(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'nianbao-ir-cache-'));
  made.push(directory);
  return directory;
}

/** The entry files of a cache directory (and any temporary file left behind). */
function entries(directory: string): string[] {
  return readdirSync(directory).sort();
}

/** An entry's text split into its first line (parsed) and the JSON text after it. */
function entryParts(text: string): { head: { key: string; body: { length: number; crc32: number } }; body: string } {
  const lineEnd = text.indexOf('\n');
  return { head: JSON.parse(text.slice(0, lineEnd)), body: text.slice(lineEnd + 1) };
}

/** An entry's text with another body, and its first line saying that body's length and checksum (as the cache writes it). */
function withBody(text: string, body: string): string {
  const { head } = entryParts(text);
  return `${JSON.stringify({ ...head, body: { length: body.length, crc32: crc32(body) } })}\n${body}`;
}

/** A resolver over a mutable set of project templates (by id), then the built-in ones, as a registry gives one. */
function resolver(files: Map<string, { uri: string; text: string }>) {
  return (id: string) => files.get(id) ?? resolveBuiltinTemplateSource(id);
}

describe('the cache of compiled templates (DiskTemplateIrCache)', () => {
  it('keeps a compiled template and gives it back without compiling it again', async () => {
    const directory = path.join(temporaryDirectory(), 'template-ir');
    const cache = new DiskTemplateIrCache({ directory, version: 'v1' });
    const fresh = await compileTemplate(example, { uri: '/p/next.nbt' });
    const first = await cache.compile(example, { uri: '/p/next.nbt' });
    expect(first).toEqual(fresh);
    const [entry] = entries(directory);
    expect(entries(directory)).toEqual([entry]);
    expect(entry).toMatch(/^[0-9a-f]{8}\.json$/);

    // Proof that the second result comes from the entry, not the compiler: a mark put into the kept IR.
    const file = path.join(directory, entry);
    const written = readFileSync(file, 'utf8');
    const kept = JSON.parse(entryParts(written).body);
    kept.ir.title = 'from the cache';
    writeFileSync(file, withBody(written, JSON.stringify(kept)));
    const second = await cache.compile(example, { uri: '/p/next.nbt' });
    expect(second.ir?.title).toBe('from the cache');
    expect(second.diagnostics).toEqual(fresh.diagnostics);
  });

  it('ignores a corrupt or changed entry (not JSON, or its text not the one written), compiles again and replaces it', async () => {
    const directory = temporaryDirectory();
    const cache = new DiskTemplateIrCache({ directory, version: 'v1' });
    const fresh = await cache.compile(example, { uri: '/p/next.nbt' });
    const file = path.join(directory, entries(directory)[0]);
    const good = readFileSync(file, 'utf8');
    const recompiled = async () => {
      expect(await cache.compile(example, { uri: '/p/next.nbt' })).toEqual(fresh);
      expect(readFileSync(file, 'utf8')).toBe(good);
    };

    // Cut short: in the body, in the first line, or with no line break at all.
    for (const cut of [good.length / 2, good.indexOf('\n') + 1, good.indexOf('\n'), good.indexOf('\n') / 2]) {
      writeFileSync(file, good.slice(0, cut));
      await recompiled();
    }

    // The IR changed after it was written (here to something that is not the IR schema), its hash not.
    const wrong = JSON.parse(entryParts(good).body);
    wrong.ir.tables = 'not tables';
    writeFileSync(file, `${good.slice(0, good.indexOf('\n'))}\n${JSON.stringify(wrong)}`);
    await recompiled();

    // One character of the body changed, the JSON still well formed.
    const { body } = entryParts(good);
    const digit = body.search(/[0-9]/);
    const changedDigit = `${body.slice(0, digit)}${body[digit] === '1' ? '2' : '1'}${body.slice(digit + 1)}`;
    writeFileSync(file, `${good.slice(0, good.indexOf('\n'))}\n${changedDigit}`);
    await recompiled();

    // A first line that is not an entry's, or another template's key (as when two keys share a checksum, so a file name).
    writeFileSync(file, `{"format":3}\n${body}`);
    await recompiled();
    writeFileSync(file, withBody(`${JSON.stringify({ ...entryParts(good).head, key: 'another template' })}\n`, body));
    await recompiled();
    expect(entries(directory)).toEqual([path.basename(file)]);
  });

  it('does not use an entry once a template in the extends chain has changed', async () => {
    const directory = temporaryDirectory();
    const cache = new DiskTemplateIrCache({ directory, version: 'v1' });
    const project = new Map([['example-next-revision', { uri: '/p/next.nbt', text: example }]]);
    const options = { uri: '/p/province.nbt', resolveBase: resolver(project) };
    const before = await cache.compile(derived('某省格式'), options);
    expect(before.ir?.notice).toBe((await compileTemplate(example)).ir?.notice);

    // The base template changes (its notice): the derived template's kept IR is stale.
    const changedBase = example.replace(/notice\s+"([^"]*)"/, 'notice "国办公开办函〔2099〕1号"');
    expect(changedBase).not.toBe(example);
    project.set('example-next-revision', { uri: '/p/next.nbt', text: changedBase });
    const after = await cache.compile(derived('某省格式'), options);
    expect(after.ir?.notice).toBe('国办公开办函〔2099〕1号');
    expect(after).toEqual(await compileTemplate(derived('某省格式'), options));

    // The base template moves to another file: stale as well; gone: the compiler's error, nothing kept.
    project.set('example-next-revision', { uri: '/q/next.nbt', text: changedBase });
    const kept = entries(directory).length;
    await cache.compile(derived('某省格式'), options);
    expect(entries(directory).length).toBe(kept);
    project.delete('example-next-revision');
    const missing = await cache.compile(derived('某省格式'), options);
    expect(missing.ir).toBeUndefined();
    expect(missing.diagnostics.map((diagnostic) => diagnostic.code)).toContain('unknown-base-template');
  });

  it('keys entries by the compiler version, the template text and its file', async () => {
    const directory = temporaryDirectory();
    await new DiskTemplateIrCache({ directory, version: 'v1' }).compile(example, { uri: '/p/next.nbt' });
    await new DiskTemplateIrCache({ directory, version: 'v2' }).compile(example, { uri: '/p/next.nbt' });
    await new DiskTemplateIrCache({ directory, version: 'v2' }).compile(example, { uri: '/q/next.nbt' });
    await new DiskTemplateIrCache({ directory, version: 'v2' }).compile(`${example}\n// edited\n`, { uri: '/q/next.nbt' });
    expect(entries(directory)).toHaveLength(4);
  });

  it('keeps nothing for a template with errors, leaves no temporary file, and keeps at most maxEntries', async () => {
    const directory = temporaryDirectory();
    const cache = new DiskTemplateIrCache({ directory, version: 'v1', maxEntries: 2 });
    const broken = await cache.compile('template broken {', { uri: '/p/broken.nbt' });
    expect(broken.ir).toBeUndefined();
    expect(entries(directory)).toEqual([]);
    for (const title of ['一', '二', '三']) {
      await cache.compile(derived(title), { uri: '/p/province.nbt', resolveBase: resolver(new Map([['example-next-revision', { uri: '/p/next.nbt', text: example }]])) });
    }
    expect(entries(directory)).toHaveLength(2);
    expect(entries(directory).every((name) => name.endsWith('.json'))).toBe(true);
  });

  it('says when it wrote an entry: for a compile it kept, not for a hit, a template with errors or an entry it could not write', async () => {
    const directory = path.join(temporaryDirectory(), 'template-ir');
    let written = 0;
    const cache = new DiskTemplateIrCache({ directory, version: 'v1', onEntryWritten: () => (written += 1) });
    await cache.compile(example, { uri: '/p/next.nbt' });
    expect(written).toBe(1);
    await cache.compile(example, { uri: '/p/next.nbt' });
    expect(written).toBe(1);
    await cache.compile('template broken {', { uri: '/p/broken.nbt' });
    expect(written).toBe(1);
    // A file where the cache's directory would be: nothing can be written, and nothing is said.
    const blocked = path.join(temporaryDirectory(), 'blocked');
    writeFileSync(blocked, '');
    let blockedWritten = 0;
    const unwritable = new DiskTemplateIrCache({ directory: blocked, version: 'v1', onEntryWritten: () => (blockedWritten += 1) });
    expect((await unwritable.compile(example, { uri: '/p/next.nbt' })).ir).toBeDefined();
    expect(blockedWritten).toBe(0);
  });

  it('serves a project registry: the same templates and problems as compiling, without the compiler on a hit', async () => {
    const root = temporaryDirectory();
    mkdirSync(path.join(root, 'templates'));
    writeFileSync(path.join(root, 'templates', 'next.nbt'), example);
    writeFileSync(path.join(root, 'templates', 'province.nbt'), derived('某省格式'));
    writeFileSync(path.join(root, 'nianbao.config.json'), JSON.stringify({ templates: ['templates'] }));
    const irCache = new DiskTemplateIrCache({ directory: path.join(root, 'cache'), version: 'v1' });
    const plain = await loadTemplateRegistry({ configFrom: root });
    const first = await loadTemplateRegistry({ configFrom: root, irCache });
    const second = await loadTemplateRegistry({ configFrom: root, irCache });
    expect(entries(path.join(root, 'cache'))).toHaveLength(2);
    for (const registry of [first, second]) {
      expect(registry.templates).toEqual(plain.templates);
      expect(registry.problems).toEqual(plain.problems);
    }
    // The base template of the project changes: the derived one is compiled again on its new base.
    writeFileSync(path.join(root, 'templates', 'next.nbt'), example.replace(/notice\s+"([^"]*)"/, 'notice "国办公开办函〔2099〕1号"'));
    const third = await loadTemplateRegistry({ configFrom: root, irCache });
    expect(third.templates.find((template) => template.id === 'province-2026')?.notice).toBe('国办公开办函〔2099〕1号');
  });
});
