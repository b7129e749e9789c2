import type { AstNode, MaybePromise } from 'langium';
import { MultilineCommentHoverProvider, type LangiumServices } from 'langium/lsp';
import type { Hover } from 'vscode-languageserver-protocol';
import type { ServerSettings } from '../settings/index.js';
import { keywordDoc } from './keyword-docs.js';

type Keyword = Parameters<MultilineCommentHoverProvider['getKeywordHoverContent']>[0];

/**
 * Hover of templates: for a declaration (table, section, row, column, rule) its kind, id and label, then its
 * documentation comment; for a keyword, what it means — in the server's locale.
 */
export class TemplateHoverProvider extends MultilineCommentHoverProvider {
  /**
   * @param services the template language's services
   * @param settings the server settings (locale)
   */
  constructor(
    services: LangiumServices,
    private readonly settings: ServerSettings,
  ) {
    super(services);
  }

  protected override getAstNodeHoverContent(node: AstNode): string | undefined {
    const summary = summarize(node);
    const comment = super.getAstNodeHoverContent(node);
    const parts = [summary, comment].filter((part): part is string => Boolean(part));
    return parts.length > 0 ? parts.join('\n\n') : undefined;
  }

  protected override getKeywordHoverContent(node: Keyword): MaybePromise<Hover | undefined> {
    const keyword = (node as unknown as { value: string }).value;
    const doc = keywordDoc(keyword, this.settings.value.locale);
    if (doc) return { contents: { kind: 'markdown', value: `\`${keyword}\` — ${doc}` } };
    return super.getKeywordHoverContent(node);
  }
}

/** `kind id — label`, from the node's own properties. */
function summarize(node: AstNode): string | undefined {
  const record = node as unknown as Record<string, unknown>;
  const name = typeof record.name === 'string' ? record.name : undefined;
  if (!name) return undefined;
  const kind = typeof record.kind === 'string' && node.$type === 'AxisNode' ? record.kind : node.$type.toLowerCase();
  const label = [record.label, record.heading].find((v): v is string => typeof v === 'string');
  const title = record.title as { zh?: string; en?: string } | undefined;
  const text = label ?? (title?.zh ? `${title.zh}${title.en ? ` / ${title.en}` : ''}` : undefined);
  return `**${kind}** \`${name}\`${text ? ` — ${text}` : ''}`;
}

