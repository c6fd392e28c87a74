import { chooseMassUnit, PER_TONNE, type MassUnit } from './chooseMassUnit.ts';
import { formatLevelValue } from './comparisonFigures.ts';
import { formatLevelPair } from './formatLevelPair.ts';
import { formatQuantity } from './formatQuantity.ts';

/**
 * Two levels of one quantity set side by side (`reference → alternative`), each to three
 * significant digits and both with the same decimals, trailing zeros kept (`28.0 → 31.7 t`, `28.0 →
 * 4.8 t`, `1,040 → 191 t`): the decimals of the larger, never past units, except that a much smaller
 * level keeps two significant digits of its own (`1,040 → 5.2 t`, `116 → 9.5 kg`). formatQuantity alone
 * trims each to its own digits and drops a trailing zero (`28 → 31.7 t`: the mean of 28.0 read as
 * less precise than its neighbour). Levels that differ but would read alike take formatLevelPair's
 * digits (`704,482 → 703,994 t`, not `704,000 → 704,000 t`); otherwise not, since its extra digits
 * (`1,043.8 → 1,070.0 t`) are noise beside the paired difference the sentence gives. An exact 0
 * stays `0` (no run short at all). Masses (`t`) in one unit for both (the one given, else the one
 * that suits the larger), plain numbers (`weeks`, none) alike; other units (money, shares,
 * multiples) as formatLevelValue writes each.
 *
 * @param a - The first level (the reference's).
 * @param b - The second level (the alternative's).
 * @param unit - The quantity's unit as in the output files (`t`, `weeks`, `USD`, `share`, ...).
 * @param massUnit - For `t`: the unit to write both in; default: the one that suits the larger.
 * @returns The two texts, each with its unit.
 * @example
 * formatLevelsAlike(28.01, 4.8, 't'); // ['28.0 t', '4.8 t']
 */
export function formatLevelsAlike(a: number, b: number, unit: string, massUnit?: MassUnit): [string, string] {
  if (unit !== 't' && unit !== 'weeks' && unit !== '') return [formatLevelValue(a, unit, massUnit), formatLevelValue(b, unit, massUnit)];
  if (!Number.isFinite(a) || !Number.isFinite(b)) return [formatLevelValue(a, unit, massUnit), formatLevelValue(b, unit, massUnit)];
  const mass = unit === 't' ? (massUnit ?? chooseMassUnit([a, b])) : undefined;
  const [x, y] = mass === undefined ? [a, b] : [a * PER_TONNE[mass], b * PER_TONNE[mass]];
  const written = unit === 't' ? (mass as string) : unit;
  const withUnit = (number: string): string => (written === '' ? number : `${number} ${written === 'weeks' && number === '1' ? 'week' : written}`);
  // Levels that differ but read alike at three digits: formatLevelPair's digits, already shared.
  if (x !== y && formatQuantity(x, '') === formatQuantity(y, '')) {
    const [p, q] = formatLevelPair(x, y, '');
    return [withUnit(p), withUnit(q)];
  }
  // The larger's three significant digits, as it rounds (99.96 reads 100, so no decimals).
  const larger = Number(Math.max(Math.abs(x), Math.abs(y)).toPrecision(3));
  const decimals = larger === 0 ? 0 : Math.max(0, 2 - Math.floor(Math.log10(larger)));
  const text = (v: number): string => {
    if (v === 0) return '0';
    // Three significant digits at most (1,044 reads 1,040); below 1,000 the shared decimals are at most
    // its own three digits' (rounding to three digits first would round twice: 4.846 to 4.85, then 4.9).
    const rounded = Math.abs(v) >= 1000 ? Number(v.toPrecision(3)) : v;
    // A much smaller level keeps two significant digits of its own (1,040 → 5.2 t, not 5 t: the
    // shared decimals alone would round away what the alternative left).
    const own = Math.min(20, Math.max(decimals, 1 - Math.floor(Math.log10(Math.abs(v)))));
    const number = rounded.toLocaleString('en-GB', { minimumFractionDigits: own, maximumFractionDigits: own, useGrouping: true });
    // A level that rounds to zero is unsigned.
    return /^-0(\.0*)?$/.test(number) ? number.slice(1) : number.replace(/^-/, '−');
  };
  return [withUnit(text(x)), withUnit(text(y))];
}
