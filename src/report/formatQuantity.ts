import { formatMoney } from './formatMoney.ts';
import { formatNumber } from './formatNumber.ts';

/**
 * Formats a value (or a difference) with its unit as a reader says it: money in millions or
 * billions of USD, shares in percentage points, multiples with "×", anything else as
 * "number unit"; negative numbers with a true minus sign.
 *
 * @param value - The value in the unit of summary.json.
 * @param unit - The unit (`USD`, `share`, `x base`, `weeks`, `t`, …) or ''.
 * @returns e.g. `USD −35 million`, `5.6 % points`, `2.5× base`, `−2.8 weeks`.
 * @example
 * formatQuantity(0.056, 'share'); // '5.6 % points'
 */
export function formatQuantity(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  const minus = (text: string): string => text.replace(/-/g, '−');
  if (unit === 'USD') return minus(formatMoney(value));
  if (unit === 'share') return `${minus(formatNumber(value * 100))} % points`;
  if (unit === 'x base') return `${minus(formatNumber(value))}× base`;
  return unit === '' ? minus(formatNumber(value)) : `${minus(formatNumber(value))} ${unit}`;
}
