import type { LocalizationConstraint } from './localize-errors.js';

/**
 * Whether a comparison holds whose two sides differ by `difference` (left minus right), a safe integer:
 * `=` within `tolerance` either way, `<=` / `>=` up to `tolerance` past the bound, `<` / `>` strictly.
 * In plain numbers, which is exact here: an integer and a tolerance's double lie on the same sides of
 * each other as the integer and the tolerance's decimal value.
 */
export function integerComparisonHolds(op: LocalizationConstraint['op'], difference: number, tolerance: number): boolean {
  switch (op) {
    case '=':
      return Math.abs(difference) <= tolerance;
    case '<=':
      return difference <= tolerance;
    case '>=':
      return difference >= -tolerance;
    case '<':
      return difference < 0;
    case '>':
      return difference > 0;
  }
}
