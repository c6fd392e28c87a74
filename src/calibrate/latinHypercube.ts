import { createStream } from '../../sim-core/index.ts';

/**
 * A Latin-hypercube sample of `points` points in the unit cube of `dimensions` dimensions: each
 * dimension's [0, 1) is cut into `points` equal strata and every stratum holds exactly one point,
 * in an order shuffled per dimension. Deterministic for a seed (the engine's sfc32 stream
 * "calibration-search"), so a search from scratch is reproducible.
 *
 * @param points - Number of points (integer ≥ 1).
 * @param dimensions - Number of coordinates per point.
 * @param seed - Master seed.
 * @returns `points` arrays of `dimensions` values in [0, 1).
 * @example
 * latinHypercube(4, 2, 1); // four points, one in each quarter of each axis
 */
export function latinHypercube(points: number, dimensions: number, seed: number): number[][] {
  const rng = createStream(seed, 0, 'calibration-search');
  const sample = Array.from({ length: points }, () => new Array<number>(dimensions).fill(0));
  for (let d = 0; d < dimensions; d++) {
    const strata = Array.from({ length: points }, (_, i) => i);
    for (let i = points - 1; i > 0; i--) {
      const j = Math.floor(rng.nextFloat() * (i + 1));
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    for (let p = 0; p < points; p++) sample[p][d] = (strata[p] + rng.nextFloat()) / points;
  }
  return sample;
}
