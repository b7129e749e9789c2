import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { declaredTemplateId, findProjectConfig, loadTemplateRegistry, TemplateRegistryCache } from '../../src/project/index.js';

const repositoryRoot = new URL('../../../../', import.meta.url);
const example = readFileSync(new URL('grammars/examples/next-revision.nbt', repositoryRoot), 'utf8');

const made: string[] = [];
afterEach(() => {
  for (const directory of made.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** A project directory: `nianbao.config.json` listing `templates/`, the example in it, and `reports/2025/`. */
function project(config: unknown = { templates: ['templates'] }): string {
  const root = mkdtempSync(path.join(tmpdir(), 'nianbao-project-'));
  made.push(root);
  mkdirSync(path.join(root, 'templates'));
  mkdirSync(path.join(root, 'reports', '2025'), { recursive: true });
  writeFileSync(path.join(root, 'templates', 'next.nbt'), example);
  writeFileSync(path.join(root, 'nianbao.config.json'), JSON.stringify(config));
  return root;
}

describe('project templates (nianbao.config.json, --templates)', () => {
  it('finds the nearest configuration file upward from a report', async () => {
    const root = project();
    expect(await findProjectConfig(path.join(root, 'reports', '2025'))).toBe(path.join(root, 'nianbao.config.json'));
    writeFileSync(path.join(root, 'reports', 'nianbao.config.json'), '{}');
    expect(await findProjectConfig(path.join(root, 'reports', '2025'))).toBe(path.join(root, 'reports', 'nianbao.config.json'));
  });

  it('adds the configured templates after the built-in ones, with their origin, and closes superseded years', async () => {
    const root = project();
    const registry = await loadTemplateRegistry({ configFrom: path.join(root, 'reports', '2025', 'a.md') });
    expect(registry.problems).toEqual([]);
    expect(registry.config).toBe(path.join(root, 'nianbao.config.json'));
    expect(registry.entries.map((entry) => [entry.ir.id, entry.origin.kind])).toEqual([
      ['gov-disclosure-2019', 'builtin'],
      ['gov-disclosure-2021', 'builtin'],
      ['gov-disclosure-pre2019', 'builtin'],
      ['example-next-revision', 'config'],
    ]);
    expect(registry.entries[3].origin).toEqual({
      kind: 'config',
      file: path.join(root, 'templates', 'next.nbt'),
      config: path.join(root, 'nianbao.config.json'),
    });
    expect(registry.templates.find((template) => template.id === 'gov-disclosure-2021')?.years).toEqual({ from: 2021, to: 2024 });
  });

  it('adds templates given explicitly (--templates) the same way, without a configuration', async () => {
    const root = project();
    const registry = await loadTemplateRegistry({ templates: [path.join('templates', 'next.nbt')], cwd: root });
    expect(registry.config).toBeUndefined();
    expect(registry.entries.map((entry) => entry.origin.kind)).toEqual(['builtin', 'builtin', 'builtin', 'option']);
  });

  it('lets a project template extend another project template', async () => {
    const root = project();
    writeFileSync(
      path.join(root, 'templates', 'province.nbt'),
      'template province-2026 extends example-next-revision {\n    title "某省格式"\n    years 2026 onward\n    supersedes example-next-revision\n}\n',
    );
    const registry = await loadTemplateRegistry({ configFrom: root });
    expect(registry.problems).toEqual([]);
    expect(registry.templates.map((template) => [template.id, template.years])).toEqual([
      ['gov-disclosure-2019', { from: 2019, to: 2020 }],
      ['gov-disclosure-2021', { from: 2021, to: 2024 }],
      ['gov-disclosure-pre2019', { from: 2008, to: 2018 }],
      ['example-next-revision', { from: 2025, to: 2025 }],
      ['province-2026', { from: 2026 }],
    ]);
  });

  it('reports a broken configuration and a template with errors, and keeps the built-in templates', async () => {
    const root = project({ templates: 'templates' });
    const broken = await loadTemplateRegistry({ configFrom: root });
    expect(broken.problems.map((problem) => problem.file)).toEqual([path.join(root, 'nianbao.config.json')]);
    expect(broken.templates.map((template) => template.id)).toEqual(['gov-disclosure-2019', 'gov-disclosure-2021', 'gov-disclosure-pre2019']);
    writeFileSync(path.join(root, 'nianbao.config.json'), JSON.stringify({ templates: ['templates'] }));
    writeFileSync(path.join(root, 'templates', 'next.nbt'), example.replace('years 2025 onward', 'years 2025 to 2020'));
    const failing = await loadTemplateRegistry({ configFrom: root });
    expect(failing.problems[0].diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['years-reversed']);
    expect(failing.templates.map((template) => template.id)).toEqual(['gov-disclosure-2019', 'gov-disclosure-2021', 'gov-disclosure-pre2019']);
  });

  it('caches a registry per configuration and reloads it when a template file changes', async () => {
    const root = project();
    const cache = new TemplateRegistryCache();
    const first = await cache.forPath(path.join(root, 'reports', '2025', 'a.md'));
    expect(await cache.forPath(path.join(root, 'reports', 'b.md'))).toBe(first);
    writeFileSync(path.join(root, 'templates', 'next.nbt'), example.replace('years 2025 onward', 'years 2026 onward') + '\n');
    const second = await cache.forPath(path.join(root, 'reports', 'b.md'));
    expect(second).not.toBe(first);
    expect(second.templates.find((template) => template.id === 'example-next-revision')?.years).toEqual({ from: 2026 });
  });

  it('reads the declared id of a template before compiling it', () => {
    expect(declaredTemplateId('// template not-this\n/* template nor-this */ template the-id extends x {')).toBe('the-id');
    expect(declaredTemplateId('nothing')).toBeUndefined();
  });
});
