import { chooseMassUnit, PER_TONNE, type MassUnit } from './chooseMassUnit.ts';
import { formatMoneyEstimate } from './formatAmountEstimate.ts';
import { formatEstimate } from './formatEstimate.ts';
import { unitAfterNumber } from './formatEstimateInUnit.ts';

/**
 * A paired difference with its 95% CI, the three signed and rounded alike (`formatEstimate`), the
 * interval's unit written once after its high end: `+7.79 t (+3.62 to +11.96 t)`, not
 * `+7.79 t (+3.62 to +12 t)`; `−0.305× the starting price (−0.350 to −0.261× the starting price)`;
 * money, whose unit comes first, on every figure: `+USD 94.7 million (+USD 90.0 million to +USD 99.3 million)`.
 *
 * @param mean - The mean difference.
 * @param low - Its interval's low end.
 * @param high - Its interval's high end.
 * @param unit - Its unit as in `comparison.json` (`t`, `weeks`, `x base`, `x home demand`, `USD`, `share`, …).
 * @param massUnit - For unit `t`: the unit to write it in; default: the one that suits the largest.
 * @returns The difference and its interval, or `n/a` for a mean that is not finite.
 * @example
 * formatDifferenceEstimate(7.79, 3.62, 11.96, 't'); // '+7.79 t (+3.62 to +11.96 t)'
 */
export function formatDifferenceEstimate(mean: number, low: number, high: number, unit: string, massUnit?: MassUnit): string {
  const shown = formatDifferenceEstimateParts(mean, low, high, unit, massUnit);
  return shown.range === undefined ? shown.mean : `${shown.mean} (${shown.range})`;
}

/** A signed difference and its interval as text, each with its unit; no interval when an end is not finite. */
export interface DifferenceEstimateParts {
  mean: string;
  /** The interval's ends, each with its unit (`−1,930 t`), for sentences that write it on both. */
  low?: string;
  high?: string;
  /** The interval with the unit once, after its high end (`−1,930 to −1,420 t`), as tables write it. */
  range?: string;
}

/**
 * `formatDifferenceEstimate`'s two halves, for sentences that word the interval themselves
 * ("+1.04 (95% CI +0.94 to +1.13)", "−1,670 t (95% CI −1,930 t to −1,420 t)"): the signed mean with its
 * unit, and the interval's ends, each with its unit and together with the unit once after the high end
 * (on both ends for money).
 *
 * @param mean - The mean difference.
 * @param low - Its interval's low end.
 * @param high - Its interval's high end.
 * @param unit - Its unit as in `comparison.json` (`t`, `weeks`, `x base`, `USD`, `share`, `''`, …).
 * @param massUnit - For unit `t`: the unit to write it in; default: the one that suits the largest.
 * @returns The mean (`n/a` when not finite) and the interval (undefined when an end is not finite).
 * @example
 * formatDifferenceEstimateParts(-1670, -1930, -1420, 't').low; // '−1,930 t'
 */
export function formatDifferenceEstimateParts(mean: number, low: number, high: number, unit: string, massUnit?: MassUnit): DifferenceEstimateParts {
  if (!Number.isFinite(mean)) return { mean: 'n/a' };
  const bounded = Number.isFinite(low) && Number.isFinite(high);
  if (unit === 'USD') {
    const shown = formatMoneyEstimate(mean, low, high);
    const sign = (text: string): string => (text === 'USD 0' || text.startsWith('−') ? text : `+${text}`);
    return bounded ? { mean: sign(shown.mean), low: sign(shown.low), high: sign(shown.high), range: `${sign(shown.low)} to ${sign(shown.high)}` } : { mean: sign(shown.mean) };
  }
  const mass = unit === 't' ? massUnit ?? chooseMassUnit([mean, low, high]) : undefined;
  const scale = mass !== undefined ? PER_TONNE[mass] : unit === 'share' ? 100 : 1;
  const shown = formatEstimate(mean * scale, low * scale, high * scale);
  const sign = (text: string, value: number): string => (value > 0 && !/^0(\.0*)?$/.test(text) ? `+${text}` : text);
  const [m, l, h] = [sign(shown.mean, mean), sign(shown.low, low), sign(shown.high, high)];
  const unitAfter = (number: string): string => (mass !== undefined ? ` ${mass}` : unitAfterNumber(number, unit));
  // The unit follows the number, so the interval writes it once, after its high end.
  return bounded ? { mean: `${m}${unitAfter(m)}`, low: `${l}${unitAfter(l)}`, high: `${h}${unitAfter(h)}`, range: `${l} to ${h}${unitAfter(h)}` } : { mean: `${m}${unitAfter(m)}` };
}
