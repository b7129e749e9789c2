import { builtinTemplates, renderSkeleton, resolveBuiltinTemplateSource } from '@nianbao/core';
import { compile } from '@nianbao/core/compiler';
import {
  NianbaoTemplateGeneratedModule,
  NianbaoTemplateGeneratedSharedModule,
  NianbaoTemplateModule,
  registerNianbaoTemplateChecks,
} from '@nianbao/template-language';
import { DocumentState, inject, URI, type LangiumDocument } from 'langium';
import {
  createDefaultModule,
  createDefaultSharedModule,
  startLanguageServer,
  type DefaultSharedModuleContext,
  type LangiumServices,
  type LangiumSharedServices,
} from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import {
  listTemplatesRequest,
  newReportRequest,
  reportTablesRequest,
  setTemplateRequest,
  type NewReport,
  type NewReportParams,
  type ReportTablesParams,
  type SetTemplateParams,
} from './protocol.js';
import { createRoutingConnection } from './langium/routing-connection.js';
import { createTemplateEditorModule, nianbaoServerSharedModule } from './langium/server-modules.js';
import {
  acknowledgeFindingCommand,
  InlineReportChecker,
  isAcknowledgeFindingArguments,
  ReportFeatures,
  ReportRecognizer,
  ReportService,
  reportTables,
  type BaselineStore,
  type ReportChecker,
} from './reports/index.js';
import type { ProjectTemplateSets } from './reports/project-template-sets.js';
import { ServerSettings } from './settings/index.js';
import { publishTemplateDiagnosticsInLocale, TemplateCatalog, TemplateVersions } from './templates/index.js';

/** What `createNianbaoServer` builds. */
export interface NianbaoServer {
  shared: LangiumSharedServices;
  template: LangiumServices;
  settings: ServerSettings;
  catalog: TemplateCatalog;
  reports: ReportService;
}

/** The file-system access of the server: Langium's `NodeFileSystem` in Node, `EmptyFileSystem` in a browser. */
export type FileSystemContext = Omit<DefaultSharedModuleContext, 'connection'>;

/**
 * Creates and starts the nianbao language server on `connection`: Langium serves templates (`*.nbt`), the
 * report service serves annual reports (Markdown, plain text). Nothing here depends on Node: the same server
 * runs in a browser worker with a browser connection and `EmptyFileSystem`.
 */
export function createNianbaoServer(
  connection: Connection,
  fileSystem: FileSystemContext,
  baselineStore?: (location: { file(): string; workspaceFolders(): string[] }) => BaselineStore,
  /** The project templates of reports on disk (Node only: the configuration files are read from the file system). */
  projectTemplatesFor?: (recheck: (uri: string) => void) => ProjectTemplateSets,
  /** Runs the report checks (default: inline; the Node server checks in a worker thread). */
  checker: ReportChecker = new InlineReportChecker(),
): NianbaoServer {
  const settings = new ServerSettings();
  // The routing and publishing views need the services they are passed to: the closures read them once the
  // server runs. Langium publishes template diagnostics through the publishing view, in the server's locale.
  const isTemplateDocument = (uri: string): boolean => {
    try {
      return shared.ServiceRegistry.hasServices(URI.parse(uri));
    } catch {
      return false;
    }
  };
  const versions = new TemplateVersions();
  const routed = publishTemplateDiagnosticsInLocale(
    createRoutingConnection(connection, isTemplateDocument, () => features),
    settings,
    () => shared.workspace.LangiumDocuments,
    versions,
  );

  const shared = inject(
    createDefaultSharedModule({ ...fileSystem, connection: routed }),
    NianbaoTemplateGeneratedSharedModule,
    nianbaoServerSharedModule,
  );
  const template = inject(
    createDefaultModule({ shared }),
    NianbaoTemplateGeneratedModule,
    NianbaoTemplateModule,
    createTemplateEditorModule(settings),
  );
  shared.ServiceRegistry.register(template);
  registerNianbaoTemplateChecks(template);
  shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Parsed, (document) =>
    versions.record(document, shared.workspace.TextDocuments.get(document.uri.toString())),
  );

  // `extends` finds its base among the workspace's templates (open or on disk), then the built-in ones: for
  // the scopes of the editor (inherited names resolve) and for the compiled catalogue alike.
  const resolveBase = (id: string): { uri: string; text: string } | undefined => {
    for (const document of shared.workspace.LangiumDocuments.all) {
      const declared = (document.parseResult.value as { template?: { name?: string } } | undefined)?.template?.name;
      if (declared === id) return { uri: document.uri.toString(), text: document.textDocument.getText() };
    }
    return resolveBuiltinTemplateSource(id);
  };
  template.inheritance.InheritedTemplates.setResolver(resolveBase);
  const catalog = new TemplateCatalog(builtinTemplates, (text, uri) => compile(text, { uri, resolveBase }));
  let workspaceFolders: string[] = [];
  const baseline = baselineStore?.({ file: () => settings.value.baselineFile, workspaceFolders: () => workspaceFolders });
  // A report is checked again once its project's templates are loaded (or changed on disk).
  const projectTemplates = projectTemplatesFor?.((uri) => reports.schedule(uri));
  const reports: ReportService = new ReportService({
    baseline,
    connection,
    documents: shared.workspace.TextDocuments,
    settings,
    catalog,
    recognizer: new ReportRecognizer(),
    isTemplateDocument,
    workspaceFolders: () => workspaceFolders,
    checker,
    ...(projectTemplates ? { projectTemplates } : {}),
  });
  const features = new ReportFeatures(reports, settings);

  let pullsConfiguration = false;
  shared.lsp.LanguageServer.onInitialize((params) => {
    pullsConfiguration = params.capabilities.workspace?.configuration === true;
    workspaceFolders = (params.workspaceFolders ?? [])
      .map((folder) => toFsPath(folder.uri))
      .filter((path): path is string => path !== undefined);
    if (workspaceFolders.length === 0 && params.rootUri) {
      const root = toFsPath(params.rootUri);
      if (root) workspaceFolders.push(root);
    }
    // After the workspace folders: settings with relative paths (`nianbao.templates`) resolve against them.
    settings.update(params.initializationOptions);
  });
  shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate((update) => {
    if (update.section === 'nianbao') settings.update(update.configuration);
  });
  shared.lsp.LanguageServer.onInitialized(() => {
    if (!pullsConfiguration) return;
    void connection.workspace
      .getConfiguration('nianbao')
      .then((value) => settings.update(value))
      .catch(() => undefined);
  });

  // `nianbao.templates`: template files or directories added to every report's detection (the CLI's
  // `--templates`), relative to the first workspace folder; reports are checked again when it changes.
  let addedTemplates = settings.value.templates;
  settings.onChange((next) => {
    if (JSON.stringify(next.templates) === JSON.stringify(addedTemplates)) return;
    addedTemplates = next.templates;
    projectTemplates?.setTemplates(next.templates, workspaceFolders[0]);
    reports.recheckAll();
  });

  followWorkspaceTemplates(shared, catalog);
  reports.listen();
  registerRequests(connection, reports, catalog);
  registerAcknowledgeCommand(connection, reports, baseline);
  startLanguageServer(shared);
  return { shared, template, settings, catalog, reports };
}

