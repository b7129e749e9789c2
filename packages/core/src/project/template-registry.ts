import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { TemplateDiagnostic } from '@nianbao/template-language';
import type { TemplateIR } from '../ir/template-ir.js';
import { builtinTemplates, resolveBuiltinTemplateSource } from '../templates/builtin-templates.js';
import { builtinTemplateSources } from '../compiler/builtin-template-sources.js';
import { withSupersession } from '../templates/template-set.js';
import { findProjectConfig, readProjectConfig, ProjectConfigError } from './project-config.js';
import type { TemplateIrCache } from './template-ir-cache.js';

/**
 * The one place that decides which templates a report is detected among, for every surface (CLI,
 * language server, scripts): the built-in templates, the templates of the nearest project configuration
 * file, and templates given explicitly (`--templates`). Added templates may `extend` built-in ones and
 * each other; one with the id of a built-in template replaces it; `supersedes` closes years.
 */

/** Where a template of a registry comes from. */
export type TemplateOrigin =
  | { kind: 'builtin'; file: string }
  | { kind: 'config'; file: string; config: string }
  | { kind: 'option'; file: string };

/** A template of a registry, with its origin. */
export interface RegisteredTemplate {
  ir: TemplateIR;
  origin: TemplateOrigin;
}

/** A template file that could not be used, with its diagnostics (or the reason it could not be read). */
export interface TemplateLoadProblem {
  file: string;
  diagnostics: TemplateDiagnostic[];
  /** When the file itself could not be read or the configuration is broken. */
  reason?: string;
}

/** The templates a report is checked among. */
export interface TemplateRegistry {
  /** Every template, built-in ones first, with supersession applied to the years. */
  entries: RegisteredTemplate[];
  /** The IRs of `entries`, in order (what detection and validation take). */
  templates: TemplateIR[];
  /** Template files and configuration problems (also warnings of templates that compiled). */
  problems: TemplateLoadProblem[];
  /** The configuration file used, if any. */
  config?: string;
  /** The files read (configuration and templates), to tell when the registry is stale. */
  files: string[];
  /** Finds a template's source by id for `extends` (the registry's added templates, then the built-in ones). */
  resolveBase: (id: string) => { uri: string; text: string } | undefined;
}

/** What to load. */
export interface TemplateRegistryOptions {
  /** Directory (or file) from which the configuration file is looked up; none: no configuration. */
  configFrom?: string;
  /** Template files or directories given explicitly (absolute, or relative to `cwd`). */
  templates?: readonly string[];
  cwd?: string;
  /** Where compiled templates are kept between runs (see {@link TemplateIrCache}); none: every template is compiled. */
  irCache?: TemplateIrCache;
}

/** A template file found in a configuration or option, with its text. */
interface TemplateFile {
  file: string;
  text: string;
  id: string | undefined;
  origin: TemplateOrigin;
}

/** Load the registry for a report (or directory): built-ins, the nearest configuration's templates, explicit ones. */
export async function loadTemplateRegistry(options: TemplateRegistryOptions = {}): Promise<TemplateRegistry> {
  const cwd = options.cwd ?? process.cwd();
  const problems: TemplateLoadProblem[] = [];
  const files: string[] = [];
  const found: TemplateFile[] = [];
  let config: string | undefined;
  if (options.configFrom !== undefined) {
    const start = await directoryOf(path.resolve(cwd, options.configFrom));
    config = await findProjectConfig(start);
    if (config) {
      files.push(config);
      try {
        const read = await readProjectConfig(config);
        for (const entry of read.templates) found.push(...(await templateFiles(entry, { kind: 'config', file: entry, config }, problems, files)));
      } catch (error) {
        problems.push({ file: config, diagnostics: [], reason: error instanceof ProjectConfigError ? error.detail : String(error) });
      }
    }
  }
  for (const entry of options.templates ?? []) {
    const file = path.resolve(cwd, entry);
    found.push(...(await templateFiles(file, { kind: 'option', file }, problems, files)));
  }
  files.push(...found.map((template) => template.file));
  const byId = new Map(found.filter((template) => template.id !== undefined).map((template) => [template.id!, template]));
  const resolveBase = (id: string) => {
    const own = byId.get(id);
    return own ? { uri: own.file, text: own.text } : resolveBuiltinTemplateSource(id);
  };
  const entries: RegisteredTemplate[] = builtinTemplates.map((ir) => ({
    ir,
    origin: { kind: 'builtin', file: builtinTemplateSources.find((source) => source.id === ir.id)?.file ?? '' },
  }));
  const seen = new Set<string>();
  // The compiler (and the template language behind it) is loaded only when there is something to compile
  // that the cache does not hold.
  const compile = options.irCache
    ? (text: string, file: string) => options.irCache!.compile(text, { uri: file, resolveBase })
    : async (text: string, file: string) => (await import('../compiler/compile-template.js')).compileTemplate(text, { uri: file, resolveBase });
  for (const template of found) {
    if (seen.has(template.file)) continue;
    seen.add(template.file);
    const result = await compile(template.text, template.file);
    const reported = result.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info');
    if (reported.length > 0) problems.push({ file: template.file, diagnostics: reported });
    if (!result.ir) continue;
    const index = entries.findIndex((entry) => entry.ir.id === result.ir!.id);
    const entry: RegisteredTemplate = { ir: result.ir, origin: template.origin };
    if (index >= 0) entries[index] = entry;
    else entries.push(entry);
  }
  const templates = withSupersession(entries.map((entry) => entry.ir));
  entries.forEach((entry, index) => (entry.ir = templates[index]));
  return { entries, templates, problems, files, resolveBase, ...(config ? { config } : {}) };
}

