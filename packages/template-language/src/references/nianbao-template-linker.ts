import type { AstNodeDescription, LinkingError, ReferenceInfo } from 'langium';
import { DefaultLinker } from 'langium';
import { isAxisItem } from '../generated/ast.js';
import { allAxisNodes, axisNodeId } from '../semantics/axis-tree.js';
import { axisNameHint, nameHint, type NameHint } from '../validation/name-hints.js';
import type { HintedLinkingError } from '../validation/nianbao-template-document-validator.js';
import { templateMessage } from '../validation/template-check-codes.js';
import { axisPositionOf } from './axis-position.js';
import { referenceTargetNames } from './reference-target-names.js';

/**
 * Reports unresolved references in zh-CN (the English text is derived from the diagnostic's data), with a
 * "did you mean" hint: for a row or column, the full id of a nested one written by its local name
 * (`total` for `results.total`) or the nearest id of the place; for a table or section, the nearest name.
 */
export class NianbaoTemplateLinker extends DefaultLinker {
  protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
    const error = super.createLinkingError(refInfo, targetDescription);
    const target = referenceTargetNames(refInfo.container.$type, refInfo.property);
    const name = refInfo.reference.$refText;
    const hint = this.hintFor(refInfo, name);
    const message = templateMessage('unresolved-reference', { name, ...target, hintZh: hint.zh, hintEn: hint.en });
    const hinted: LinkingError & HintedLinkingError = { ...error, message: message['zh-CN'], hint };
    return hinted;
  }

  private hintFor(refInfo: ReferenceInfo, name: string): NameHint {
    try {
      if (isAxisItem(refInfo.container)) {
        const position = axisPositionOf(refInfo.container);
        if (position?.table) {
          const ids = allAxisNodes(position.table, position.axis).map(axisNodeId);
          return axisNameHint(name, ids);
        }
      }
      const names = this.scopeProvider
        .getScope(refInfo)
        .getAllElements()
        .map((description) => description.name)
        .toArray();
      return isAxisItem(refInfo.container) ? axisNameHint(name, names) : nameHint(name, names);
    } catch {
      return { zh: '', en: '' };
    }
  }
}
