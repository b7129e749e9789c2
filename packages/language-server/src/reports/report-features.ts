import type {
  CodeAction,
  CodeActionParams,
  DocumentSymbol,
  DocumentSymbolParams,
  FoldingRange,
  FoldingRangeParams,
  Hover,
  HoverParams,
  InlayHint,
  InlayHintParams,
} from 'vscode-languageserver-protocol';
import type { ReportRequestHandlers } from '../langium/routing-connection.js';
import type { ServerSettings } from '../settings/index.js';
import { reportCodeActions } from './report-code-actions.js';
import { reportHover } from './report-hover.js';
import { reportInlayHints } from './report-inlay-hints.js';
import type { ReportService } from './report-service.js';
import { reportFoldingRanges, reportSymbols } from './report-symbols.js';

/** The editor features of reports, answered from their last check. */
export class ReportFeatures implements ReportRequestHandlers {
  /**
   * @param reports the checked reports
   * @param settings the settings (for the locale of the server's own strings)
   */
  constructor(
    private readonly reports: ReportService,
    private readonly settings: ServerSettings,
  ) {}

  hover(params: HoverParams): Hover | null {
    const report = this.reports.get(params.textDocument.uri);
    if (!report) return null;
    return reportHover(report, report.positions.offsetAt(params.position), this.settings.value.locale);
  }

  async codeAction(params: CodeActionParams): Promise<CodeAction[] | null> {
    const report = await this.reports.withFixes(params.textDocument.uri);
    return report ? reportCodeActions(report, params, this.settings.value.locale) : null;
  }

  documentSymbol(params: DocumentSymbolParams): DocumentSymbol[] | null {
    const report = this.reports.get(params.textDocument.uri);
    return report ? reportSymbols(report, this.settings.value.locale) : null;
  }

  async inlayHint(params: InlayHintParams): Promise<InlayHint[] | null> {
    const report = await this.reports.withFixes(params.textDocument.uri);
    return report ? reportInlayHints(report, params.range, this.settings.value.locale) : null;
  }

  foldingRange(params: FoldingRangeParams): FoldingRange[] | null {
    const report = this.reports.get(params.textDocument.uri);
    return report ? reportFoldingRanges(report) : null;
  }
}
