import type { TemplateIR } from '@nianbao/core';
import type { TemplateSummary } from '../protocol.js';

/** The outcome of compiling a template text. */
export interface TemplateCompilation {
  ir?: TemplateIR;
  diagnostics: unknown[];
}

/** Compiles one template text (the core compiler). */
export type TemplateCompiler = (text: string, uri: string) => Promise<TemplateCompilation>;

interface WorkspaceTemplate {
  text: string;
  /** The last IR the text compiled to; kept while the template is broken (it is being typed). */
  ir?: TemplateIR;
}

/**
 * The templates reports are checked against: the built-in ones, extended or overridden (same id) by the
 * templates of the workspace (`*.nbt`), compiled with the core compiler. Listeners hear which template ids
 * changed, so the reports that use them can be checked again.
 */
export class TemplateCatalog {
  private readonly workspace = new Map<string, WorkspaceTemplate>();
  private readonly listeners: Array<(changedIds: Set<string>) => void> = [];
  private merged: TemplateIR[] | undefined;
  private workspaceList: TemplateIR[] | undefined;

  /**
   * @param builtins the built-in templates
   * @param compile the template compiler
   */
  constructor(
    private readonly builtins: readonly TemplateIR[],
    private readonly compile: TemplateCompiler,
  ) {}

  /** Every template in effect: workspace templates first take the place of built-ins with the same id. */
  all(): TemplateIR[] {
    if (!this.merged) {
      const byId = new Map<string, TemplateIR>();
      for (const template of this.builtins) byId.set(template.id, template);
      for (const { ir } of this.workspace.values()) if (ir) byId.set(ir.id, ir);
      this.merged = [...byId.values()];
    }
    return this.merged;
  }

  /** The templates of the workspace that compiled (open or on disk), without the built-in ones. */
  workspaceTemplates(): TemplateIR[] {
    // The same array until a template changes: the report service merges it into each report's set per check.
    this.workspaceList ??= [...this.workspace.values()].flatMap(({ ir }) => (ir ? [ir] : []));
    return this.workspaceList;
  }

  /** The template in effect with this id. */
  get(id: string): TemplateIR | undefined {
    return this.all().find((template) => template.id === id);
  }

  /** Summaries of the templates in effect, with where each comes from. */
  summaries(): TemplateSummary[] {
    const origins = new Map<string, string>();
    for (const [uri, { ir }] of this.workspace) if (ir) origins.set(ir.id, uri);
    return this.all().map((template) => ({
      id: template.id,
      title: template.title,
      notice: template.notice,
      years: template.years,
      origin: origins.get(template.id) ?? 'builtin',
    }));
  }

  /**
   * Compiles the workspace template at `uri` (unless its text is unchanged) and notifies listeners when the
   * IR changed. A newer text of the same template supersedes a compilation still running.
   */
  async update(uri: string, text: string): Promise<void> {
    const known = this.workspace.get(uri);
    if (known && known.text === text) return;
    const entry: WorkspaceTemplate = { text, ir: known?.ir };
    this.workspace.set(uri, entry);
    let compiled: TemplateIR | undefined;
    try {
      compiled = (await this.compile(text, uri)).ir;
    } catch (error) {
      console.error(`nianbao: compiling ${uri} failed`, error);
    }
    if (this.workspace.get(uri) !== entry || !compiled) return;
    const previous = entry.ir;
    entry.ir = compiled;
    if (!sameTemplate(compiled, previous)) {
      this.changed(new Set([compiled.id, ...(previous ? [previous.id] : [])]));
    }
  }

  /** Forgets the workspace template at `uri` (deleted) and notifies listeners. */
  remove(uri: string): void {
    const known = this.workspace.get(uri);
    if (!known) return;
    this.workspace.delete(uri);
    if (known.ir) this.changed(new Set([known.ir.id]));
  }

  /** Calls `listener` with the ids of the templates that changed. */
  onChange(listener: (changedIds: Set<string>) => void): void {
    this.listeners.push(listener);
  }

  private changed(ids: Set<string>): void {
    this.merged = undefined;
    this.workspaceList = undefined;
    for (const listener of this.listeners) {
      try {
        listener(ids);
      } catch (error) {
        console.error('nianbao: template change listener failed', error);
      }
    }
  }
}

function sameTemplate(a: TemplateIR, b: TemplateIR | undefined): boolean {
  return b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
