/**
 * Formats a share (0–1) as a whole-number percentage; every share above 0 and below 1% is `<1%`.
 *
 * @param share - The share.
 * @returns The text, e.g. `94%`, `<1%`; "n/a" for NaN.
 * @example
 * formatPercent(0.9399); // '94%'
 */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return 'n/a';
  // Every share under 1% reads `<1%` (0.67% too): rounding 0.5-0.99% up to `1%` put it beside a smaller `<1%` as if it were larger.
  if (share > 0 && share < 0.01) return '<1%';
  return `${Math.round(share * 100)}%`;
}
