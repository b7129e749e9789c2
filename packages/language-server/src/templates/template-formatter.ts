import type { AstNode } from 'langium';
import { AbstractFormatter, Formatting, type NodeFormatter } from 'langium/lsp';

/** Node types whose `{ … }` hold one member per line. */
const blockTypes = new Set(['Template', 'MarkersDecl', 'LegacyMarkersDecl', 'ChecksDecl', 'Section', 'AxisNode']);

/**
 * Formats templates the way the built-in ones are written: one member per line inside `{ … }` (blank lines
 * between members kept), indented one level per block, closing braces on their own line, one space before
 * an opening brace; an equation (or its `when` condition) one level under its quantifiers; a table's
 * `caption`, `corner`, `cells`, `columns` and `rows` each on its own line; a rule's `title`, `message` and
 * body each on their own line. Everything inside a line (expressions, lists) is left as written.
 */
export class TemplateFormatter extends AbstractFormatter {
  protected format(node: AstNode): void {
    const formatter = this.getNodeFormatter(node);
    if (blockTypes.has(node.$type)) {
      this.block(formatter, 0, 0);
    } else if (node.$type === 'Table') {
      this.tableBlock(formatter);
    } else if (node.$type === 'Rule') {
      const open = formatter.keyword('{');
      const close = formatter.keyword('}');
      open.prepend(Formatting.oneSpace());
      formatter.keywords('title', 'message').prepend(Formatting.indent());
      formatter.property('body' as never).prepend(Formatting.indent());
      close.prepend(Formatting.newLine());
    } else if (node.$type === 'ArithmeticBody') {
      // Quantifiers one per line; the equation under them one level deeper (under its `for each`).
      // A `when condition :` opens the equation's line, the equation follows on it.
      const body = node as unknown as { quantifiers?: unknown[]; condition?: unknown };
      const quantified = (body.quantifiers?.length ?? 0) > 0;
      formatter.property('quantifiers' as never).prepend(Formatting.newLine());
      const start = body.condition ? formatter.keyword('when') : formatter.property('equation' as never);
      start.prepend(quantified ? Formatting.indent() : Formatting.newLine());
      if (body.condition) formatter.property('equation' as never).prepend(Formatting.oneSpace());
    }
    if (node.$type === 'TemplateFile') {
      formatter.property('template' as never).prepend(Formatting.noIndent());
    }
  }

  /** The `index`-th brace pair of the node: members on their own indented lines. */
  private block(formatter: NodeFormatter<AstNode>, openIndex: number, closeIndex: number, tabs = 1): void {
    const open = formatter.keyword('{', openIndex);
    const close = formatter.keyword('}', closeIndex);
    if (open.nodes.length !== 1 || close.nodes.length !== 1) return;
    open.prepend(Formatting.oneSpace());
    const interior = formatter.interior(open, close);
    if (interior.nodes.length === 0) {
      close.prepend(Formatting.oneSpace());
      return;
    }
    // At least one line break before each member: blank lines that group members are kept.
    interior.prepend({ options: { allowMore: true }, moves: [{ tabs, lines: 1 }] });
    close.prepend({ options: {}, moves: [{ tabs: tabs - 1, lines: 1 }] });
  }

  private tableBlock(formatter: NodeFormatter<AstNode>): void {
    const tableOpen = formatter.keyword('{', 0);
    const tableClose = formatter.keyword('}', 2);
    tableOpen.prepend(Formatting.oneSpace());
    formatter.keywords('caption', 'corner', 'cells', 'columns', 'rows').prepend(Formatting.indent());
    // `columns { … }` and `rows { … }`: their members one level deeper than the keyword.
    this.block(formatter, 1, 0, 2);
    this.block(formatter, 2, 1, 2);
    tableClose.prepend(Formatting.newLine());
  }
}
