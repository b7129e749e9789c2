import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TemplateDiagnostic, TemplateSourceFile, TemplateSourceResolver } from '@nianbao/template-language';
import type { CompileOptions, CompileResult } from '../compiler/compile-template.js';
import { resolveBuiltinTemplateSource } from '../templates/builtin-templates.js';

/**
 * Compiled template IR kept on disk between runs, so that a project's template is compiled from its DSL
 * source (which loads Langium and takes about a second) once, not on every run of the command line.
 *
 * An entry is found by a checksum of the template's text, its file name and the compiler's version, and
 * is used only for that text, file and version (kept in the entry: two that share a checksum share a file
 * name, not an entry). It records every template the compile read through `extends` (its file and its
 * text, or that it was not found): the entry is used only while each of them still reads the same. The IR
 * was checked against the IR schema when it was compiled; the entry keeps the length and CRC-32 of the
 * text it was written as, and is used only while its text still has them. An entry that cannot be read,
 * is not JSON, has changed since it was written or is stale is ignored and replaced. Entries are written
 * to a temporary file and renamed, so a reader never sees half of one. Only compiles that produced an IR
 * are kept; a template with errors is compiled every time.
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
  /**
   * Called once an entry was written for a template compiled from its source: later runs will read it back
   * instead of compiling it (the command line then keeps no code cache of this run, whose code they do not run).
   */
  onEntryWritten?: () => void;
}

/**
 * The format of an entry file; a change makes older entries unreadable (and so ignored). Format 3: a first
 * line, the {@link EntryHead} as JSON, then the {@link EntryBody} as JSON (JSON text holds no raw line break).
 * Format 1 kept one JSON object and checked its IR with the IR schema (zod) when read back; format 2 kept
 * SHA-256 hashes (`node:crypto`, whose modules this process compiles from source once V8's flags are set),
 * format 3 CRC-32 checksums (`node:zlib`, fewer modules) and the texts themselves where equality is
 * meant. A `validate` of one report with a project template (callgrind): 841 M instructions with format
 * 1, 746 M with format 2; once the configuration file was read without zod too, 719 M with format 2 and
 * 685 M with format 3 (a run with the built-in templates only: 619 M).
 */
const entryFormat = 3;

/** The first line of an entry: what tells whether it may be used, and the checksum of the rest. */
interface EntryHead {
  format: typeof entryFormat;
  /** What the entry is for: the format, the compiler's version, the template's file and text, as JSON. */
  key: string;
  dependencies: Dependency[];
  /** The length and CRC-32 of the entry's text after its first line. */
  body: { length: number; crc32: number };
}

/** The rest of an entry: the compile's result. */
interface EntryBody {
  ir: NonNullable<CompileResult['ir']>;
  diagnostics: TemplateDiagnostic[];
}

/** A template the compile read through `extends`, as it was then. */
interface Dependency {
  id: string;
  /** The file it was read from and its text; absent when the id was not found. */
  uri?: string;
  text?: string;
}

/** The keeper of compiled template IR in one directory (see {@link TemplateIrCache}). */
export class DiskTemplateIrCache implements TemplateIrCache {
  private readonly maxEntries: number;

  constructor(private readonly options: DiskTemplateIrCacheOptions) {
    this.maxEntries = options.maxEntries ?? 200;
  }

  async compile(text: string, options: CompileOptions = {}): Promise<CompileResult> {
    const resolveBase = options.resolveBase ?? resolveBuiltinTemplateSource;
    const { crc32 } = await import('node:zlib');
    const key = JSON.stringify([entryFormat, this.options.version, options.uri ?? '', text]);
    const file = path.join(this.options.directory, `${crc32(key).toString(16).padStart(8, '0')}.json`);
    const kept = await this.read(file, key, resolveBase, crc32);
    if (kept) return kept;
    const dependencies: Dependency[] = [];
    const recording: TemplateSourceResolver = (id) => {
      const found = resolveBase(id);
      dependencies.push(found ? { id, uri: found.uri, text: found.text } : { id });
      return found;
    };
    const { compileTemplate } = await import('../compiler/compile-template.js');
    const result = await compileTemplate(text, { ...options, resolveBase: recording });
    if (result.ir) {
      const body = JSON.stringify({ ir: result.ir, diagnostics: result.diagnostics } satisfies EntryBody);
      const head: EntryHead = { format: entryFormat, key, dependencies, body: { length: body.length, crc32: crc32(body) } };
      await this.write(file, `${JSON.stringify(head)}\n${body}`);
    }
    return result;
  }

  /** The kept result, or undefined when there is none usable. Never throws. */
  private async read(file: string, key: string, resolveBase: TemplateSourceResolver, crc32: (text: string) => number): Promise<CompileResult | undefined> {
    try {
      const text = await readFile(file, 'utf8');
      const lineEnd = text.indexOf('\n');
      if (lineEnd < 0) return undefined;
      const head: unknown = JSON.parse(text.slice(0, lineEnd));
      if (!isEntryHead(head) || head.key !== key) return undefined;
      for (const dependency of head.dependencies) {
        if (!sameSource(resolveBase(dependency.id), dependency)) return undefined;
      }
      const body = text.slice(lineEnd + 1);
      if (body.length !== head.body.length || crc32(body) !== head.body.crc32) return undefined;
      const { ir, diagnostics } = JSON.parse(body) as EntryBody;
      return { ir, diagnostics };
    } catch {
      return undefined;
    }
  }

  /** Writes an entry atomically (temporary file, then rename); a failure only means no entry. */
  private async write(file: string, entry: string): Promise<void> {
    const temporary = `${file}.${process.pid}-${(temporaryCount += 1)}.tmp`;
    try {
      await mkdir(this.options.directory, { recursive: true });
      await writeFile(temporary, entry);
      await rename(temporary, file);
      this.options.onEntryWritten?.();
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

function sameSource(found: TemplateSourceFile | undefined, dependency: Dependency): boolean {
  if (!found) return dependency.uri === undefined;
  return found.uri === dependency.uri && found.text === dependency.text;
}

/** Temporary files written by this process (with its id, a unique name); node:crypto is not loaded for it. */
let temporaryCount = 0;

/** Whether a parsed first line is an {@link EntryHead} of this format. */
function isEntryHead(value: unknown): value is EntryHead {
  if (typeof value !== 'object' || value === null) return false;
  const head = value as Partial<EntryHead>;
  return (
    head.format === entryFormat &&
    typeof head.key === 'string' &&
    typeof head.body === 'object' &&
    head.body !== null &&
    typeof head.body.length === 'number' &&
    typeof head.body.crc32 === 'number' &&
    Array.isArray(head.dependencies) &&
    head.dependencies.every(
      (d: Partial<Dependency> | null) =>
        typeof d === 'object' && d !== null && typeof d.id === 'string' && (d.uri === undefined || typeof d.uri === 'string') && (d.text === undefined || typeof d.text === 'string'),
    )
  );
}
