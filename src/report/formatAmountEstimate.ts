import { chooseMassUnit, PER_TONNE, type MassUnit } from './chooseMassUnit.ts';
import { formatAlongsideEstimate, formatEstimate } from './formatEstimate.ts';

/** A mean and its interval's ends, each as text with its unit. */
export interface EstimateText {
  mean: string;
  low: string;
  high: string;
}

/**
 * A sum of money with its interval, the three in one scale (set by the mean: USD, million or
 * billion) and rounded to the same decimals (`formatEstimate`), so that the interval does not read
 * more or less precise than the mean: "USD 94.7 million (95% CI USD 90.0 million to USD 99.3
 * million)", not "… USD 90 million to USD 99.3 million".
 *
 * @param mean - The estimate, USD.
 * @param low - The interval's low end, USD.
 * @param high - The interval's high end, USD.
 * @returns The three as text (`n/a` for one that is not finite).
 * @example
 * formatMoneyEstimate(94.7e6, 90.02e6, 99.3e6).low; // 'USD 90.0 million'
 */
export function formatMoneyEstimate(mean: number, low: number, high: number): EstimateText {
  const ends = [low, high].filter(Number.isFinite).map(Math.abs);
  // A mean whose interval reaches 0 (an unclear difference) takes the interval's scale; the mean is
  // sized as it will read (999.7 thousand reads 1.00 million).
  const unclear = !Number.isFinite(mean) || mean === 0 || (ends.length === 2 && low <= 0 && high >= 0);
  const size = unclear ? Math.max(0, ...ends, Number.isFinite(mean) ? Math.abs(mean) : 0) : Number(Math.abs(mean).toPrecision(3));
  const [divisor, suffix] = size >= 1e9 ? [1e9, ' billion'] : size >= 1e6 ? [1e6, ' million'] : [1, ''];
  const shown = formatEstimate(mean / divisor, low / divisor, high / divisor);
  // Zero is zero in any scale: "USD 0", not "USD 0.00 million".
  const text = (value: string): string => (value === 'n/a' ? value : /^0(\.0*)?$/.test(value) ? 'USD 0'
    : value.startsWith('−') ? `−USD ${value.slice(1)}${suffix}` : `USD ${value}${suffix}`);
  return { mean: text(shown.mean), low: text(shown.low), high: text(shown.high) };
}

/**
 * A mass with its interval, the three in one unit and rounded to the same decimals
 * (`formatEstimate`): "1.31 t (95% CI 0.18 t to 2.44 t)", not "… 0.179 t to 2.44 t".
 *
 * @param mean - The estimate, tonnes.
 * @param low - The interval's low end, tonnes.
 * @param high - The interval's high end, tonnes.
 * @param unit - The unit to write them in; by default the one that suits the largest.
 * @returns The three as text (`n/a` for one that is not finite).
 * @example
 * formatTonnesEstimate(1.31, 0.179, 2.44).low; // '0.18 t'
 */
export function formatTonnesEstimate(mean: number, low: number, high: number, unit: MassUnit = chooseMassUnit([mean, low, high])): EstimateText {
  const scale = PER_TONNE[unit];
  const shown = formatEstimate(mean * scale, low * scale, high * scale);
  const text = (value: string): string => (value === 'n/a' ? value : `${value} ${unit}`);
  return { mean: text(shown.mean), low: text(shown.low), high: text(shown.high) };
}

/**
 * `formatTonnesEstimate` with every non-zero figure signed, for paired differences:
 * "+1.2 t (95% CI +0.06 t to +2.34 t)", not "… +0.0623 t to +2.34 t".
 *
 * @param mean - The difference, tonnes.
 * @param low - Its interval's low end, tonnes.
 * @param high - Its interval's high end, tonnes.
 * @param unit - The unit to write them in; by default the one that suits the largest.
 * @returns The three as text.
 * @example
 * formatSignedTonnesEstimate(1.2, 0.0623, 2.34).low; // '+0.06 t'
 */
export function formatSignedTonnesEstimate(mean: number, low: number, high: number, unit?: MassUnit): EstimateText {
  const shown = formatTonnesEstimate(mean, low, high, unit);
  const signed = (text: string, value: number): string => (value > 0 && !/^0(\.0*)? /.test(text) ? `+${text}` : text);
  return { mean: signed(shown.mean, mean), low: signed(shown.low, low), high: signed(shown.high, high) };
}

/**
 * Signed masses that share a sentence with a paired difference and its interval, in its unit and
 * rounded to its decimals (`formatSignedTonnesEstimate`): the before and during parts of a split
 * beside its later part, "−11.6 t before …, +3.1 t later (95% CI −1.2 t to +7.4 t)", not "−11.6 t … +3 t later …".
 *
 * @param values - The masses to write, tonnes.
 * @param mean - The difference whose rounding they share, tonnes.
 * @param low - Its interval's low end, tonnes.
 * @param high - Its interval's high end, tonnes.
 * @param unit - The unit to write them in (that of the estimate).
 * @returns The masses as text, in order, each non-zero one signed.
 * @example
 * formatSignedTonnesAlongside([51.23, -11.6], 3.1, -1.2, 7.4, 't'); // ['+51.2 t', '−11.6 t']
 */
export function formatSignedTonnesAlongside(values: readonly number[], mean: number, low: number, high: number, unit: MassUnit): string[] {
  const scale = PER_TONNE[unit];
  const shown = formatAlongsideEstimate(values.map((v) => v * scale), mean * scale, low * scale, high * scale);
  return shown.map((text, i) => (text === 'n/a' ? text : values[i] > 0 && !/^0(\.0*)?$/.test(text) ? `+${text} ${unit}` : `${text} ${unit}`));
}
