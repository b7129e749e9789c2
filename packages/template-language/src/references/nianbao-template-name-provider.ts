import type { AstNode } from 'langium';
import { DefaultNameProvider } from 'langium';
import { isAxisNode, isQuantifier } from '../generated/ast.js';
import { axisNodeId } from '../semantics/axis-tree.js';
import { quantifierVariableName } from './axis-position.js';

/** Names rows and columns by their full dotted id and quantifier variables by the name they are used with. */
export class NianbaoTemplateNameProvider extends DefaultNameProvider {
  override getName(node: AstNode): string | undefined {
    if (isAxisNode(node)) {
      const id = axisNodeId(node);
      return id.split('.').includes('') ? undefined : id;
    }
    if (isQuantifier(node)) {
      return quantifierVariableName(node);
    }
    return super.getName(node);
  }
}
