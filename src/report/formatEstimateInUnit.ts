import type { MassUnit } from './chooseMassUnit.ts';
import { type EstimateText, formatMoneyEstimate, formatTonnesEstimate } from './formatAmountEstimate.ts';
import { formatEstimate } from './formatEstimate.ts';

/**
 * A level (not a difference) and its interval in any unit of the outputs, the three rounded alike
 * and each written with its unit as `formatQuantity` writes one number: money and masses through
 * `formatMoneyEstimate` and `formatTonnesEstimate`, shares in percentage points, the rest through
 * `formatEstimate`: "4.21 weeks (95% CI 3.80 weeks to 4.62 weeks)", not "4.21 weeks (… 3.8 to 4.62 weeks)";
 * multiples name what they multiply once, after the mean: "1.69× the starting price (95% CI 1.67× to 1.70×)".
 *
 * @param mean - The estimate.
 * @param low - The interval's low end.
 * @param high - The interval's high end.
 * @param unit - Its unit as in the outputs (`t`, `USD`, `weeks`, `x base`, `x home demand`, `share`, `''`, …).
 * @param massUnit - For unit `t`: the unit to write it in; default: the one that suits the largest.
 * @returns The three as text (`n/a` for one that is not finite).
 * @example
 * formatEstimateInUnit(4.213, 3.8, 4.62, 'weeks').low; // '3.80 weeks'
 */
export function formatEstimateInUnit(mean: number, low: number, high: number, unit: string, massUnit?: MassUnit): EstimateText {
  if (unit === 'USD') return formatMoneyEstimate(mean, low, high);
  if (unit === 't') return formatTonnesEstimate(mean, low, high, massUnit);
  const scale = unit === 'share' ? 100 : 1;
  const shown = formatEstimate(mean * scale, low * scale, high * scale);
  const text = (number: string): string => (number === 'n/a' ? number : `${number}${unitAfterNumber(number, unit)}`);
  // Multiples name what they multiply once, after the mean: "1.69× the starting price (95% CI 1.67× to 1.70×)".
  const multiple = (number: string): string => (number === 'n/a' ? number : `${number}×`);
  if (unit === 'x base' || unit === 'x home demand') return { mean: text(shown.mean), low: multiple(shown.low), high: multiple(shown.high) };
  return { mean: text(shown.mean), low: text(shown.low), high: text(shown.high) };
}

/**
 * What follows a number of a unit other than money or mass: `× the starting price` for `x base`,
 * ` percentage points` for a share, ` week` or ` weeks`, else ` ` and the unit (nothing for `''`).
 *
 * @param number - The number as written (decides week or weeks).
 * @param unit - Its unit as in the outputs.
 * @returns The text to append.
 * @example
 * unitAfterNumber('1', 'weeks'); // ' week'
 */
export function unitAfterNumber(number: string, unit: string): string {
  if (unit === 'share') return ' percentage points';
  if (unit === 'x base') return '× the starting price';
  if (unit === 'x home demand') return '× home demand';
  if (unit === 'weeks') return /^[+−]?1$/.test(number) ? ' week' : ' weeks';
  return unit === '' ? '' : ` ${unit}`;
}
