import type { ReplicateResult, ResultLayout, SeriesKey } from '../../sim-core/results.ts';
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
 * Computes per-tick bands (mean and 5/25/50/75/95% type-7 quantiles) of every series across replicates.
 *
 * NaN values are ignored tick by tick; a tick with no defined value gets NaN everywhere. Each
 * tick's values are sorted before any arithmetic, so the bands are a pure function of the set of
 * replicates, independent of the order of `results`.
 *
 * Memory: this takes all replicates' full series in memory at once (replicates × series × ticks
 * doubles). A bounded-memory version (streaming quantile sketches, or bands computed per shard
 * of series) is future work; it does not exist yet.
 *
 * @param layout - The engine's result layout.
 * @param results - One result per replicate (any order).
 * @returns One band per `layout.series` key, in layout order.
 * @throws Error if a result's series array does not match the layout.
 * @example
 * const [priceBand] = computeSeriesBands(layout, results);
 * priceBand.p95[52]; // 95th percentile of the first series at tick 52
 */
export function computeSeriesBands(
  layout: ResultLayout,
  results: readonly ReplicateResult[],
): SeriesBand[] {
  const { ticks } = layout;
  const expected = layout.series.length * ticks;
  for (const result of results) {
    if (result.series.length !== expected) {
      throw new Error(
        `replicate ${result.replicate}: ${result.series.length} series values, layout needs ${expected}`,
      );
    }
  }
  const column = new Float64Array(results.length);
  return layout.series.map((key, s) => {
    const band = createBand(key, ticks);
    for (let t = 0; t < ticks; t++) {
      let defined = 0;
      for (let r = 0; r < results.length; r++) {
        const x = results[r].series[s * ticks + t];
        if (!Number.isNaN(x)) column[defined++] = x;
      }
      const sorted = column.subarray(0, defined).sort();
      band.n[t] = defined;
      band.mean[t] = mean(sorted);
      band.p5[t] = quantile(sorted, 0.05);
      band.p25[t] = quantile(sorted, 0.25);
      band.p50[t] = quantile(sorted, 0.5);
      band.p75[t] = quantile(sorted, 0.75);
      band.p95[t] = quantile(sorted, 0.95);
    }
    return band;
  });
}

/** Allocates an empty band of the given length. */
function createBand(key: SeriesKey, ticks: number): SeriesBand {
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
