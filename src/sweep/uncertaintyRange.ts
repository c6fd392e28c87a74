import type { DistributionSpec } from '../../sim-core/index.ts';
import { normalQuantile } from '../stats/normalQuantile.ts';

/** The low and high ends of an uncertain parameter used in one-at-a-time sensitivity. */
export interface UncertaintyRange {
  low: number;
  high: number;
  /** How they were chosen: `p5/p95` (continuous laws) or `min/max` (discrete laws). */
  rule: 'p5/p95' | 'min/max';
}

/** Inverse CDF of the triangular law on [min, max] with the given mode. */
function triangularQuantile(p: number, min: number, mode: number, max: number): number {
  if (max <= min) return min;
  const split = (mode - min) / (max - min);
  return p < split ? min + Math.sqrt(p * (max - min) * (mode - min)) : max - Math.sqrt((1 - p) * (max - min) * (max - mode));
}

/** The p-quantile of a continuous scenario distribution (normal clamped to its bounds, as drawn). */
function continuousQuantile(dist: Exclude<DistributionSpec, { dist: 'discrete' }>, p: number): number {
  switch (dist.dist) {
    case 'uniform':
      return dist.min + p * (dist.max - dist.min);
    case 'triangular':
      return triangularQuantile(p, dist.min, dist.mode, dist.max);
    case 'normal':
      return Math.min(dist.max ?? Infinity, Math.max(dist.min ?? -Infinity, dist.mean + dist.sd * normalQuantile(p)));
    case 'lognormal':
      return dist.median * Math.exp(dist.sigma * normalQuantile(p));
  }
}

/**
 * The ends of a distribution for a tornado: its 5th and 95th percentiles for continuous laws
 * (uniform, triangular, normal, lognormal: the values a replicate falls below 5% and 95% of the
 * time, so unbounded laws get finite ends), the smallest and largest value for discrete laws.
 *
 * @param dist - The parameter's distribution.
 * @returns Low and high ends with the rule used.
 * @example
 * uncertaintyRange({ dist: 'uniform', min: 0, max: 1 }); // { low: 0.05, high: 0.95, rule: 'p5/p95' }
 */
export function uncertaintyRange(dist: DistributionSpec): UncertaintyRange {
  if (dist.dist === 'discrete') return { low: Math.min(...dist.values), high: Math.max(...dist.values), rule: 'min/max' };
  return { low: continuousQuantile(dist, 0.05), high: continuousQuantile(dist, 0.95), rule: 'p5/p95' };
}
