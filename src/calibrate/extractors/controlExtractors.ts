import type { RunSeries } from '../runSeries.ts';
import type { SeriesSpec, DateSpec } from '../calibrationSpec.ts';
import { meanOver, ticksIn } from '../timeWindow.ts';

/**
 * Extractors that compare a run with its paired control (the same scenario, seed and replicate
 * without the shock), so that the shock's own effect is measured apart from the baseline's drift.
 */

type Window = [DateSpec, DateSpec];

/** Largest |ln(run / control)| of `series` within `window` (0 where both are 0): e.g. a cyberattack's price effect. */
export function maxDeviationFromControl(run: RunSeries, control: RunSeries, a: { series: SeriesSpec; window: Window }): number {
  const values = run.get(a.series);
  const reference = control.get(a.series);
  const [first, end] = ticksIn(run, a.window[0], a.window[1]);
  let largest = 0;
  for (let t = first; t < end; t++) {
    if (values[t] === reference[t]) continue;
    largest = Math.max(largest, values[t] > 0 && reference[t] > 0 ? Math.abs(Math.log(values[t] / reference[t])) : Infinity);
  }
  return largest;
}

/** Mean of `series` over `window` in the run over its mean in the control: e.g. output in the week after an attack. */
export function ratioToControl(run: RunSeries, control: RunSeries, a: { series: SeriesSpec; window: Window }): number {
  const ticks = ticksIn(run, a.window[0], a.window[1]);
  return meanOver(run.get(a.series), ticks) / meanOver(control.get(a.series), ticks);
}

/** Largest ratio of `series` to its control within `window`: e.g. how far a shock lifted a price above the no-shock path. */
export function peakRatioToControl(run: RunSeries, control: RunSeries, a: { series: SeriesSpec; window: Window }): number {
  const values = run.get(a.series);
  const reference = control.get(a.series);
  const [first, end] = ticksIn(run, a.window[0], a.window[1]);
  let largest = -Infinity;
  for (let t = first; t < end; t++) largest = Math.max(largest, values[t] / reference[t]);
  return largest;
}
