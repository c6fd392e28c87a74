import { formatQuantity } from './formatQuantity.ts';

/**
 * A difference's 95% CI with signed ends, the unit written once when it is a plain suffix:
 * `+1.08 to +2.42 t`, `−0.469 to −0.431× base`, `+USD 106 million to +USD 127 million`.
 *
 * @param low - Lower end.
 * @param high - Upper end.
 * @param unit - Unit as in `comparison.json`.
 * @returns The interval, or `n/a`.
 * @example
 * formatDifferenceRange(1.08, 2.42, 't'); // '+1.08 to +2.42 t'
 */
export function formatDifferenceRange(low: number, high: number, unit: string): string {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return 'n/a';
  const a = formatDifference(low, unit);
  const b = formatDifference(high, unit);
  const suffix = unit === 'x base' ? '× base' : unit === 'share' ? ' % points' : unit === 'USD' || unit === '' ? '' : ` ${unit}`;
  return `${suffix !== '' && a.endsWith(suffix) ? a.slice(0, -suffix.length) : a} to ${b}`;
}

/**
 * Formats a difference with its sign always shown (`+1.75 t`, `−0.45× base`, `+USD 117 million`,
 * `0 t`), so a reader never has to guess which way it goes.
 *
 * @param value - The difference.
 * @param unit - Its unit as in `comparison.json` (`t`, `weeks`, `x base`, `USD`, `share`).
 * @returns The signed quantity, or `n/a`.
 * @example
 * formatDifference(1.75, 't'); // '+1.75 t'
 */
export function formatDifference(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  const size = formatQuantity(Math.abs(value), unit);
  return value === 0 ? size : `${value > 0 ? '+' : '−'}${size}`;
}
