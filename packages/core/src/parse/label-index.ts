import type { LabelPattern } from './label-match.js';
import type { RowLabelPlan } from './table-plan.js';

/**
 * The row labels of a table by the first UTF-16 unit of their patterns' keys: the label search tries a
 * label it does not expect yet only where the text starts as one of its patterns does, and looks those
 * patterns up here instead of going over every label at every text item.
 */

/** One pattern of a row label: the label's index in the plan's labels, and the pattern. */
export interface IndexedPattern {
  label: number;
  pattern: LabelPattern;
}

const indexes = new WeakMap<readonly RowLabelPlan[], Map<number, IndexedPattern[]>>();
const NONE: readonly IndexedPattern[] = [];

/**
 * The patterns of `labels` whose key starts with the unit `first`, in label order, then in the order of
 * each label's patterns (patterns with an empty key are in no list). Indexed once per list of labels
 * (i.e. per table plan).
 */
export function patternsStartingWith(labels: readonly RowLabelPlan[], first: number): readonly IndexedPattern[] {
  let index = indexes.get(labels);
  if (index === undefined) {
    index = new Map();
    for (let t = 0; t < labels.length; t++) {
      for (const pattern of labels[t].patterns) {
        if (pattern.key === '') continue;
        const unit = pattern.key.charCodeAt(0);
        let list = index.get(unit);
        if (list === undefined) index.set(unit, (list = []));
        list.push({ label: t, pattern });
      }
    }
    indexes.set(labels, index);
  }
  return index.get(first) ?? NONE;
}
