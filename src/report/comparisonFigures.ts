import { formatMoney } from './formatMoney.ts';
import { chooseMassUnit, type MassUnit } from './chooseMassUnit.ts';
import { formatDifferenceEstimate } from './formatDifferenceEstimate.ts';
import { formatPercent } from './formatPercent.ts';
import { formatQuantity } from './formatQuantity.ts';
import type { ComparisonEntry } from './readComparisonJson.ts';

/* The figures of a comparison report: units, differences with their CIs, levels and ranking (renderComparisonSection). */

/** Differences within this share of the level are floating-point rounding (sums taken in another order), not effects. */
const ROUNDING_SHARE = 1e-9;

/**
 * Whether a difference is rounding, not an effect: its mean and both CI ends within a billionth of
 * the larger level (a policy that reorders a sum moves a peak price by 4e-17 of itself in some runs;
 * a policy audit saw that shown as "−0.0000000000000000444×, better in 33% of runs").
 *
 * @example
 * isRoundingNoise({ meanA: 1.3, meanB: 1.3, meanDifference: -4e-17, ciLow: -2e-16, ciHigh: 1e-16 } as ComparisonEntry); // true
 */
export function isRoundingNoise(e: Pick<ComparisonEntry, 'meanA' | 'meanB' | 'meanDifference' | 'ciLow' | 'ciHigh'>): boolean {
  const level = Math.max(Math.abs(e.meanA), Math.abs(e.meanB));
  if (!(level > 0)) return false;
  return [e.meanDifference, e.ciLow, e.ciHigh].every((v) => Number.isFinite(v) && Math.abs(v) <= ROUNDING_SHARE * level);
}

/** A clear difference whose whole 95% CI lies within this share of the reference's level is called negligible. */
export const NEGLIGIBLE_SHARE = 0.001;

/**
 * Whether a difference is negligible: its whole interval, not only its mean, within
 * {@link NEGLIGIBLE_SHARE} of the reference's level (an equivalence test: a mean of 0.0995% whose CI
 * reaches 0.114% is not shown to be negligible). Example: `isNegligible(-0.35, -0.40, -0.30, 351.6)` → false.
 */
export function isNegligible(mean: number, ciLow: number, ciHigh: number, level: number): boolean {
  const bound = NEGLIGIBLE_SHARE * Math.abs(level);
  return Math.max(Math.abs(mean), Math.abs(ciLow), Math.abs(ciHigh)) < bound;
}

/** `+1.75 t (+1.08 to +2.42 t)`, rounded alike (`formatDifferenceEstimate`); `no change in any run` for a difference that is zero in every pair (a `0 t (none …)` beside a level of 1,280 t read as "none of it"). */
export function formatDifferenceWithCi(e: ComparisonEntry, massUnit?: MassUnit): string {
  if (e.meanDifference === 0 && e.ciLow === 0 && e.ciHigh === 0) return 'no change in any run';
  if (isRoundingNoise(e)) return 'no change beyond rounding';
  const text = formatDifferenceEstimate(e.meanDifference, e.ciLow, e.ciHigh, e.unit, massUnit);
  // Rounded at the interval's precision a small mean reads "USD 0 (−USD 34 million to +USD 35 million)"
  // though it is USD 391,180: the mean then takes its own precision (audit 24, M3).
  if (e.unit === 'USD' && e.meanDifference !== 0 && text.startsWith('USD 0 (')) {
    return `${e.meanDifference > 0 ? '+' : '−'}${formatMoney(Math.abs(e.meanDifference))}${text.slice('USD 0'.length)}`;
  }
  return text;
}

/**
 * The mass unit of each tonnage metric, chosen from every figure of it (both means, the
 * difference and its CI, for every alternative), so a row and the headline tables read in one
 * unit (`7.65 t | 8.4 t | +0.748 t`, not `+748 kg`; `41.5 kg | 0 kg`, not `0 t`).
 */
export function massUnits(entries: readonly ComparisonEntry[]): Map<string, MassUnit> {
  const figures = new Map<string, number[]>();
  for (const e of entries.filter((x) => x.unit === 't')) figures.set(e.metric, [...(figures.get(e.metric) ?? []), e.meanA, e.meanB, e.meanDifference, e.ciLow, e.ciHigh]);
  return new Map([...figures].map(([metric, values]) => [metric, chooseMassUnit(values)]));
}

/** A level (not a difference): shares as percentages, everything else as `formatQuantity`. */
export function formatLevelValue(value: number, unit: string, massUnit?: MassUnit): string {
  return unit === 'share' ? formatPercent(value) : formatQuantity(value, unit, massUnit);
}

/** +1 when meanDifference = meanB − meanA (alternative − reference), −1 when it is meanA − meanB. */
export function differenceSign(entries: readonly ComparisonEntry[]): 1 | -1 {
  let votes = 0;
  for (const e of entries) {
    if (![e.meanA, e.meanB, e.meanDifference].every(Number.isFinite) || e.meanA === e.meanB) continue;
    votes += Math.abs(e.meanDifference - (e.meanB - e.meanA)) <= Math.abs(e.meanDifference - (e.meanA - e.meanB)) ? 1 : -1;
  }
  return votes >= 0 ? 1 : -1;
}

/** Metrics by the clearest difference of any alternative: |mean| / CI half-width, CI excluding zero first. */
export function rankMetrics(entries: readonly ComparisonEntry[]): string[] {
  const score = new Map<string, number>();
  for (const e of entries) {
    const half = (e.ciHigh - e.ciLow) / 2;
    const clear = e.ciLow > 0 || e.ciHigh < 0 ? 1000 : 0;
    // Rounding ranks with no change at all.
    const s = isRoundingNoise(e) ? 0 : clear + (half > 0 ? Math.abs(e.meanDifference) / half : Math.abs(e.meanDifference) > 0 ? 999 : 0);
    score.set(e.metric, Math.max(score.get(e.metric) ?? -1, Number.isFinite(s) ? s : 0));
  }
  return [...score.keys()].map((m, i) => ({ m, i })).sort((a, b) => (score.get(b.m) ?? 0) - (score.get(a.m) ?? 0) || a.i - b.i).map(({ m }) => m);
}
