import { isAxisItem, isAxisNode, subtreeNodes, type AxisNode } from '@nianbao/template-language';
import { CstUtils, type CstNode, type MaybePromise, type LangiumDocument, type LangiumDocuments, type URI } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import type { CancellationToken, Position, Range, RenameParams, TextDocumentPositionParams, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextEdit } from 'vscode-languageserver-protocol';

/** One local name of a dotted id (`results`, `total`, `t2-1`). */
const LOCAL_NAME = /[_a-zA-Z]\w*(?:-\w+)*/gu;
const WHOLE_LOCAL_NAME = /^[_a-zA-Z]\w*(?:-\w+)*$/u;

/** The row, column or group being renamed, and the range of the name the cursor is on. */
interface AxisRenameTarget {
  node: AxisNode;
  range: Range;
}

/**
 * Renames rows, columns and groups by their local name. Their ids are dotted paths (`results.total`), so a
 * reference names the node and every group above it: renaming `total` rewrites only the last part of
 * `results.total`, renaming the group `results` rewrites the first part of every reference to it or to a
 * node under it. On a reference, the part under the cursor says which node is meant (`results` or `total`
 * of `results.total`). Anything else (tables, sections, quantifier variables) is renamed as Langium does.
 */
export class TemplateRenameProvider extends DefaultRenameProvider {
  private readonly documents: LangiumDocuments;

  constructor(services: LangiumServices) {
    super(services);
    this.documents = services.shared.workspace.LangiumDocuments;
  }

  override async rename(document: LangiumDocument, params: RenameParams, token?: CancellationToken): Promise<WorkspaceEdit | undefined> {
    const target = this.axisTarget(document, params.position);
    if (!target) return super.rename(document, params, token);
    // A row or column is renamed by its local name: a dotted or otherwise invalid name changes nothing.
    if (!WHOLE_LOCAL_NAME.test(params.newName)) return undefined;
    const changes: Record<string, TextEdit[]> = {};
    const add = (uri: string, edit: TextEdit): void => {
      (changes[uri] ??= []).push(edit);
    };
    const nameNode = this.nameProvider.getNameNode(target.node);
    if (nameNode) add(document.uri.toString(), TextEdit.replace(nameNode.range, params.newName));
    const depth = groupDepth(target.node);
    for (const node of subtreeNodes(target.node)) {
      for (const reference of this.references.findReferences(node, { includeDeclaration: false })) {
        const range = this.partRange(reference.sourceUri, reference.segment.offset, reference.segment.end, depth);
        if (range) add(reference.sourceUri.toString(), TextEdit.replace(range, params.newName));
      }
    }
    return { changes };
  }

  override prepareRename(
    document: LangiumDocument,
    params: TextDocumentPositionParams,
    token?: CancellationToken,
  ): MaybePromise<Range | undefined> {
    return this.axisTarget(document, params.position)?.range ?? super.prepareRename(document, params, token);
  }

  /** The row, column or group named at `position`: its declaration's name, or one part of a reference. */
  private axisTarget(document: LangiumDocument, position: Position): AxisRenameTarget | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const offset = document.textDocument.offsetAt(position);
    const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
    if (!leaf) return undefined;
    if (isAxisNode(leaf.astNode) && this.nameProvider.getNameNode(leaf.astNode) === leaf) {
      return { node: leaf.astNode, range: leaf.range };
    }
    const declared = this.references.findDeclarations(leaf)[0];
    if (!isAxisNode(declared)) return undefined;
    const referenceNode = referenceCstNode(leaf);
    if (!referenceNode) return undefined;
    const parts = [...referenceNode.text.matchAll(LOCAL_NAME)];
    const part = parts.findIndex((match) => referenceNode.offset + match.index === leaf.offset);
    const path = groupPath(declared);
    if (part < 0 || parts.length !== path.length) return undefined;
    return { node: path[part], range: leaf.range };
  }

  /** The range of the `part`-th local name of the reference text between `start` and `end` of a document. */
  private partRange(uri: URI, start: number, end: number, part: number): Range | undefined {
    const textDocument = this.documents.getDocument(uri)?.textDocument;
    if (!textDocument) return undefined;
    const match = [...textDocument.getText().slice(start, end).matchAll(LOCAL_NAME)][part];
    if (!match) return undefined;
    const at = start + match.index;
    return { start: textDocument.positionAt(at), end: textDocument.positionAt(at + match[0].length) };
  }
}

/** The node and the groups above it, outermost first. */
function groupPath(node: AxisNode): AxisNode[] {
  const path: AxisNode[] = [];
  for (let current: unknown = node; isAxisNode(current); current = current.$container) path.unshift(current);
  return path;
}

/** How many groups stand above a node: the index of its own name in its dotted id. */
function groupDepth(node: AxisNode): number {
  return groupPath(node).length - 1;
}

/** The CST node of the whole reference text a leaf belongs to (`results.total` for the leaf `total`). */
function referenceCstNode(leaf: CstNode): CstNode | undefined {
  const item = leaf.astNode;
  if (!isAxisItem(item)) return undefined;
  return [item.ref?.$refNode, item.parentOf?.$refNode].find(
    (node) => node !== undefined && node.offset <= leaf.offset && leaf.end <= node.end,
  );
}
