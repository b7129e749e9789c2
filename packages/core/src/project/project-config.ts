import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { projectConfigSchema, usualConfig } from './project-config-schema.js';

/**
 * A project's configuration file, `nianbao.config.json`, found upward from a report (as `.editorconfig`
 * or ESLint's configuration): the nearest one in the report's directory or one of its ancestors applies.
 *
 * ```json
 * { "templates": ["templates/", "province-2025.nbt"] }
 * ```
 * `templates` lists template files and directories (every `*.nbt` under them), relative to the file.
 */

/** The name of the project configuration file. */
export const projectConfigFileName = 'nianbao.config.json';

/** A project configuration, read and checked. */
export interface ProjectConfig {
  /** Absolute path of the configuration file. */
  file: string;
  /** Absolute paths of the template files and directories it lists. */
  templates: string[];
}

/** A configuration file that cannot be used (not JSON, or not the schema). */
export class ProjectConfigError extends Error {
  /** @param file the configuration file  @param detail what is wrong */
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'ProjectConfigError';
  }
}

/** The nearest `nianbao.config.json` in `directory` or its ancestors, or undefined. */
export async function findProjectConfig(directory: string): Promise<string | undefined> {
  let current = path.resolve(directory);
  for (;;) {
    const candidate = path.join(current, projectConfigFileName);
    const found = await stat(candidate).then(
      (info) => info.isFile(),
      () => false,
    );
    if (found) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Read and check a configuration file; rejects with {@link ProjectConfigError}. */
export async function readProjectConfig(file: string): Promise<ProjectConfig> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ProjectConfigError(file, error instanceof Error ? error.message : String(error));
  }
  let templates = usualConfig(value)?.templates;
  if (templates === undefined) {
    const checked = (await projectConfigSchema()).safeParse(value);
    if (!checked.success) {
      throw new ProjectConfigError(file, checked.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; '));
    }
    templates = checked.data.templates;
  }
  const directory = path.dirname(file);
  return { file, templates: templates.map((entry) => path.resolve(directory, entry)) };
}
