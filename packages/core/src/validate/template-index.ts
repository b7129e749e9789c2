import type { CellIR, TableIR, TemplateIR } from '../ir/template-ir.js';

/**
 * Lookups of one template that every report checked against it needs: tables and cells by id, the
 * cells some arithmetic rule counts as 0 when blank, and memoised cell labels. Built once per template
 * object (templates are immutable) and shared by all validations.
 */
export interface TemplateIndex {
  tablesById: ReadonlyMap<string, TableIR>;
  cellsById: ReadonlyMap<string, CellIR>;
  /**
   * The place of each cell id among the template's cells (the last, should an id repeat): a report's
   * cells are kept by it in an array (see `ValidationContext`), not in a map filled per report.
   */
  cellSlots: ReadonlyMap<string, number>;
  /** Cells that some arithmetic rule with `blank: zero` uses. */
  blankAsZero: ReadonlySet<string>;
  /**
   * Display labels of cells, by the part left out (`''` for none, see `ValidationContext.cellLabel`) and
   * cell id (filled on demand): a map per part, so that a look-up builds no key string.
   */
  cellLabels: Readonly<Record<'' | 'row' | 'column', Map<string, string>>>;
}

const cache = new WeakMap<TemplateIR, TemplateIndex>();

/** The index of `template`, built on first use. */
export function templateIndex(template: TemplateIR): TemplateIndex {
  let index = cache.get(template);
  if (!index) {
    const blankAsZero = new Set<string>();
    for (const rule of template.rules) {
      if (rule.kind !== 'arithmetic' || rule.blank !== 'zero') continue;
      for (const equation of rule.equations) {
        const terms = [...equation.lhs, ...equation.rhs, ...(equation.when?.lhs ?? []), ...(equation.when?.rhs ?? [])];
        for (const term of terms) blankAsZero.add(term.cell);
      }
    }
    index = {
      tablesById: new Map(template.tables.map((table) => [table.id, table])),
      cellsById: new Map(template.cells.map((cell) => [cell.id, cell])),
      cellSlots: new Map(template.cells.map((cell, slot) => [cell.id, slot])),
      blankAsZero,
      cellLabels: { '': new Map(), row: new Map(), column: new Map() },
    };
    cache.set(template, index);
  }
  return index;
}
