/** Values (replicates × series × ticks) below which the band pass stays on the main thread. */
export const MIN_POOLED_BAND_VALUES = 20_000_000;

/**
 * Threads for the band pass: `workers` when the run is large enough for thread start-up (about
 * a second) to pay off, else 0 (main thread). Either way the bands are the same bytes.
 *
 * @param workers - Threads available (0 = main thread only).
 * @param values - replicates × series × ticks.
 * @returns 0 or `workers`.
 * @example
 * chooseBandWorkers(2, 1000 * 1058 * 520); // 2
 */
export function chooseBandWorkers(workers: number, values: number): number {
  return values >= MIN_POOLED_BAND_VALUES ? workers : 0;
}
