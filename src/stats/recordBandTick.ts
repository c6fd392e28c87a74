import type { SeriesBand } from './createSeriesBand.ts';
import { recordSortedBandTick } from './recordSortedBandTick.ts';

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
