import { DefaultLanguageServer } from 'langium/lsp';
import type { InitializeParams, InitializeResult } from 'vscode-languageserver-protocol';
import { CodeActionKind } from 'vscode-languageserver-protocol';
import { acknowledgeFindingCommand } from '../reports/finding-baseline.js';

/**
 * Langium's language server with the capabilities the report features add: Langium advertises only what
 * its template language provides, while reports also answer hover, code actions (quick fixes), document
 * symbols, folding ranges and inlay hints.
 */
export class NianbaoLanguageServer extends DefaultLanguageServer {
  protected override buildInitializeResult(params: InitializeParams): InitializeResult {
    const result = super.buildInitializeResult(params);
    const capabilities = result.capabilities;
    capabilities.hoverProvider = true;
    capabilities.documentSymbolProvider = true;
    capabilities.codeActionProvider = { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] };
    capabilities.inlayHintProvider = { resolveProvider: false };
    capabilities.foldingRangeProvider = true;
    capabilities.executeCommandProvider = { commands: [acknowledgeFindingCommand] };
    result.serverInfo = { name: 'nianbao-language-server', version: '0.1.0' };
    return result;
  }
}
