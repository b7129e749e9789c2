import { axisOfAxisNode, axisPositionOf, isAxisItem, isAxisNode, tableOfAxisNode } from '@nianbao/template-language';
import type { AstNodeDescription, ReferenceInfo, Stream } from 'langium';
import { DefaultCompletionProvider, type CompletionContext } from 'langium/lsp';

/**
 * Completion of templates. A row or column reference inside a rule on a table (`rule R on t3`, or
 * `t3[…]`) offers the quantifier variables and the ids of that table's axis at that place (rows in the
 * first part of `[…]`, columns in the second): not the ids of every table, which the scope keeps only
 * so that a wrong one gets a precise error. Without a table every id is offered.
 */
export class TemplateCompletionProvider extends DefaultCompletionProvider {
  protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
    const candidates = super.getReferenceCandidates(refInfo, context);
    if (!isAxisItem(refInfo.container)) return candidates;
    const position = axisPositionOf(refInfo.container);
    if (!position?.table) return candidates;
    return candidates.filter((candidate) => {
      const node = candidate.node;
      if (!isAxisNode(node)) return true;
      return tableOfAxisNode(node) === position.table && axisOfAxisNode(node) === position.axis;
    });
  }
}
