import type { ReplicateResult, ResultLayout } from '../../sim-core/index.ts';
import { createSeriesBand, type SeriesBand } from './createSeriesBand.ts';
import { recordBandTick } from './recordBandTick.ts';

export type { SeriesBand } from './createSeriesBand.ts';

/**
 * Computes per-tick bands (mean and 5/25/50/75/95% type-7 quantiles) of every series across
 * replicates held in memory.
 *
 * NaN values are ignored tick by tick; a tick with no defined value gets NaN everywhere. Each
 * tick's values are sorted before any arithmetic, so the bands are a pure function of the set of
 * replicates, independent of the order of `results`.
 *
 * Memory: this takes all replicates' full series at once (replicates × series × ticks doubles).
 * Large runs use {@link computeBlockBands} on blocks of series read back from disk instead
 * (docs/statistics.md); both give identical bytes.
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
    const band = createSeriesBand(key, ticks);
    for (let t = 0; t < ticks; t++) {
      for (let r = 0; r < results.length; r++) column[r] = results[r].series[s * ticks + t];
      recordBandTick(band, t, column);
    }
    return band;
  });
}
