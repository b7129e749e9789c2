import path from 'node:path';
import type { Locale } from '@nianbao/core';
import type { TemplateIrCache, TemplateRegistry } from '@nianbao/core/project';
import type { Translator } from '../i18n/translate.js';
import type { CliIo } from '../program/cli-io.js';
import { templateIrCache, type TemplateCacheOptions } from './template-cache.js';

/**
 * The options that add templates to detection: `--templates <file|dir>` (repeatable) and `--no-config`;
 * and `--no-cache`, which compiles them on every run.
 */
export interface TemplateSourceOptions extends TemplateCacheOptions {
  templates?: string[];
  /** False with `--no-config`: no project configuration file is looked up. */
  config?: boolean;
}

/**
 * The template registries of one command run (see `@nianbao/core/project`): one per project
 * configuration file found upward from the inputs, plus the `--templates`. Each registry is loaded once,
 * and its problems (templates that do not compile, a broken configuration) are written once to stderr.
 */
export class ProjectTemplates {
  private readonly byConfig = new Map<string, Promise<TemplateRegistry>>();
  private readonly configOfDirectory = new Map<string, Promise<string | undefined>>();
  private readonly cwd: string;
  private cache: Promise<TemplateIrCache | undefined> | undefined;

  constructor(
    private readonly options: TemplateSourceOptions,
    private readonly io: Pick<CliIo, 'cwd' | 'stderr' | 'env'>,
    private readonly locale: Locale,
    private readonly t: Translator,
    /** A template file whose problems are not reported here (`check-template` reports them itself). */
    private readonly exclude?: string,
  ) {
    this.cwd = io.cwd;
  }

  /** The cache of compiled templates of this run (none with `--no-cache`), also for a `--template file.nbt`. */
  irCache(): Promise<TemplateIrCache | undefined> {
    return (this.cache ??= templateIrCache(this.options, this.io.env));
  }

  /** True when only the built-in templates can apply (no `--templates`, configuration lookup off). */
  get builtinOnly(): boolean {
    return (this.options.templates ?? []).length === 0 && this.options.config === false;
  }

  /** The registry for a report file (its directory's configuration), or for the working directory. */
  async forFile(file: string | undefined): Promise<TemplateRegistry> {
    const directory = file === undefined ? this.cwd : path.dirname(path.resolve(this.cwd, file));
    const project = await import('@nianbao/core/project');
    let config: Promise<string | undefined> | undefined = this.configOfDirectory.get(directory);
    if (!config) {
      config = this.options.config === false ? Promise.resolve(undefined) : project.findProjectConfig(directory);
      this.configOfDirectory.set(directory, config);
    }
    const key = (await config) ?? '';
    const irCache = await this.irCache();
    let registry = this.byConfig.get(key);
    if (!registry) {
      registry = project
        .loadTemplateRegistry({
          ...(key === '' ? {} : { configFrom: path.dirname(key) }),
          templates: this.options.templates ?? [],
          cwd: this.cwd,
          ...(irCache && { irCache }),
        })
        .then(async (loaded) => {
          await this.report(loaded);
          return loaded;
        });
      this.byConfig.set(key, registry);
    }
    return registry;
  }

  private async report(registry: TemplateRegistry): Promise<void> {
    for (const problem of registry.problems) {
      if (this.exclude !== undefined && path.resolve(this.cwd, this.exclude) === problem.file) continue;
      const shown = path.relative(this.cwd, problem.file) || problem.file;
      if (problem.reason !== undefined) this.io.stderr.write(`${this.t('template-file-problem', { path: shown, reason: problem.reason })}\n`);
      if (problem.diagnostics.length === 0) continue;
      const { formatTemplateDiagnostics } = await import('@nianbao/core/compiler');
      const diagnostics = problem.diagnostics.map((d) => ({ ...d, uri: d.uri ? path.relative(this.cwd, d.uri) || d.uri : shown }));
      this.io.stderr.write(`${formatTemplateDiagnostics(diagnostics, { language: this.locale })}\n`);
    }
  }
}
