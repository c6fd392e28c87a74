import { formatNumber } from './formatNumber.ts';

/**
 * Formats a mass given in tonnes in the unit a reader takes in at a glance: tonnes from 1 t up,
 * kilograms below (`28.6 kg`, not `0.0286 t`), grams below 1 kg.
 *
 * @param tonnes - Mass in tonnes (may be negative).
 * @returns e.g. `14.6 t`, `28.6 kg`, `0 t`; "n/a" for NaN.
 * @example
 * formatTonnes(0.0286); // '28.6 kg'
 */
export function formatTonnes(tonnes: number): string {
  if (!Number.isFinite(tonnes)) return 'n/a';
  const size = Math.abs(tonnes);
  if (size === 0 || size >= 1) return `${formatNumber(tonnes)} t`;
  if (size >= 0.001) return `${formatNumber(tonnes * 1000)} kg`;
  return `${formatNumber(tonnes * 1e6)} g`;
}
