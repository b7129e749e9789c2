import type { URI } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { FileSystemWatcher } from 'vscode-languageserver-protocol';

/**
 * Passes on to Langium's document builder only the documents Langium has a language for (templates).
 * The stock handler forwards every opened document, and the builder then rejects a report (`.md`, `.txt`)
 * with "no services for the extension", which takes the whole server down. Reports are served elsewhere.
 */
export class LangiumOnlyUpdateHandler extends DefaultDocumentUpdateHandler {
  protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
    const known = (uri: URI): boolean => {
      try {
        return this.serviceRegistry.hasServices(uri);
      } catch {
        return false;
      }
    };
    const ours = changed.filter(known);
    const gone = deleted.filter(known);
    if (ours.length === 0 && gone.length === 0) return;
    this.workspaceManager.ready
      .then(() => this.workspaceLock.write((token) => this.documentBuilder.update(ours, gone, token)))
      .catch((error: unknown) => console.error('nianbao: template update failed', error));
  }

  /** Watches only the files Langium parses, not every file of the workspace. */
  protected override getWatchers(): FileSystemWatcher[] {
    const extensions = this.serviceRegistry.all.flatMap((services) => services.LanguageMetaData.fileExtensions);
    return extensions.map((extension) => ({ globPattern: `**/*${extension}` }));
  }
}
