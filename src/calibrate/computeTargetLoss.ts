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
