import { mean } from './mean.ts';
import { quantile } from './quantile.ts';
import type { SeriesBand } from './createSeriesBand.ts';

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
