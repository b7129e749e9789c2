import type { AstNode, AstNodeDescription, ReferenceInfo, Scope } from 'langium';
import { DefaultScopeProvider, EMPTY_SCOPE, StreamScope, stream } from 'langium';
import type { Quantifier, Table, Template } from '../generated/ast.js';
import { isArithmeticBody, isAxisItem, isSection, isTable, isTemplate } from '../generated/ast.js';
import type { InheritedTemplateProvider } from '../inheritance/inherited-template-provider.js';
import type { NianbaoTemplateServices } from '../nianbao-template-module.js';
import type { Axis } from '../semantics/axis-tree.js';
import { allAxisNodes, axisNodeId } from '../semantics/axis-tree.js';
import { axisPositionOf, quantifierVariableName } from './axis-position.js';

/**
 * Scopes row/column references. Innermost first: the rule's quantifier variables (a quantifier's domain
 * sees only the quantifiers before it), then the nodes of the position's axis of the position's table,
 * then its other axis, then every other table. References that resolve outside the expected axis or
 * table are reported by the validator with a precise message instead of a bare "cannot resolve".
 *
 * In a template that `extends` another, the parts it inherits are in scope too: its own tables and
 * sections first, then those of the template flattened over its base (patches applied), so inherited names
 * resolve in the editor as they do when the template is checked as a whole.
 */
export class NianbaoTemplateScopeProvider extends DefaultScopeProvider {
  private readonly inherited: InheritedTemplateProvider;

  constructor(services: NianbaoTemplateServices) {
    super(services);
    this.inherited = services.inheritance.InheritedTemplates;
  }

  override getScope(context: ReferenceInfo): Scope {
    if (isAxisItem(context.container) && (context.property === 'ref' || context.property === 'parentOf')) {
      return this.axisScope(context.container);
    }
    const own = super.getScope(context);
    const template = findTemplate(context.container);
    const flattened = template ? this.inherited.flattened(template) : undefined;
    if (!template || !flattened) {
      return own;
    }
    const type = this.reflection.getReferenceType(context);
    const inherited = flattened.members.filter((member) => (type === 'Table' ? isTable(member) : type === 'Section' ? isSection(member) : false));
    if (inherited.length === 0) {
      return own;
    }
    const outer = new StreamScope(stream(inherited.map((member) => this.describe(member, (member as Table).name))));
    return new StreamScope(own.getAllElements(), outer);
  }

  private axisScope(item: AstNode): Scope {
    const position = axisPositionOf(item);
    const template = findTemplate(item);
    if (!position || !template) {
      return EMPTY_SCOPE;
    }
    const tables = template.members.filter((member): member is Table => member.$type === 'Table');
    // Inherited tables (of the flattened template) that the template does not declare itself.
    const flattened = this.inherited.flattened(template);
    if (flattened) {
      const declared = new Set(tables.map((table) => table.name));
      tables.push(...flattened.members.filter((member): member is Table => isTable(member) && !declared.has(member.name)));
    }
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
