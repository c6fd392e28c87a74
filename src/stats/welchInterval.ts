import type { MeanInterval } from './confidenceIntervalOfMean.ts';
import { mean } from './mean.ts';
import { sampleVariance } from './sampleVariance.ts';
import { sortedWithoutNaN } from './sortedWithoutNaN.ts';
import { studentTQuantile } from './studentTQuantile.ts';

/**
 * Welch's two-sided confidence interval of the difference of two means, x̄ − ȳ, for two
 * independent samples whose variances may differ: (x̄ − ȳ) ± t((1 + level)/2, ν) · √(s²ₓ/nₓ + s²ᵧ/nᵧ),
 * with the Welch–Satterthwaite degrees of freedom
 * ν = (s²ₓ/nₓ + s²ᵧ/nᵧ)² / ((s²ₓ/nₓ)²/(nₓ − 1) + (s²ᵧ/nᵧ)²/(nᵧ − 1)).
 *
 * NaN values are ignored and each sample is sorted first (a pure function of the two multisets).
 * Bounds are NaN when either sample has fewer than two values (no spread to estimate); when both
 * samples are constant the difference is known exactly and both bounds equal it.
 *
 * @param x - First sample (the minuend).
 * @param y - Second sample, same unit.
 * @param level - Confidence level in (0, 1); default 0.95.
 * @returns x̄ − ȳ with its interval; the mean is NaN when either sample is empty.
 * @throws RangeError when level is outside (0, 1).
 * @example
 * welchInterval([1, 2, 3, 4], [0, 1]); // { mean: 2, low: −0.3434…, high: 4.3434… } (ν = 48/13, t = 2.8701…, se = √(2/3))
 */
export function welchInterval(x: ArrayLike<number>, y: ArrayLike<number>, level = 0.95): MeanInterval {
  if (!(level > 0 && level < 1)) throw new RangeError(`welchInterval: level must be in (0, 1), got ${level}`);
  const a = sortedWithoutNaN(x);
  const b = sortedWithoutNaN(y);
  const difference = mean(a) - mean(b);
  if (a.length < 2 || b.length < 2) return { mean: difference, low: NaN, high: NaN };
  const va = sampleVariance(a) / a.length;
  const vb = sampleVariance(b) / b.length;
  const variance = va + vb;
  if (variance === 0) return { mean: difference, low: difference, high: difference };
  const df = (variance * variance) / ((va * va) / (a.length - 1) + (vb * vb) / (b.length - 1));
  const halfWidth = studentTQuantile((1 + level) / 2, df) * Math.sqrt(variance);
  return { mean: difference, low: difference - halfWidth, high: difference + halfWidth };
}
