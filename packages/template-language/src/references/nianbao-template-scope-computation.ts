import type { LangiumDocument } from 'langium';
import { DefaultScopeComputation } from 'langium';
import type { InheritedTemplateProvider } from '../inheritance/inherited-template-provider.js';
import type { NianbaoTemplateServices } from '../nianbao-template-module.js';

type CancellationToken = Parameters<DefaultScopeComputation['collectLocalSymbols']>[1];
type LocalSymbols = Awaited<ReturnType<DefaultScopeComputation['collectLocalSymbols']>>;

/**
 * Langium's scope computation, preceded for a template that `extends` another by the flattening of its
 * inherited parts (see {@link InheritedTemplateProvider}), so that the scope provider can resolve inherited
 * names while the document is linked.
 */
export class NianbaoTemplateScopeComputation extends DefaultScopeComputation {
  private readonly inherited: InheritedTemplateProvider;

  constructor(services: NianbaoTemplateServices) {
    super(services);
    this.inherited = services.inheritance.InheritedTemplates;
  }

  override async collectLocalSymbols(document: LangiumDocument, cancelToken?: CancellationToken): Promise<LocalSymbols> {
    await this.inherited.prepare(document);
    return super.collectLocalSymbols(document, cancelToken);
  }
}
