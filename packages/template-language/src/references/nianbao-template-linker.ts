import type { AstNodeDescription, LinkingError, ReferenceInfo } from 'langium';
import { DefaultLinker } from 'langium';
import { templateMessage } from '../validation/template-check-codes.js';
import { referenceTargetNames } from './reference-target-names.js';

/** Reports unresolved references in zh-CN (the English text is derived from the diagnostic's data). */
export class NianbaoTemplateLinker extends DefaultLinker {
  protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
    const error = super.createLinkingError(refInfo, targetDescription);
    const target = referenceTargetNames(refInfo.container.$type, refInfo.property);
    const message = templateMessage('unresolved-reference', { name: refInfo.reference.$refText, ...target });
    return { ...error, message: message['zh-CN'] };
  }
}
