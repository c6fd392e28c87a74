import type { SeriesKey } from '../../sim-core/index.ts';
import { createSeriesBand, type SeriesBand } from './createSeriesBand.ts';
import { recordSortedBandTick } from './recordSortedBandTick.ts';
import { createSortScratch } from './createSortScratch.ts';
import { sortCarryingOrder } from './sortCarryingOrder.ts';

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
 * {@link recordSortedBandTick}); exactly the bytes `computeSeriesBands` gives for the same values.
 *
 * Each tick's values are visited in the order the replicates ranked at the previous tick and
 * sorted with {@link sortCarryingOrder}, which is fast on nearly sorted input: a replicate's rank
 * moves little from one tick to the next. The sorted values are those the built-in sort gives, so
 * the bands do not depend on the visiting order.
 *
 * @param keys - The run's series keys (`layout.series`); the block's are taken from `firstSeries`.
 * @param block - The block.
 * @returns One band per series of the block, in order.
 * @example
 * for await (const block of readSeriesBlocks(...)) bands.push(...computeBlockBands(layout.series, block));
 */
export function computeBlockBands(keys: readonly SeriesKey[], block: SeriesBlock): SeriesBand[] {
  const { replicateCount, ticks, values } = block;
  const sorted = new Float64Array(replicateCount);
  // Replicates in the previous tick's rank order (undefined ones last), and the same for this tick.
  const rankOrder = new Int32Array(replicateCount);
  const nextOrder = new Int32Array(replicateCount);
  const scratch = createSortScratch(replicateCount);
  const bands: SeriesBand[] = [];
  for (let s = 0; s < block.seriesCount; s++) {
    const band = createSeriesBand(keys[block.firstSeries + s], ticks);
    const base = s * replicateCount * ticks;
    for (let r = 0; r < replicateCount; r++) rankOrder[r] = r;
    for (let t = 0; t < ticks; t++) {
      let defined = 0;
      let undefinedAt = replicateCount;
      for (let i = 0; i < replicateCount; i++) {
        const r = rankOrder[i];
        const x = values[base + r * ticks + t];
        if (Number.isNaN(x)) nextOrder[--undefinedAt] = r;
        else {
          sorted[defined] = x;
          nextOrder[defined++] = r;
        }
      }
      sortCarryingOrder(sorted, nextOrder, defined, scratch);
      recordSortedBandTick(band, t, sorted.subarray(0, defined));
      rankOrder.set(nextOrder);
    }
    bands.push(band);
  }
  return bands;
}
