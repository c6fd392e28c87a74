import type { TargetSpec } from './calibrationSpec.ts';

/** Loss of a target whose Monte Carlo mean is not a finite number (or ≤ 0 on a log scale). */
export const INVALID_TARGET_LOSS = 25;
/** Weight of the pull toward the band's centre, inside and outside the band (a tie-breaker). */
export const CENTRE_WEIGHT = 0.05;

/**
 * The loss of one target given the Monte Carlo mean `value` of its extractor:
 *   loss = weight · [ d / w + (d / w)² + CENTRE_WEIGHT · ((v − c) / w)² ]
 * with v the value (ln v on a log scale), d its distance to the band [lo, hi] (0 inside), c the
 * band's centre (no centre term when a side is open) and w the normalising width: `tolerance`
 * if given, else hi − lo (both on the target's scale). The linear term makes even a small miss
 * cost something (a squared distance alone barely notices it); a value one band-width outside the
 * band costs 2; a non-finite value costs INVALID_TARGET_LOSS.
 * @example computeTargetLoss({ band: [10, 30], scale: 'log', weight: 1 }, 30) // ≈ 0.0125 (at the edge)
 */
export function computeTargetLoss(target: Pick<TargetSpec, 'band' | 'scale' | 'weight' | 'tolerance'>, value: number): number {
  const f = (x: number) => (target.scale === 'log' ? Math.log(x) : x);
  const v = f(value);
  if (!Number.isFinite(v)) return target.weight * INVALID_TARGET_LOSS;
  const [low, high] = target.band.map((b) => (b === null ? null : f(b)));
  const width = target.tolerance ?? (low !== null && high !== null ? high - low : 1);
  const distance = low !== null && v < low ? low - v : high !== null && v > high ? v - high : 0;
  const centre = low !== null && high !== null ? CENTRE_WEIGHT * ((v - (low + high) / 2) / width) ** 2 : 0;
  return target.weight * (distance / width + (distance / width) ** 2 + centre);
}

/** Whether `value` lies within the target's band (bounds included). */
export function isInBand(target: Pick<TargetSpec, 'band'>, value: number): boolean {
  const [low, high] = target.band;
  return Number.isFinite(value) && (low === null || value >= low) && (high === null || value <= high);
}

/** How many Monte Carlo standard errors from a band bound a mean must lie to count as in or out of the band with some confidence. */
export const EDGE_MCSE = 2;

/**
 * Whether a bound of the target's band lies within EDGE_MCSE Monte Carlo standard errors of `value`
 * (on the values' own scale, whatever the loss's scale): in or out of the band is then not settled
 * by the replicates run (strictly within: with MCSE 0 nothing is at an edge). false when `value` or `mcse` is not finite (no error to judge by).
 * @example isNearBandEdge({ band: [1, null] }, 1.1, 0.08) // true: 1 is 1.25 MCSE below 1.1
 */
export function isNearBandEdge(target: Pick<TargetSpec, 'band'>, value: number, mcse: number): boolean {
  if (!Number.isFinite(value) || !Number.isFinite(mcse)) return false;
  // Strictly within: a mean on a bound with no spread (MCSE 0) is in the band (bounds included), not at an edge.
  return target.band.some((bound) => bound !== null && Math.abs(value - bound) < EDGE_MCSE * mcse);
}
