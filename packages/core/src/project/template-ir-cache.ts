import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TemplateDiagnostic, TemplateSourceFile, TemplateSourceResolver } from '@nianbao/template-language';
import type { CompileOptions, CompileResult } from '../compiler/compile-template.js';
import { resolveBuiltinTemplateSource } from '../templates/builtin-templates.js';

/**
 * Compiled template IR kept on disk between runs, so that a project's template is compiled from its DSL
 * source (which loads Langium and takes about a second) once, not on every run of the command line.
 *
 * An entry is found by a hash of the template's text, its file name and the compiler's version, and it
 * records every template the compile read through `extends` (its file and a hash of its text, or that it
 * was not found): the entry is used only while each of them still reads the same. An entry that cannot
 * be read, is not JSON, does not pass the IR schema (checked with zod when read back) or is stale is
 * ignored and replaced. Entries are written to a temporary file and renamed, so a reader never sees half
 * of one. Only compiles that produced an IR are kept; a template with errors is compiled every time.
 */
export interface TemplateIrCache {
  /** Compiles like `compileTemplate` (from `@nianbao/core/compiler`), or gives the result kept from an earlier run. */
  compile(text: string, options?: CompileOptions): Promise<CompileResult>;
}

/** Options of {@link DiskTemplateIrCache}. */
export interface DiskTemplateIrCacheOptions {
  /** The directory of the entries (created when the first entry is written). */
  directory: string;
  /**
   * The version of the compiler: entries of another version are never used. Must change whenever the
   * compiler or the IR may change (the bundled command line passes a hash of the sources it was built from).
   */
  version: string;
  /** Entries kept at most; the least recently written are removed beyond it (default 200). */
  maxEntries?: number;
}

/** The format of an entry file; a change makes older entries unreadable (and so ignored). */
const entryFormat = 1;

/** A template the compile read through `extends`, as it was then. */
interface Dependency {
  id: string;
  /** The file it was read from and a hash of its text; absent when the id was not found. */
  uri?: string;
  sha256?: string;
}

/** The keeper of compiled template IR in one directory (see {@link TemplateIrCache}). */
export class DiskTemplateIrCache implements TemplateIrCache {
  private readonly maxEntries: number;

  constructor(private readonly options: DiskTemplateIrCacheOptions) {
    this.maxEntries = options.maxEntries ?? 200;
  }

  async compile(text: string, options: CompileOptions = {}): Promise<CompileResult> {
    const resolveBase = options.resolveBase ?? resolveBuiltinTemplateSource;
    const { createHash } = await import('node:crypto');
    const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
    const key = sha256(JSON.stringify([entryFormat, this.options.version, options.uri ?? '', text]));
    const file = path.join(this.options.directory, `${key}.json`);
    const kept = await this.read(file, key, resolveBase, sha256);
    if (kept) return kept;
    const dependencies: Dependency[] = [];
    const recording: TemplateSourceResolver = (id) => {
      const found = resolveBase(id);
      dependencies.push(found ? { id, uri: found.uri, sha256: sha256(found.text) } : { id });
      return found;
    };
    const { compileTemplate } = await import('../compiler/compile-template.js');
    const result = await compileTemplate(text, { ...options, resolveBase: recording });
    if (result.ir) await this.write(file, { format: entryFormat, key, dependencies, ir: result.ir, diagnostics: result.diagnostics });
    return result;
  }

  /** The kept result, or undefined when there is none usable. Never throws. */
  private async read(file: string, key: string, resolveBase: TemplateSourceResolver, sha256: (text: string) => string): Promise<CompileResult | undefined> {
    let value: unknown;
    try {
      value = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      return undefined;
    }
    try {
      const checked = (await entrySchema()).safeParse(value);
      if (!checked.success || checked.data.key !== key) return undefined;
      const entry = checked.data;
      for (const dependency of entry.dependencies) {
        if (!sameSource(resolveBase(dependency.id), dependency, sha256)) return undefined;
      }
      return { ir: entry.ir, diagnostics: entry.diagnostics as TemplateDiagnostic[] };
    } catch {
      return undefined;
    }
  }

  /** Writes an entry atomically (temporary file, then rename); a failure only means no entry. */
  private async write(file: string, entry: object): Promise<void> {
    const temporary = `${file}.${process.pid}-${(temporaryCount += 1)}.tmp`;
    try {
      await mkdir(this.options.directory, { recursive: true });
      await writeFile(temporary, JSON.stringify(entry));
      await rename(temporary, file);
      await this.prune();
    } catch {
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }

  /** Removes the entries written longest ago beyond {@link DiskTemplateIrCacheOptions.maxEntries}. */
  private async prune(): Promise<void> {
    const names = (await readdir(this.options.directory)).filter((name) => name.endsWith('.json'));
    if (names.length <= this.maxEntries) return;
    const dated = await Promise.all(
      names.map(async (name) => {
        const full = path.join(this.options.directory, name);
        return { full, time: await stat(full).then((info) => info.mtimeMs, () => 0) };
      }),
    );
    dated.sort((a, b) => a.time - b.time);
    for (const { full } of dated.slice(0, dated.length - this.maxEntries)) await rm(full, { force: true });
  }
}

function sameSource(found: TemplateSourceFile | undefined, dependency: Dependency, sha256: (text: string) => string): boolean {
  if (!found) return dependency.uri === undefined;
  return found.uri === dependency.uri && sha256(found.text) === dependency.sha256;
}

/** Temporary files written by this process (with its id, a unique name); node:crypto is not loaded for it. */
let temporaryCount = 0;

/** Schema of an entry file: zod and the IR schema are loaded only when an entry is read back. */
async function entrySchema() {
  const [{ z }, { templateIRSchema }] = await Promise.all([import('zod'), import('../ir/template-ir.js')]);
  const position = z.object({ line: z.number(), column: z.number(), offset: z.number() });
  const diagnostic = z.object({
    code: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.object({ 'zh-CN': z.string(), en: z.string() }),
    range: z.object({ start: position, end: position }),
    uri: z.string().optional(),
  });
  return z.object({
    format: z.literal(entryFormat),
    key: z.string(),
    dependencies: z.array(z.object({ id: z.string(), uri: z.string().optional(), sha256: z.string().optional() })),
    ir: templateIRSchema,
    diagnostics: z.array(diagnostic),
  });
}