/**
 * `nianbao.acknowledgeFinding` (the "acknowledge this finding" code action): adds the finding to the
 * baseline file and checks the open reports again, so that it leaves the Problems view.
 */
function registerAcknowledgeCommand(connection: Connection, reports: ReportService, baseline: BaselineStore | undefined): void {
  connection.onExecuteCommand(async (params) => {
    if (params.command !== acknowledgeFindingCommand) return null;
    const argument: unknown = params.arguments?.[0];
    if (!baseline || !isAcknowledgeFindingArguments(argument)) return null;
    try {
      const { uri, ...entry } = argument;
      const file = await baseline.acknowledge(uri, entry);
      reports.recheckAll();
      return { file };
    } catch (error) {
      console.error('nianbao: acknowledging a finding failed', error);
      return null;
    }
  });
}

/** Compiles every template document Langium builds (open or in the workspace) into the catalogue. */
function followWorkspaceTemplates(shared: LangiumSharedServices, catalog: TemplateCatalog): void {
  const builder = shared.workspace.DocumentBuilder;
  builder.onBuildPhase(DocumentState.IndexedReferences, (documents: LangiumDocument[]) => {
    for (const document of documents) {
      catalog
        .update(document.uri.toString(), document.textDocument.getText())
        .catch((error: unknown) => console.error('nianbao: workspace template update failed', error));
    }
  });
  builder.onUpdate((_changed, deleted) => {
    for (const uri of deleted) catalog.remove(uri.toString());
  });
}

/** The nianbao requests of `protocol.ts`, each guarded so a failure answers null. */
function registerRequests(connection: Connection, reports: ReportService, catalog: TemplateCatalog): void {
  const guarded =
    <P, R>(method: string, handler: (params: P) => R) =>
    (params: P): R | null => {
      try {
        return handler(params);
      } catch (error) {
        console.error(`nianbao: ${method} failed`, error);
        return null;
      }
    };
  connection.onRequest(listTemplatesRequest, guarded(listTemplatesRequest, () => catalog.summaries()));
  connection.onRequest(
    setTemplateRequest,
    guarded(setTemplateRequest, async (params: SetTemplateParams) => {
      try {
        return (await reports.chooseTemplate(params.uri, params.template)) ? true : false;
      } catch (error) {
        console.error(`nianbao: ${setTemplateRequest} failed`, error);
        return null;
      }
    }),
  );
  connection.onRequest(
    reportTablesRequest,
    guarded(reportTablesRequest, (params: ReportTablesParams) => {
      const report = reports.get(params.uri);
      return report ? reportTables(report) : null;
    }),
  );
  connection.onRequest(
    newReportRequest,
    guarded(newReportRequest, (params: NewReportParams) => {
      const template = catalog.get(params.template);
      if (!template) return null;
      const text = renderSkeleton(template, { year: params.year, agency: params.agency });
      return { text, languageId: 'markdown' } satisfies NewReport;
    }),
  );
}

function toFsPath(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}
