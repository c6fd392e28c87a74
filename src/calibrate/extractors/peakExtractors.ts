import type { RunSeries } from '../runSeries.ts';
import type { SeriesSpec, DateSpec } from '../calibrationSpec.ts';
import { argMax, meanOver, ticksIn, ticksPerMonth, tickAt, calendarYear } from '../timeWindow.ts';

/**
 * Extractors about a price peak, each a small pure function of one replicate's series. The peak is
 * the largest value of `series` within `window`; "after N months" is the tick N months after it
 * (NaN when that falls beyond the run).
 */

type Window = [DateSpec, DateSpec];

/** Tick of the peak of `series` within `window`. */
function peakTick(run: RunSeries, series: SeriesSpec, window: Window): number {
  return argMax(run.get(series), ticksIn(run, window[0], window[1]));
}

/** Tick `months` after tick `t`, or −1 beyond the run. */
function after(run: RunSeries, t: number, months: number): number {
  const later = t + Math.round(months * ticksPerMonth(run));
  return later < run.ticks ? later : -1;
}

/** Peak multiple: max of `series` in `window` over its mean in `baseline` (e.g. ~20x for Dy oxide in 2011). */
export function peakMultiple(run: RunSeries, a: { series: SeriesSpec; baseline: Window; window: Window }): number {
  const values = run.get(a.series);
  return values[peakTick(run, a.series, a.window)] / meanOver(values, ticksIn(run, a.baseline[0], a.baseline[1]));
}

/** Months from the shock date `from` to the peak of `series` within `window`. */
export function monthsToPeak(run: RunSeries, a: { series: SeriesSpec; from: DateSpec; window: Window }): number {
  return (peakTick(run, a.series, a.window) - tickAt(run, calendarYear(a.from))) / ticksPerMonth(run);
}

/** Share of the peak left `afterMonths` after it: value then over the peak value. */
export function shareOfPeakLeft(run: RunSeries, a: { series: SeriesSpec; window: Window; afterMonths: number }): number {
  const values = run.get(a.series);
  const peak = peakTick(run, a.series, a.window);
  const later = after(run, peak, a.afterMonths);
  return later < 0 ? NaN : values[later] / values[peak];
}

/** Multiple of the pre-shock level `afterMonths` after the peak. */
export function multipleAfterPeak(run: RunSeries, a: { series: SeriesSpec; baseline: Window; window: Window; afterMonths: number }): number {
  const values = run.get(a.series);
  const later = after(run, peakTick(run, a.series, a.window), a.afterMonths);
  return later < 0 ? NaN : values[later] / meanOver(values, ticksIn(run, a.baseline[0], a.baseline[1]));
}

/**
 * Ratio of `series` to `denominator` at the peak of `series` (or `afterMonths` after it): e.g. the
 * export (outside) over the China-domestic (inside) price at the peak.
 */
export function ratioAtPeak(run: RunSeries, a: { series: SeriesSpec; denominator: SeriesSpec; window: Window; afterMonths: number }): number {
  const later = after(run, peakTick(run, a.series, a.window), a.afterMonths);
  return later < 0 ? NaN : run.get(a.series)[later] / run.get(a.denominator)[later];
}
