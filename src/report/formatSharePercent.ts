import { formatNumber } from './formatNumber.ts';

/** Shares whose size in percent is below this print as `<0.01%` (formatSharePercent). */
export const SMALLEST_SHARE_SHOWN = 0.0001;

/**
 * Formats a share (1 = 100%) as a percentage to `digits` significant digits, for a difference
 * against a level (`0.24%`, `0.0076%`); a share above 0 and under 0.01% reads `<0.01%` (`>−0.01%`
 * below 0), not `0.000000016%`, whose digits say nothing a reader can use. formatPercent rounds to
 * whole percents (`<1%`), for shares of demand and probabilities.
 *
 * @param share - The share.
 * @param digits - Significant digits (default 2).
 * @returns The text; "n/a" for NaN or ±Infinity.
 * @example
 * formatSharePercent(0.0024); // '0.24%'
 * formatSharePercent(1.6e-10); // '<0.01%'
 */
export function formatSharePercent(share: number, digits = 2): string {
  if (!Number.isFinite(share)) return 'n/a';
  if (share !== 0 && Math.abs(share) < SMALLEST_SHARE_SHOWN) return share > 0 ? '<0.01%' : '>−0.01%';
  return `${formatNumber(share * 100, digits).replace(/^-/, '−')}%`;
}
