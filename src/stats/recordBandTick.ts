import type { SeriesKey } from '../../sim-core/results.ts';
import { mean } from './mean.ts';
import { quantile } from './quantile.ts';

/** Per-tick distribution of one series across replicates; each array has one entry per tick. */
export interface SeriesBand {
  key: SeriesKey;
  /** Number of defined (non-NaN) replicate values at each tick. */
  n: Int32Array;
  mean: Float64Array;
  p5: Float64Array;
  p25: Float64Array;
  p50: Float64Array;
  p75: Float64Array;
  p95: Float64Array;
}

/**
 * Allocates an empty band of the given length.
 *
 * @param key - The series it describes.
 * @param ticks - Number of ticks.
 * @returns Zero-filled arrays.
 * @example
 * const band = createSeriesBand(layout.series[0], layout.ticks);
 */
export function createSeriesBand(key: SeriesKey, ticks: number): SeriesBand {
  return {
    key,
    n: new Int32Array(ticks),
    mean: new Float64Array(ticks),
    p5: new Float64Array(ticks),
    p25: new Float64Array(ticks),
    p50: new Float64Array(ticks),
    p75: new Float64Array(ticks),
    p95: new Float64Array(ticks),
  };
}

/**
 * Records one tick of a band from the replicates' values at that tick: drops NaN, sorts
 * ascending in place, then writes n, the mean (summed in sorted order) and the 5/25/50/75/95%
 * type-7 quantiles. Sorting first makes the result a pure function of the multiset of values,
 * whatever order the replicates arrived in; a tick with no defined value gets NaN everywhere.
 *
 * @param band - Band to write into (mutated at index `tick`).
 * @param tick - Tick index.
 * @param column - Scratch holding the values of every replicate at this tick (reordered in place).
 * @example
 * recordBandTick(band, 52, Float64Array.of(3, NaN, 1, 2)); // n 3, p50 2
 */
export function recordBandTick(band: SeriesBand, tick: number, column: Float64Array): void {
  let defined = 0;
  for (let r = 0; r < column.length; r++) {
    const x = column[r];
    if (!Number.isNaN(x)) column[defined++] = x;
  }
  recordSortedBandTick(band, tick, column.subarray(0, defined).sort());
}

/**
 * Records one tick of a band from its defined values sorted ascending (no NaN): n, the mean
 * (summed in that order) and the 5/25/50/75/95% type-7 quantiles; NaN everywhere when empty.
 *
 * @param band - Band to write into (mutated at index `tick`).
 * @param tick - Tick index.
 * @param sorted - The tick's defined values, sorted ascending as `Float64Array.prototype.sort` does.
 * @example
 * recordSortedBandTick(band, 52, Float64Array.of(1, 2, 3)); // n 3, p50 2
 */
export function recordSortedBandTick(band: SeriesBand, tick: number, sorted: Float64Array): void {
  band.n[tick] = sorted.length;
  band.mean[tick] = mean(sorted);
  band.p5[tick] = quantile(sorted, 0.05);
  band.p25[tick] = quantile(sorted, 0.25);
  band.p50[tick] = quantile(sorted, 0.5);
  band.p75[tick] = quantile(sorted, 0.75);
  band.p95[tick] = quantile(sorted, 0.95);
}
