import type { AstNode, AstNodeDescription, ReferenceInfo, Scope } from 'langium';
import { DefaultScopeProvider, EMPTY_SCOPE, StreamScope, stream } from 'langium';
import type { Quantifier, Table, Template } from '../generated/ast.js';
import { isArithmeticBody, isAxisItem, isTemplate } from '../generated/ast.js';
import type { Axis } from '../semantics/axis-tree.js';
import { allAxisNodes, axisNodeId } from '../semantics/axis-tree.js';
import { axisPositionOf, quantifierVariableName } from './axis-position.js';

/**
 * Scopes row/column references. Innermost first: the rule's quantifier variables (a quantifier's domain
 * sees only the quantifiers before it), then the nodes of the position's axis of the position's table,
 * then its other axis, then every other table. References that resolve outside the expected axis or
 * table are reported by the validator with a precise message instead of a bare "cannot resolve".
 */
export class NianbaoTemplateScopeProvider extends DefaultScopeProvider {
  override getScope(context: ReferenceInfo): Scope {
    if (isAxisItem(context.container) && (context.property === 'ref' || context.property === 'parentOf')) {
      return this.axisScope(context.container);
    }
    return super.getScope(context);
  }

  private axisScope(item: AstNode): Scope {
    const position = axisPositionOf(item);
    const template = findTemplate(item);
    if (!position || !template) {
      return EMPTY_SCOPE;
    }
    const tables = template.members.filter((member): member is Table => member.$type === 'Table');
    const own = position.table;
    const otherAxis: Axis = position.axis === 'row' ? 'column' : 'row';
    const others = tables.filter((table) => table !== own);
    const outer = this.nodeScope(
      others.flatMap((table) => [...allAxisNodes(table, 'row'), ...allAxisNodes(table, 'column')]),
      undefined,
    );
    const ownOther = own ? this.nodeScope(allAxisNodes(own, otherAxis), outer) : outer;
    const ownAxis = own ? this.nodeScope(allAxisNodes(own, position.axis), ownOther) : ownOther;
    const variables = this.visibleVariables(item, position.quantifier);
    return new StreamScope(stream(variables.map((quantifier) => this.describe(quantifier, quantifierVariableName(quantifier)))), ownAxis);
  }

  private nodeScope(nodes: Array<Parameters<typeof axisNodeId>[0]>, outer: Scope | undefined): Scope {
    // Nodes without a name (left by error recovery) cannot be referenced.
    const named = nodes.filter((node) => axisNodeId(node).split('.').every((part) => part !== ''));
    return new StreamScope(stream(named.map((node) => this.describe(node, axisNodeId(node)))), outer);
  }

  private visibleVariables(item: AstNode, enclosing: Quantifier | undefined): Quantifier[] {
    let current: AstNode | undefined = item;
    while (current && !isArithmeticBody(current)) {
      current = current.$container;
    }
    if (!current) {
      return [];
    }
    const quantifiers = current.quantifiers ?? [];
    const visible = enclosing ? quantifiers.slice(0, quantifiers.indexOf(enclosing)) : quantifiers;
    // Later quantifiers shadow earlier ones of the same name.
    return [...visible].reverse();
  }

  private describe(node: AstNode, name: string): AstNodeDescription {
    return this.descriptions.createDescription(node, name);
  }
}

function findTemplate(node: AstNode): Template | undefined {
  let current: AstNode | undefined = node;
  while (current && !isTemplate(current)) {
    current = current.$container;
  }
  return current;
}
