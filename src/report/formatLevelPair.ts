import { formatQuantity } from './formatQuantity.ts';

/**
 * Two levels of one quantity written with enough significant digits that their difference shows
 * with three (704,482 t and 703,994 t, not 704,000 t twice; both with the same decimals); equal
 * levels, and levels whose difference the usual three digits keep, as formatQuantity writes them.
 *
 * @param a - First level.
 * @param b - Second level.
 * @param unit - The quantity's unit as in the output files (`t`, `USD`, `weeks`, ...).
 * @returns The two texts.
 * @example
 * formatLevelPair(704481.5, 703993.6, 't'); // ['704,482 t', '703,994 t']
 */
export function formatLevelPair(a: number, b: number, unit: string): [string, string] {
  const plain: [string, string] = [formatQuantity(a, unit), formatQuantity(b, unit)];
  if (!Number.isFinite(a) || !Number.isFinite(b) || a === b) return plain;
  const difference = Math.abs(a - b);
  const largest = Math.max(Math.abs(a), Math.abs(b));
  // Digits down to the difference's third significant digit.
  // (+1e-9: a difference such as 704,481.5 − 704,481.4 comes out a hair under 0.1, whose log would floor to −2.)
  const digits = Math.min(15, Math.max(3, Math.floor(Math.log10(largest)) - Math.floor(Math.log10(difference) + 1e-9) + 3));
  // The usual three digits when they keep the difference (within 5%): 14 t and 10 t, USD 250 and 251 million.
  const three = (v: number): number => Number(v.toPrecision(3));
  if (plain[0] !== plain[1] && Math.abs(three(a) - three(b) - (a - b)) <= 0.05 * difference) return plain;
  // Both with the same decimals (704,081.7 and 704,117.0), rounded where the digits end.
  const decimals = Math.min(20, Math.max(0, digits - Math.floor(Math.log10(largest)) - 1));
  const step = 10 ** (Math.floor(Math.log10(largest)) + 1 - digits);
  const text = (v: number): string => {
    const rounded = decimals > 0 ? v : Math.round(v / step) * step;
    const number = rounded.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true }).replace(/^-/, '−');
    return unit === 'USD' ? `USD ${number}` : unit === '' ? number : `${number} ${unit}`;
  };
  return [text(a), text(b)];
}
