import { formatMultiple } from './formatMultiple.ts';
import type { MassUnit } from './chooseMassUnit.ts';
import { formatMoney } from './formatMoney.ts';
import { formatNumber } from './formatNumber.ts';
import { formatTonnes } from './formatTonnes.ts';

/**
 * Formats a value (or a difference) with its unit as a reader says it: money in millions or
 * billions of USD, shares in percentage points, multiples with "×", anything else as
 * "number unit"; negative numbers with a true minus sign.
 *
 * @param value - The value in the unit of summary.json.
 * @param unit - The unit (`USD`, `share`, `x base`, `weeks`, `t`, …) or ''.
 * @param massUnit - For unit `t`: the unit to write it in (one shared by figures compared together,
 *   see `chooseMassUnit`); default: chosen from the value itself.
 * @returns e.g. `USD −35 million`, `5.6 percentage points`, `2.5× the starting price`, `1.97× home demand`, `−2.8 weeks`, `28.6 kg`.
 * @example
 * formatQuantity(0.056, 'share'); // '5.6 percentage points'
 */
export function formatQuantity(value: number, unit: string, massUnit?: MassUnit): string {
  if (!Number.isFinite(value)) return 'n/a';
  const minus = (text: string): string => text.replace(/-/g, '−');
  if (unit === 'USD') return minus(formatMoney(value));
  if (unit === 'share') return `${minus(formatNumber(value * 100))} percentage points`;
  if (unit === 'x base') return `${formatMultiple(value)} the starting price`;
  if (unit === 'x home demand') return `${formatMultiple(value)} home demand`;
  if (unit === 't') return minus(formatTonnes(value, massUnit));
  const number = minus(formatNumber(value));
  if (unit === 'weeks' && (number === '1' || number === '−1')) return `${number} week`;
  return unit === '' ? number : `${number} ${unit}`;
}

/**
 * Formats a difference with an explicit sign (`+4.2 t`, `−USD 3 million`, `+1 week`), for changes
 * a reader must not mistake for levels; zero is written `0` with its unit.
 *
 * @param value - The difference in the unit of summary.json.
 * @param unit - As for {@link formatQuantity} (which writes `1 week`, not `1 weeks`).
 * @returns The signed text.
 * @example
 * formatSignedQuantity(1, 'weeks'); // '+1 week'
 */
export function formatSignedQuantity(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  const text = formatQuantity(Math.abs(value), unit);
  return value > 0 && text !== formatQuantity(0, unit) ? `+${text}` : value < 0 && text !== formatQuantity(0, unit) ? `−${text}` : text;
}
