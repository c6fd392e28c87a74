import type { Rng } from '../../sim-core/index.ts';

/**
 * A Latin hypercube sample of `n` points in [0, 1)^dimensions: in every dimension each of the n
 * strata [k/n, (k+1)/n) holds exactly one point. Per dimension, a Fisher–Yates permutation assigns
 * strata to points and a uniform jitter places each point inside its stratum (McKay, Beckman &
 * Conover, Technometrics 21, 1979). Draws are taken from `rng` dimension by dimension.
 *
 * @param n - Number of points (≥ 1).
 * @param dimensions - Number of dimensions (≥ 0).
 * @param rng - The generator, advanced in place.
 * @returns n rows of `dimensions` coordinates.
 * @example
 * createLatinHypercube(10, 2, createStream(1, 0, 'lhs'));
 */
export function createLatinHypercube(n: number, dimensions: number, rng: Rng): number[][] {
  const rows = Array.from({ length: n }, () => new Array<number>(dimensions).fill(0));
  const strata = new Array<number>(n);
  for (let d = 0; d < dimensions; d++) {
    for (let i = 0; i < n; i++) strata[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng.nextFloat() * (i + 1));
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    for (let i = 0; i < n; i++) rows[i][d] = (strata[i] + rng.nextFloat()) / n;
  }
  return rows;
}
