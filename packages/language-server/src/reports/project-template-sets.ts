import path from 'node:path';
import type { TemplateIR } from '@nianbao/core';
import type { TemplateRegistry } from '@nianbao/core/project';
import { TemplateRegistryCache } from '@nianbao/core/project';
import { URI } from 'langium';

/** The least time between two refreshes of one directory's templates (configuration and template files on disk). */
const refreshMs = 1000;

/** The file-system path of a `file:` URI (other schemes have no project). */
function fileSystemPath(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The templates of a report's project — the built-in ones and those of the nearest `nianbao.config.json`
 * above the report — resolved by `@nianbao/core/project` exactly as the CLI resolves them. Loading is
 * asynchronous: until a directory's registry is loaded the built-in templates apply, and `onChange` asks
 * for the report to be checked again when its registry is (re)loaded or changed on disk.
 */
export class ProjectTemplateSets {
  private cache: TemplateRegistryCache;
  private readonly loaded = new Map<string, TemplateRegistry>();
  /** Directories whose registry is being refreshed, and when each was last refreshed (ms since the epoch). */
  private readonly refreshing = new Set<string>();
  private readonly refreshed = new Map<string, number>();

  /**
   * @param onChange called with a report's URI when the templates of its project changed
   * @param templates template files or directories added to every project (the `nianbao.templates` setting)
   */
  constructor(
    private readonly onChange: (uri: string) => void,
    templates: readonly string[] = [],
  ) {
    this.cache = new TemplateRegistryCache(templates);
  }

  /**
   * Replaces the template files and directories added to every project (the `nianbao.templates` setting;
   * absolute paths, or relative to `cwd`). Reports are loaded again on their next check.
   */
  setTemplates(templates: readonly string[], cwd?: string): void {
    this.cache = new TemplateRegistryCache(templates, cwd);
    this.refreshed.clear();
  }

  /** The templates of the report at `fsPath` as last loaded (undefined before the first load); refreshed in the background. */
  templatesFor(uri: string): TemplateIR[] | undefined {
    const fsPath = fileSystemPath(uri);
    if (fsPath === undefined) return undefined;
    const directory = path.dirname(fsPath);
    const known = this.loaded.get(directory);
    // Checked again at most every `refreshMs` per directory, and never twice at once: each refresh looks for
    // the configuration file in every directory up to the root and stats the template files (every edit of
    // a report is checked, and keystrokes come faster than that).
    const now = Date.now();
    if (this.refreshing.has(directory) || now - (this.refreshed.get(directory) ?? -Infinity) < refreshMs) return known?.templates;
    this.refreshing.add(directory);
    this.refreshed.set(directory, now);
    this.cache
      .forPath(fsPath)
      .finally(() => this.refreshing.delete(directory))
      .then((registry) => {
        if (registry === this.loaded.get(directory)) return;
        this.loaded.set(directory, registry);
        for (const problem of registry.problems) {
          console.error(`nianbao: ${problem.file}: ${problem.reason ?? problem.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`).join('; ')}`);
        }
        this.onChange(uri);
      })
      .catch((error: unknown) => console.error('nianbao: loading the project templates failed', error));
    return known?.templates;
  }
}
