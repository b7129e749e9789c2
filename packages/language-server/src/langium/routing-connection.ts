import type { Connection } from 'vscode-languageserver';
import type {
  CancellationToken,
  CodeAction,
  CodeActionParams,
  Command,
  DocumentSymbol,
  DocumentSymbolParams,
  FoldingRange,
  FoldingRangeParams,
  Hover,
  HoverParams,
  InlayHint,
  InlayHintParams,
} from 'vscode-languageserver-protocol';

type MaybePromise<T> = T | Promise<T>;

/** Answers for documents that Langium has no language for (the reports). */
export interface ReportRequestHandlers {
  hover(params: HoverParams, token: CancellationToken): MaybePromise<Hover | null>;
  codeAction(params: CodeActionParams, token: CancellationToken): MaybePromise<Array<CodeAction | Command> | null>;
  documentSymbol(params: DocumentSymbolParams, token: CancellationToken): MaybePromise<DocumentSymbol[] | null>;
  inlayHint(params: InlayHintParams, token: CancellationToken): MaybePromise<InlayHint[] | null>;
  foldingRange(params: FoldingRangeParams, token: CancellationToken): MaybePromise<FoldingRange[] | null>;
}

/** Document requests with a report answer, by the connection method that registers them. */
const reportMethods = {
  onHover: 'hover',
  onCodeAction: 'codeAction',
  onDocumentSymbol: 'documentSymbol',
  onFoldingRanges: 'foldingRange',
} as const satisfies Record<string, keyof ReportRequestHandlers>;

/** Document requests only templates answer: other documents get `null` (not an error). */
const templateOnlyMethods = [
  'onCompletion',
  'onReferences',
  'onDefinition',
  'onTypeDefinition',
  'onImplementation',
  'onDeclaration',
  'onDocumentHighlight',
  'onDocumentFormatting',
  'onDocumentRangeFormatting',
  'onDocumentOnTypeFormatting',
  'onRenameRequest',
  'onPrepareRename',
  'onSignatureHelp',
  'onCodeLens',
  'onDocumentLinks',
] as const;

/** `connection.languages` features whose document requests are routed, and what a non-template gets. */
const languageFeatures: Array<{ feature: string; methods: string[]; empty: unknown; report?: keyof ReportRequestHandlers }> = [
  { feature: 'inlayHint', methods: ['on'], empty: null, report: 'inlayHint' },
  { feature: 'semanticTokens', methods: ['on', 'onDelta', 'onRange'], empty: { data: [] } },
  { feature: 'callHierarchy', methods: ['onPrepare'], empty: null },
  { feature: 'typeHierarchy', methods: ['onPrepare'], empty: null },
];

// Handlers are registered with the connection's own (loosely typed) registration functions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyHandler = (params: any, token: CancellationToken, ...rest: any[]) => unknown;
type Register = (handler: AnyHandler) => unknown;

/**
 * A view of `connection` for Langium to register its handlers on. The connection keeps one handler per
 * method, so instead of registering a second handler (which would replace Langium's), every document
 * request Langium registers is composed with the report handlers: template documents go to Langium,
 * reports to `reports`, anything else gets an empty answer. Every handler is guarded: a throwing handler
 * is logged and answers empty; it never takes the server down.
 */
export function createRoutingConnection(
  connection: Connection,
  isTemplateDocument: (uri: string) => boolean,
  reports: () => ReportRequestHandlers | undefined,
): Connection {
  const view = Object.create(connection) as Connection;
  const route =
    (method: string, register: Register, empty: unknown, report?: keyof ReportRequestHandlers) =>
    (handler: AnyHandler) =>
      register(async (params, token, ...rest) => {
        try {
          const uri: unknown = params?.textDocument?.uri;
          if (typeof uri === 'string' && isTemplateDocument(uri)) return await handler(params, token, ...rest);
          const handlers = report ? reports() : undefined;
          if (!handlers || !report) return empty;
          return (await (handlers[report] as AnyHandler).call(handlers, params, token)) ?? empty;
        } catch (error) {
          console.error(`nianbao: ${method} failed`, error);
          return empty;
        }
      });

  const methods: Array<[string, unknown, keyof ReportRequestHandlers | undefined]> = [
    ...Object.entries(reportMethods).map(([m, r]): [string, unknown, keyof ReportRequestHandlers] => [m, null, r]),
    ...templateOnlyMethods.map((m): [string, unknown, undefined] => [m, null, undefined]),
  ];
  for (const [method, empty, report] of methods) {
    const original = (connection as unknown as Record<string, Register>)[method].bind(connection);
    Object.defineProperty(view, method, { value: route(method, original, empty, report) });
  }

  const realLanguages = connection.languages as unknown as Record<string, Record<string, Register>>;
  const languages = Object.create(realLanguages) as Record<string, unknown>;
  for (const { feature, methods: featureMethods, empty, report } of languageFeatures) {
    Object.defineProperty(languages, feature, {
      get: () => {
        const real = realLanguages[feature];
        const routed: Record<string, unknown> = { ...real };
        for (const method of featureMethods) {
          routed[method] = route(`${feature}.${method}`, real[method].bind(real), empty, report);
        }
        return routed;
      },
    });
  }
  Object.defineProperty(view, 'languages', { value: languages });
  return view;
}
