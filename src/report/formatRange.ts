import { formatNumber } from './formatNumber.ts';

/**
 * Formats an interval for people: `a–b` when both ends are non-negative, `a to b` with a true
 * minus sign otherwise (a dash between negative numbers reads as a subtraction). With `floor`,
 * both ends are first raised to it (intervals of quantities that cannot be negative).
 *
 * @param low - Lower end.
 * @param high - Upper end.
 * @param floor - Smallest meaningful value, e.g. 0 for tonnes or weeks; omitted for differences.
 * @returns e.g. `15.6–21.1`, `−3.92 to −1.68`, `n/a`.
 * @example
 * formatRange(-10.7, 49, 0); // '0–49'
 */
export function formatRange(low: number, high: number, floor?: number): string {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return 'n/a';
  const a = floor === undefined ? low : Math.max(floor, low);
  const b = floor === undefined ? high : Math.max(floor, high);
  const text = (x: number): string => formatNumber(x).replace(/^-/, '−');
  return a >= 0 && b >= 0 ? `${text(a)}–${text(b)}` : `${text(a)} to ${text(b)}`;
}
