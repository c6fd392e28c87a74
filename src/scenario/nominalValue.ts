import type { DistributionSpec } from '../../sim-core/index.ts';
import { isDist } from './locatedTree.ts';

/**
 * The nominal value of a distribution, kept in place in the resolved spec: the mode (triangular),
 * mean (normal, clamped to its bounds), median (lognormal), midpoint (uniform) or first value
 * (discrete). Returns NaN when the needed parameters are not numbers.
 */
export function nominalOfDistribution(dist: DistributionSpec): number {
  switch (dist.dist) {
    case 'uniform':
      return (dist.min + dist.max) / 2;
    case 'triangular':
      return dist.mode;
    case 'normal':
      return Math.min(dist.max ?? Infinity, Math.max(dist.min ?? -Infinity, dist.mean));
    case 'lognormal':
      return dist.median;
    case 'discrete':
      return Array.isArray(dist.values) ? dist.values[0] : NaN;
    default:
      return NaN;
  }
}

/** A value's nominal number: itself when a number, its distribution's nominal value, else NaN. */
export function nominalValue(value: unknown): number {
  if (typeof value === 'number') return value;
  if (isDist(value)) {
    const nominal = nominalOfDistribution(value as unknown as DistributionSpec);
    return typeof nominal === 'number' ? nominal : NaN;
  }
  return NaN;
}
