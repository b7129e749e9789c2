import type { AstNode } from 'langium';
import type { TemplateCheckCode, TemplateMessageArgs } from '../validation/template-check-codes.js';

/** A problem found while analysing a template, attached to the AST node (and property) it is about. */
export interface AnalysisProblem {
  code: TemplateCheckCode;
  node: AstNode;
  property?: string;
  index?: number;
  args: TemplateMessageArgs;
}

/** Collects problems, reporting each code at most once per node and property (expansion repeats work). */
export class ProblemCollector {
  readonly problems: AnalysisProblem[] = [];
  private readonly seen = new WeakMap<AstNode, Set<string>>();

  /** Record a problem unless the same code was already recorded for this node and property. */
  report(code: TemplateCheckCode, node: AstNode, args: TemplateMessageArgs = {}, property?: string, index?: number): void {
    const key = `${code}|${property ?? ''}|${index ?? ''}`;
    let keys = this.seen.get(node);
    if (!keys) {
      keys = new Set();
      this.seen.set(node, keys);
    }
    if (keys.has(key)) {
      return;
    }
    keys.add(key);
    this.problems.push({ code, node, args, property, index });
  }
}
