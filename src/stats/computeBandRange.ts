import type { SeriesKey } from '../../sim-core/index.ts';
import { computeBlockBands, type SeriesBlock } from './computeBlockBands.ts';
import type { SeriesBand } from './createSeriesBand.ts';

/**
 * A band job for a worker thread: series from…to−1 of a block whose values live in a
 * SharedArrayBuffer (layout of {@link SeriesBlock}: [series][replicate][tick]).
 */
export interface BandRangeTask {
  /** The block's values; the first `seriesCount · replicateCount · ticks` doubles are used. */
  shared: SharedArrayBuffer;
  /** Keys of the block's series, in order. */
  keys: SeriesKey[];
  seriesCount: number;
  replicateCount: number;
  ticks: number;
  /** Series range within the block (0-based, `to` exclusive). */
  from: number;
  to: number;
}

/**
 * Computes the bands of series from…to−1 of a shared block; the same bytes as
 * `computeBlockBands` on the whole block gives for those series.
 *
 * @param task - The block and the range.
 * @returns One band per series of the range, in order.
 * @example
 * computeBandRange({ shared, keys, seriesCount: 4, replicateCount: 100, ticks: 520, from: 0, to: 2 });
 */
export function computeBandRange(task: BandRangeTask): SeriesBand[] {
  const { replicateCount, ticks, from, to } = task;
  const perSeries = replicateCount * ticks;
  const values = new Float64Array(task.shared, from * perSeries * 8, (to - from) * perSeries);
  const block: SeriesBlock = { firstSeries: 0, seriesCount: to - from, replicateCount, ticks, values };
  return computeBlockBands(task.keys.slice(from, to), block);
}

export default computeBandRange;
