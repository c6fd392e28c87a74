/**
 * Formats a share (0–1) as a whole-number percentage, keeping "less than 1%" visible.
 *
 * @param share - The share.
 * @returns The text, e.g. `94%`, `<1%`; "n/a" for NaN.
 * @example
 * formatPercent(0.9399); // '94%'
 */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return 'n/a';
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}
