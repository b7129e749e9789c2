import type { Module } from 'langium';
import type { LangiumServices, LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { ServerSettings } from '../settings/index.js';
import { TemplateCompletionProvider, TemplateFormatter, TemplateHoverProvider, TemplateRenameProvider } from '../templates/index.js';
import { LangiumOnlyUpdateHandler } from './langium-only-update-handler.js';
import { NianbaoLanguageServer } from './nianbao-language-server.js';

/** Shared-service overrides of the server: the crash-proof update handler and the extra capabilities. */
export const nianbaoServerSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
  lsp: {
    DocumentUpdateHandler: (services) => new LangiumOnlyUpdateHandler(services),
    LanguageServer: (services) => new NianbaoLanguageServer(services),
  },
};

/** Editor services the template language gets in the server: a formatter, documented hovers, renaming of dotted ids, completion scoped to a rule's table. */
export function createTemplateEditorModule(settings: ServerSettings): Module<LangiumServices, PartialLangiumServices> {
  return {
    lsp: {
      Formatter: () => new TemplateFormatter(),
      HoverProvider: (services) => new TemplateHoverProvider(services, settings),
      RenameProvider: (services) => new TemplateRenameProvider(services),
      CompletionProvider: (services) => new TemplateCompletionProvider(services),
    },
  };
}
