import type { SeriesKey } from '../../sim-core/index.ts';

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
