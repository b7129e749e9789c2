import { URI, type FileSystemProvider, type LangiumDocuments } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { FileSystemWatcher } from 'vscode-languageserver-protocol';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Passes on to Langium's document builder only the documents Langium has a language for (templates).
 * The stock handler forwards every opened document, and the builder then rejects a report (`.md`, `.txt`)
 * with "no services for the extension", which takes the whole server down. Reports are served elsewhere.
 *
 * A closed template that is not a template file on disk (an untitled buffer or a file of another extension
 * set to the template language, a file deleted meanwhile) leaves Langium, and its diagnostics are withdrawn:
 * without its editor buffer Langium could tell neither its language nor its text, and every later build
 * would fail on it. A closed template file on disk is read from disk again.
 */
export class LangiumOnlyUpdateHandler extends DefaultDocumentUpdateHandler {
  private readonly langiumDocuments: LangiumDocuments;
  private readonly fileSystem: FileSystemProvider;

  constructor(services: LangiumSharedServices) {
    super(services);
    this.langiumDocuments = services.workspace.LangiumDocuments;
    this.fileSystem = services.workspace.FileSystemProvider;
  }

  protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
    const known = (uri: URI): boolean => {
      try {
        return this.serviceRegistry.hasServices(uri);
      } catch {
        return false;
      }
    };
    const ours = changed.filter(known);
    // A document Langium holds is removed even when its language is no longer known (a closed buffer).
    const gone = deleted.filter((uri) => known(uri) || this.langiumDocuments.hasDocument(uri));
    if (ours.length === 0 && gone.length === 0) return;
    this.workspaceManager.ready
      .then(() => this.workspaceLock.write((token) => this.documentBuilder.update(ours, gone, token)))
      .catch((error: unknown) => console.error('nianbao: template update failed', error));
  }

  /** A closed template: read again from disk when it is a template file there, else removed. */
  didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
    let uri: URI;
    try {
      uri = URI.parse(event.document.uri);
    } catch {
      return;
    }
    if (!this.langiumDocuments.hasDocument(uri)) return;
    const templateFile = this.serviceRegistry.hasServices(uri);
    const onDisk = templateFile && uri.scheme === 'file' ? this.fileSystem.exists(uri).catch(() => false) : Promise.resolve(false);
    onDisk
      .then((exists) => (exists ? this.fireDocumentUpdate([uri], []) : this.fireDocumentUpdate([], [uri])))
      .catch((error: unknown) => console.error('nianbao: closing a template failed', error));
  }

  /** Watches only the files Langium parses, not every file of the workspace. */
  protected override getWatchers(): FileSystemWatcher[] {
    const extensions = this.serviceRegistry.all.flatMap((services) => services.LanguageMetaData.fileExtensions);
    return extensions.map((extension) => ({ globPattern: `**/*${extension}` }));
  }
}
