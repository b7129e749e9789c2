import type { LangiumDocument } from 'langium';
import type { Template, TemplateFile } from '../generated/ast.js';
import type { TemplateSourceResolver } from '../parse-template.js';
import { parseTemplate } from '../parse-template.js';

/**
 * What a template that `extends` another inherits, for the editor's scopes. The language server builds a
 * derived template as the text the author wrote (its own parts and patches only); names of inherited
 * tables, sections, rows and columns resolve against the template flattened over its base, so that
 * `rule R4 on t4 …` or `mention "整改" in problems` are no "unresolved reference" in the editor. The
 * flattening is the one `parseTemplate` does (patches applied, removed parts gone), prepared before the
 * document is linked because linking is synchronous.
 */
export interface InheritedTemplateProvider {
  /** Where `extends` finds its base templates (the built-in ones, the workspace's, the project's). */
  setResolver(resolver: TemplateSourceResolver | undefined): void;
  /** Flattens the template of `document` when it extends another; call before the document is linked. */
  prepare(document: LangiumDocument): Promise<void>;
  /** The flattened template of a template that `extends` another, once prepared (undefined otherwise). */
  flattened(template: Template): Template | undefined;
}

/** The default {@link InheritedTemplateProvider}: flattens with `parseTemplate` on its own services. */
export class DefaultInheritedTemplateProvider implements InheritedTemplateProvider {
  private resolver: TemplateSourceResolver | undefined;
  private readonly prepared = new WeakMap<Template, Template>();

  setResolver(resolver: TemplateSourceResolver | undefined): void {
    this.resolver = resolver;
  }

  async prepare(document: LangiumDocument): Promise<void> {
    const template = (document.parseResult.value as TemplateFile | undefined)?.template;
    const resolveBase = this.resolver;
    if (!template?.base || !resolveBase || document.parseResult.parserErrors.length > 0) return;
    try {
      // Parsed on the template language's own services: the documents of the flattening never enter
      // the workspace of the caller.
      const flattened = await parseTemplate(document.textDocument.getText(), `inmemory:///inherited/${encodeURIComponent(template.name)}.nbt`, undefined, {
        resolveBase,
      });
      const merged = flattened.ast.template;
      if (merged && merged !== template && merged.base === undefined) this.prepared.set(template, merged);
    } catch (error) {
      console.error('nianbao: flattening a template for its scopes failed', error);
    }
  }

  flattened(template: Template): Template | undefined {
    return this.prepared.get(template);
  }
}
