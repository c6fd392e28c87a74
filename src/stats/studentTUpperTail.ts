import { regularizedIncompleteBeta } from './regularizedIncompleteBeta.ts';

/**
 * Upper-tail probability of Student's t distribution, P(T > t), for df degrees of freedom.
 *
 * Uses P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2) (Abramowitz & Stegun 26.7.1 with 26.5.27),
 * so small tail probabilities keep full relative precision.
 *
 * @param t - The t statistic (dimensionless).
 * @param df - Degrees of freedom, > 0 (need not be an integer).
 * @returns P(T > t) in [0, 1]; NaN for invalid arguments.
 * @example
 * studentTUpperTail(2.228138851986274, 10); // ≈ 0.025
 */
export function studentTUpperTail(t: number, df: number): number {
  if (!(df > 0) || Number.isNaN(t)) return NaN;
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  const t2 = t * t;
  const twoSided =
    t2 < df
      ? 1 - regularizedIncompleteBeta(t2 / (df + t2), 0.5, df / 2)
      : regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5);
  return t >= 0 ? twoSided / 2 : 1 - twoSided / 2;
}
