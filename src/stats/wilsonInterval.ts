import { normalQuantile } from './normalQuantile.ts';

/** A proportion's two-sided confidence interval. */
export interface ProportionInterval {
  low: number;
  high: number;
}

/**
 * Wilson score interval of a binomial proportion k/n: (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)
 * with z the normal quantile at (1 + level)/2. Unlike the normal (Wald) interval it stays inside
 * [0, 1] and is not degenerate at k = 0 or k = n (0 of 100 gives [0, 0.037] at 95%).
 *
 * @param successes - k, an integer in [0, n].
 * @param n - Trials (integer ≥ 0); with none, both bounds are NaN.
 * @param level - Confidence level in (0, 1); default 0.95.
 * @returns The bounds, clamped to [0, 1].
 * @throws RangeError on a level outside (0, 1) or k outside [0, n].
 * @example
 * wilsonInterval(3, 10); // { low: 0.1078…, high: 0.6032… }
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): ProportionInterval {
  if (!(level > 0 && level < 1)) throw new RangeError(`wilsonInterval: level must be in (0, 1), got ${level}`);
  if (!(successes >= 0 && successes <= n)) throw new RangeError(`wilsonInterval: successes ${successes} not in [0, ${n}]`);
  if (n === 0) return { low: NaN, high: NaN };
  const z = normalQuantile((1 + level) / 2);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = p + z2n / 2;
  const half = z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  const scale = 1 + z2n;
  return {
    low: successes === 0 ? 0 : Math.max(0, (centre - half) / scale),
    high: successes === n ? 1 : Math.min(1, (centre + half) / scale),
  };
}