async function directoryOf(target: string): Promise<string> {
  const info = await stat(target).catch(() => undefined);
  return info?.isDirectory() ? target : path.dirname(target);
}

/** The `.nbt` files of a path (the file itself, or every `.nbt` under a directory, sorted). */
async function templateFiles(target: string, origin: TemplateOrigin, problems: TemplateLoadProblem[], files: string[]): Promise<TemplateFile[]> {
  const info = await stat(target).catch(() => undefined);
  if (!info) {
    problems.push({ file: target, diagnostics: [], reason: 'not found' });
    return [];
  }
  let list = [target];
  if (info.isDirectory()) {
    files.push(target);
    const names = await readdir(target, { recursive: true });
    list = names
      .filter((name) => name.toLowerCase().endsWith('.nbt'))
      .sort()
      .map((name) => path.join(target, name));
  }
  const out: TemplateFile[] = [];
  for (const file of list) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) {
      problems.push({ file, diagnostics: [], reason: 'unreadable' });
      continue;
    }
    out.push({ file, text, id: declaredTemplateId(text), origin: origin.kind === 'config' ? { ...origin, file } : { ...origin, file } });
  }
  return out;
}

/** The id after `template` in a template text (comments skipped), for resolving `extends` before compiling. */
export function declaredTemplateId(text: string): string | undefined {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n\r]*/g, ' ');
  return /(?:^|\s)template\s+([_a-zA-Z][\w]*(?:-[\w]+)*)/.exec(code)?.[1];
}

/** Registries cached per configuration file and explicit templates, reloaded when one of their files changes. */
export class TemplateRegistryCache {
  private readonly cache = new Map<string, { registry: TemplateRegistry; stamps: string }>();

  /** @param templates explicit template paths added to every registry  @param cwd base of relative paths */
  constructor(
    private readonly templates: readonly string[] = [],
    private readonly cwd = process.cwd(),
  ) {}

  /** The registry for a report file (or directory). */
  async forPath(target: string): Promise<TemplateRegistry> {
    const start = await directoryOf(path.resolve(this.cwd, target));
    const config = (await findProjectConfig(start)) ?? '';
    const key = config;
    const cached = this.cache.get(key);
    if (cached && (await stampsOf(cached.registry.files)) === cached.stamps) return cached.registry;
    const registry = await loadTemplateRegistry({ configFrom: start, templates: this.templates, cwd: this.cwd });
    this.cache.set(key, { registry, stamps: await stampsOf(registry.files) });
    return registry;
  }

  /** Forget every registry (e.g. when a template file was saved). */
  clear(): void {
    this.cache.clear();
  }
}

async function stampsOf(files: readonly string[]): Promise<string> {
  const stamps = await Promise.all(files.map((file) => stat(file).then((info) => `${info.mtimeMs}:${info.size}`, () => 'missing')));
  return stamps.join('|');
}
