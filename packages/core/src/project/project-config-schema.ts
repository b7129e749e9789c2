/**
 * What a project configuration file (`nianbao.config.json`, see `project-config.ts`) may hold: the schema,
 * and the usual shape checked without it.
 */

/**
 * Schema of the configuration file. zod is loaded only when a configuration file does not have the usual
 * shape ({@link usualConfig}), to say what is wrong with it: checking reports without one (most runs of the
 * command line) or with a usual one does not load it.
 */
export async function projectConfigSchema() {
  const { z } = await import('zod');
  return z
    .object({
      /** Template files or directories, relative to the configuration file. */
      templates: z.array(z.string().min(1)).default([]),
    })
    .strict();
}

/**
 * The configuration as the schema gives it, when `value` has the usual shape: an object with no key but
 * `templates`, a list of non-empty strings when present. Anything else (which the schema may still accept
 * or reject) gives undefined, and is checked with the schema. Loading zod cost a run with a project
 * template about 7 ms of its 290 (CPU profiles of ten runs), a fifth of what the project added to the run.
 */
export function usualConfig(value: unknown): { templates: string[] } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length > 1 || (keys.length === 1 && keys[0] !== 'templates')) return undefined;
  const templates = keys.length === 0 ? [] : (value as { templates: unknown }).templates;
  if (!Array.isArray(templates) || !templates.every((entry) => typeof entry === 'string' && entry.length > 0)) return undefined;
  return { templates: [...(templates as string[])] };
}
