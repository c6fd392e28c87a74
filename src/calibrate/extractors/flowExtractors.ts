import type { RunSeries } from '../runSeries.ts';
import type { SeriesSpec, DateSpec } from '../calibrationSpec.ts';
import { meanOver, monthOf, ticksIn } from '../timeWindow.ts';

/**
 * Extractors about flows and variances, each a small pure function of one replicate's series.
 * Flows are recorded per week, so means over calendar windows compare like with like whatever the
 * tick length (a month holds 4 or 5 weekly ticks).
 */

type Window = [DateSpec, DateSpec];

/**
 * Mean of `series` over `window` divided by `denominatorFactor` × the mean of `denominator` (default
 * the same series) over `denominatorWindow`: front-running (Nov exports over the Jan–Oct mean),
 * recovery (exports over pre-shock exports), quota use (exports over quota share × pre-quota exports).
 */
export function flowRatio(run: RunSeries, a: { series: SeriesSpec; window: Window; denominatorWindow: Window; denominator?: SeriesSpec; denominatorFactor: number }): number {
  const numerator = meanOver(run.get(a.series), ticksIn(run, a.window[0], a.window[1]));
  const denominator = meanOver(run.get(a.denominator ?? a.series), ticksIn(run, a.denominatorWindow[0], a.denominatorWindow[1]));
  return numerator / (a.denominatorFactor * denominator);
}

/** Drop of a flow in the calendar month of `month` against the month before: 1 − mean(month) / mean(previous month). */
export function firstMonthDrop(run: RunSeries, a: { series: SeriesSpec; month: DateSpec }): number {
  const [start, end] = monthOf(a.month);
  const values = run.get(a.series);
  const current = meanOver(values, ticksIn(run, start, end));
  const previous = meanOver(values, ticksIn(run, start - 1 / 12, start));
  return 1 - current / previous;
}

/** Largest decline within `window` relative to the `baseline` mean: 1 − min / baseline (e.g. thrift of material intensity). */
export function maxDecline(run: RunSeries, a: { series: SeriesSpec; baseline: Window; window: Window }): number {
  const values = run.get(a.series);
  const [first, end] = ticksIn(run, a.window[0], a.window[1]);
  let low = Infinity;
  for (let t = first; t < end; t++) low = Math.min(low, values[t]);
  return 1 - low / meanOver(values, ticksIn(run, a.baseline[0], a.baseline[1]));
}

/** Largest |ln(value / baseline mean)| of `series` within `window`: how far a price strays (a calm baseline). */
export function maxAbsLogChange(run: RunSeries, a: { series: SeriesSpec; baseline: Window; window: Window }): number {
  const values = run.get(a.series);
  const base = meanOver(values, ticksIn(run, a.baseline[0], a.baseline[1]));
  const [first, end] = ticksIn(run, a.window[0], a.window[1]);
  let largest = 0;
  for (let t = first; t < end; t++) largest = Math.max(largest, Math.abs(Math.log(values[t] / base)));
  return largest;
}

/** Population variance of `values` over ticks `[first, end)`. */
function varianceOver(values: Float64Array, window: [number, number]): number {
  const mean = meanOver(values, window);
  let sum = 0;
  for (let t = window[0]; t < window[1]; t++) sum += (values[t] - mean) ** 2;
  return sum / (window[1] - window[0]);
}

/** Variance of `series` over `window` relative to that of `denominator` (bullwhip: upstream orders over downstream orders). */
export function varianceRatio(run: RunSeries, a: { series: SeriesSpec; denominator: SeriesSpec; window: Window }): number {
  const ticks = ticksIn(run, a.window[0], a.window[1]);
  return varianceOver(run.get(a.series), ticks) / varianceOver(run.get(a.denominator), ticks);
}
