import type { DistributionSpec } from '../spec.ts';
import { drawLognormal, drawStandardNormal, drawTriangular } from './distributions.ts';
import type { Rng } from './rng.ts';

/** Uniform draw on [min, max). */
export function drawUniform(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng.nextFloat();
}

/**
 * Draw from a discrete law: `values[i]` with probability proportional to `weights[i]`
 * (equal weights when omitted). One uniform draw, inverse CDF.
 */
export function drawDiscrete(rng: Rng, values: readonly number[], weights?: readonly number[]): number {
  if (!weights) return values[Math.floor(rng.nextFloat() * values.length)];
  const total = weights.reduce((a, b) => a + b, 0);
  let u = rng.nextFloat() * total;
  for (let i = 0; i < values.length; i++) {
    u -= weights[i];
    if (u < 0) return values[i];
  }
  return values[values.length - 1];
}

/**
 * One draw from a scenario distribution: uniform, triangular, normal (clamped to `min`/`max` when
 * given), lognormal (median, log-scale sigma) or discrete. Example:
 * `drawDistribution(rng, { dist: 'triangular', min: 0.3, mode: 0.5, max: 0.7 })`.
 */
export function drawDistribution(rng: Rng, dist: DistributionSpec): number {
  switch (dist.dist) {
    case 'uniform':
      return drawUniform(rng, dist.min, dist.max);
    case 'triangular':
      return drawTriangular(rng, dist.min, dist.mode, dist.max);
    case 'normal': {
      const x = dist.mean + dist.sd * drawStandardNormal(rng);
      return Math.min(dist.max ?? Infinity, Math.max(dist.min ?? -Infinity, x));
    }
    case 'lognormal':
      return drawLognormal(rng, dist.median, dist.sigma);
    case 'discrete':
      return drawDiscrete(rng, dist.values, dist.weights);
  }
}
