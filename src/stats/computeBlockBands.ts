import type { SeriesKey } from '../../sim-core/results.ts';
import { createSeriesBand, recordBandTick, type SeriesBand } from './recordBandTick.ts';

/**
 * A block of consecutive series for every replicate of a run, as read back from disk:
 * `values[(s · replicateCount + r) · ticks + t]` is series `firstSeries + s`, replicate r (0-based
 * within the run), tick t.
 */
export interface SeriesBlock {
  firstSeries: number;
  seriesCount: number;
  replicateCount: number;
  ticks: number;
  values: Float64Array;
}

/**
 * Computes the bands of one block of series (mean and type-7 quantiles per tick, see
 * {@link recordBandTick}); exactly the bytes `computeSeriesBands` gives for the same values.
 *
 * @param keys - The run's series keys (`layout.series`); the block's are taken from `firstSeries`.
 * @param block - The block.
 * @returns One band per series of the block, in order.
 * @example
 * for await (const block of readSeriesBlocks(...)) bands.push(...computeBlockBands(layout.series, block));
 */
export function computeBlockBands(keys: readonly SeriesKey[], block: SeriesBlock): SeriesBand[] {
  const { replicateCount, ticks, values } = block;
  const column = new Float64Array(replicateCount);
  const bands: SeriesBand[] = [];
  for (let s = 0; s < block.seriesCount; s++) {
    const band = createSeriesBand(keys[block.firstSeries + s], ticks);
    const base = s * replicateCount * ticks;
    for (let t = 0; t < ticks; t++) {
      for (let r = 0; r < replicateCount; r++) column[r] = values[base + r * ticks + t];
      recordBandTick(band, t, column);
    }
    bands.push(band);
  }
  return bands;
}
