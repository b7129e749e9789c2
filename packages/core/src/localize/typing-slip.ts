/**
 * Typing slips: when the value a table's arithmetic asks for differs from the written one by a classic
 * keyboard slip, the localiser says so — it makes the proposed fix far more credible.
 */

/** The kind of slip that turns the intended number into the written one. */
export type TypingSlipKind =
  /** Two adjacent digits swapped (1058 written as 1085). */
  | 'swap'
  /** One digit typed twice or one stray digit added (105 written as 1055). */
  | 'extra-digit'
  /** One digit left out (1055 written as 105). */
  | 'missing-digit';

/** A recognised slip between a written number and the intended one. */
export interface TypingSlip {
  kind: TypingSlipKind;
  written: string;
  intended: string;
}

function digitsOf(text: string): { sign: string; digits: string } | null {
  const compact = text.replace(/[\s,，]/g, '').replace(/^[−－]/, '-').replace(/^[+＋]/, '');
  const match = /^(-?)(\d+(?:\.\d+)?)$/.exec(compact);
  return match ? { sign: match[1], digits: match[2] } : null;
}

function deletesOneCharacter(longer: string, shorter: string): boolean {
  for (let i = 0; i < longer.length; i++) {
    if (longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
  }
  return false;
}

/**
 * Recognises a slip that turns `intended` into `written` (both decimal numerals, ASCII or with thousands
 * separators). Returns null when the two are equal, have different signs, or are not one slip apart.
 * A lone 0 never counts as the shorter side of an added/missing digit (0 → 10 is a different number,
 * not a slip).
 */
export function detectTypingSlip(written: string, intended: string): TypingSlip | null {
  const w = digitsOf(written);
  const i = digitsOf(intended);
  if (!w || !i || w.sign !== i.sign || w.digits === i.digits) return null;
  const a = w.digits;
  const b = i.digits;
  if (a.length === b.length) {
    const diffs = [...a].flatMap((ch, k) => (ch === b[k] ? [] : [k]));
    if (diffs.length === 2 && diffs[1] === diffs[0] + 1 && a[diffs[0]] === b[diffs[1]] && a[diffs[1]] === b[diffs[0]]) {
      return { kind: 'swap', written, intended };
    }
    return null;
  }
  if (a.length === b.length + 1 && b !== '0' && deletesOneCharacter(a, b)) return { kind: 'extra-digit', written, intended };
  if (b.length === a.length + 1 && a !== '0' && deletesOneCharacter(b, a)) return { kind: 'missing-digit', written, intended };
  return null;
}
