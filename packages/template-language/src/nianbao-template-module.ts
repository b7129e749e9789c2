import type {
  DefaultSharedCoreModuleContext,
  LangiumCoreServices,
  LangiumSharedCoreServices,
  Module,
  PartialLangiumCoreServices,
} from 'langium';
import { EmptyFileSystem, createDefaultCoreModule, createDefaultSharedCoreModule, inject } from 'langium';
import { NianbaoTemplateGeneratedModule, NianbaoTemplateGeneratedSharedModule } from './generated/module.js';
import type { InheritedTemplateProvider } from './inheritance/inherited-template-provider.js';
import { DefaultInheritedTemplateProvider } from './inheritance/inherited-template-provider.js';
import { NianbaoTemplateLinker } from './references/nianbao-template-linker.js';
import { NianbaoTemplateNameProvider } from './references/nianbao-template-name-provider.js';
import { NianbaoTemplateScopeComputation } from './references/nianbao-template-scope-computation.js';
import { NianbaoTemplateScopeProvider } from './references/nianbao-template-scope-provider.js';
import { NianbaoTemplateDocumentValidator } from './validation/nianbao-template-document-validator.js';
import { NianbaoTemplateValidator, registerNianbaoTemplateChecks } from './validation/nianbao-template-validator.js';

/** Services added to Langium's defaults by the template language. */
export interface NianbaoTemplateAddedServices {
  validation: {
    NianbaoTemplateValidator: NianbaoTemplateValidator;
  };
  inheritance: {
    /** What templates that `extends` another inherit, for scoping (an editor sets its resolver). */
    InheritedTemplates: InheritedTemplateProvider;
  };
}

/** All services of the template language. */
export type NianbaoTemplateServices = LangiumCoreServices & NianbaoTemplateAddedServices;

/** The template language's dependency-injection module (overrides and additions to Langium's defaults). */
export const NianbaoTemplateModule: Module<NianbaoTemplateServices, PartialLangiumCoreServices & NianbaoTemplateAddedServices> = {
  references: {
    ScopeProvider: (services) => new NianbaoTemplateScopeProvider(services),
    ScopeComputation: (services) => new NianbaoTemplateScopeComputation(services),
    NameProvider: () => new NianbaoTemplateNameProvider(),
    Linker: (services) => new NianbaoTemplateLinker(services),
  },
  validation: {
    NianbaoTemplateValidator: () => new NianbaoTemplateValidator(),
    DocumentValidator: (services) => new NianbaoTemplateDocumentValidator(services),
  },
  inheritance: {
    InheritedTemplates: () => new DefaultInheritedTemplateProvider(),
  },
};

/**
 * Create the shared services and the template language's services. Without a context the services
 * use `EmptyFileSystem`, so they run without a file system (e.g. in a browser worker).
 */
export function createNianbaoTemplateServices(context: DefaultSharedCoreModuleContext = EmptyFileSystem): {
  shared: LangiumSharedCoreServices;
  NianbaoTemplate: NianbaoTemplateServices;
} {
  const shared = inject(createDefaultSharedCoreModule(context), NianbaoTemplateGeneratedSharedModule);
  const NianbaoTemplate = inject(createDefaultCoreModule({ shared }), NianbaoTemplateGeneratedModule, NianbaoTemplateModule);
  shared.ServiceRegistry.register(NianbaoTemplate);
  registerNianbaoTemplateChecks(NianbaoTemplate);
  return { shared, NianbaoTemplate };
}
