/** A number for display: integers as they are, other values rounded to four decimals. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 10000) / 10000);
}
